#!/usr/bin/env bash
# Runs newsbeam on the FlinkRunner (Flink 1.19) from the bundled jar.
#   pipelines/flink.sh [--input=GLOB] [--output=DIR] [more pipeline options]
#       an embedded Flink mini cluster inside this JVM (--flinkMaster=[local]), parallelism 2
#   pipelines/flink.sh --cluster [--input=GLOB] [--output=DIR] [more pipeline options]
#       starts a standalone session cluster on 127.0.0.1 (pipelines/flink-cluster.sh: a JobManager and
#       FLINK_TASKMANAGERS TaskManagers, default 1, each its own JVM), submits the jar to it
#       (--flinkMaster=localhost:PORT), waits for the job and stops the cluster, also on failure
#   pipelines/flink.sh --flinkMaster=HOST:PORT [...]   submits to a Flink 1.19 cluster you run yourself
# Defaults: --input='sample-input/*' --output=out --overwrite=true --parallelism=2 --fasterCopy=true.
# Builds target/newsbeam-bundled.jar with -Pflink when needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/pipelines/bundle.sh"

cluster=""
args=()
for a in "$@"; do
  case "$a" in
    --cluster) cluster=yes ;;
    --help|-h) sed -n '2,13p' "$0"; exit 0 ;;
    --input=*) args+=("--input=$(newsbeam_abs "${a#--input=}")") ;;
    --output=*) args+=("--output=$(newsbeam_abs "${a#--output=}")") ;;
    *) args+=("$a") ;;
  esac
done
has_opt() { local o; for o in "${args[@]}"; do [[ "$o" == "--$1="* || "$o" == "--$1" ]] && return 0; done; return 1; }
has_opt input || args+=("--input=$here/sample-input/*")
has_opt output || args+=("--output=$here/out")
has_opt overwrite || args+=("--overwrite=true")
has_opt parallelism || args+=("--parallelism=2")
# DoFns here never mutate their inputs: skip the defensive copy between chained operators.
has_opt fasterCopy || args+=("--fasterCopy=true")
args+=("--runner=FlinkRunner")
if [[ -n "$cluster" ]] && has_opt flinkMaster; then
  echo "flink.sh: --cluster starts its own cluster; drop --flinkMaster (or drop --cluster to use yours)" >&2; exit 2
fi

newsbeam_bundle flink
start=$(date +%s.%N)
if [[ -n "$cluster" ]]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/newsbeam-flink-cluster.XXXXXX")
  # Stop the cluster whatever happens; keep its logs when the job failed.
  trap 'rc=$?; "$here/pipelines/flink-cluster.sh" stop "$dir"; if [[ $rc -eq 0 ]]; then rm -rf "$dir"; else echo "flink.sh: cluster logs kept in $dir/log" >&2; fi' EXIT
  port=$("$here/pipelines/flink-cluster.sh" start "$dir" "${FLINK_TASKMANAGERS:-1}")
  # The client only builds the job graph and uploads the jar: a small heap is enough.
  java ${NEWSBEAM_JAVA_OPTS:--Xmx768m} -jar "$NEWSBEAM_JAR" "${args[@]}" "--flinkMaster=localhost:$port"
else
  has_opt flinkMaster || args+=("--flinkMaster=[local]")
  java ${NEWSBEAM_JAVA_OPTS:--Xmx2g} -jar "$NEWSBEAM_JAR" "${args[@]}"
fi
out=$(printf '%s\n' "${args[@]}" | sed -n 's/^--output=//p' | tail -n 1)
echo "newsbeam: wrote $out (see $out/_MANIFEST.json) in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
