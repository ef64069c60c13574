#!/usr/bin/env bash
# Opens a newsbeam _REPORT.html in headless Chromium, checks it rendered without script errors and saves a
# screenshot:  src/test/browser/check-report.sh REPORT.html SCREENSHOT.png
# Installs Debian's chromium with apt-get when it is missing (needs root). Exit 0 only when the page's own script
# marked it rendered (body[data-rendered=ok], #report-ready) and Chromium's console shows no error.
set -euo pipefail
report="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shot="$2"
mkdir -p "$(dirname "$shot")"

browser=""
for b in chromium chromium-browser; do command -v "$b" >/dev/null 2>&1 && browser="$b" && break; done
if [[ -z "$browser" ]]; then
  echo "check-report: installing chromium (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium >&2
  browser=chromium
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --hide-scrollbars
       --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --virtual-time-budget=5000)

timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$report" > "$work/dom.html" 2> "$work/console.log" || {
  echo "check-report: chromium failed"; cat "$work/console.log"; exit 1; }
timeout 120 "$browser" "${flags[@]}" --window-size=1280,1500 --screenshot="$shot" "file://$report" \
  > /dev/null 2>> "$work/console.log" || { echo "check-report: screenshot failed"; cat "$work/console.log"; exit 1; }

status=0
if grep -E "CONSOLE|Uncaught|SyntaxError|TypeError|ReferenceError" "$work/console.log" | grep -v "dbus" ; then
  echo "check-report: script errors in the console (above)"; status=1
fi
grep -q 'data-rendered="ok"' "$work/dom.html" || { echo "check-report: the page did not mark itself rendered"; status=1; }
charts=$(sed -n 's/.*id="report-ready"[^>]*data-charts="\([0-9]*\)".*/\1/p; s/.*data-charts="\([0-9]*\)"[^>]*id="report-ready".*/\1/p' "$work/dom.html" | head -n 1)
[[ -n "$charts" ]] || { echo "check-report: #report-ready missing"; status=1; }
svgs=$(grep -o "<svg" "$work/dom.html" | wc -l || true)
[[ -s "$shot" ]] || { echo "check-report: no screenshot"; status=1; }
echo "check-report: rendered=$([[ $status == 0 ]] && echo ok || echo FAILED) charts=${charts:-0} svg=$svgs screenshot=$shot ($(stat -c %s "$shot" 2>/dev/null || echo 0) bytes)"
exit $status
