#!/usr/bin/env bash
# Runs newsbeam on the DirectRunner (the embedded, in-process runner for development).
#   pipelines/direct.sh [--input=GLOB] [--output=DIR] [more pipeline options]
#   pipelines/direct.sh --help      lists every option with its meaning
# Defaults: --input='sample-input/*' --output=out --overwrite=true. Builds the project when needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/pipelines/lib.sh"

if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
  newsbeam_build
  newsbeam_java io.newsbeam.NewsbeamPipeline --help=io.newsbeam.options.NewsbeamOptions
  exit 0
fi

args=("$@")
has_opt() { local o; for o in "${args[@]}"; do [[ "$o" == "--$1="* || "$o" == "--$1" ]] && return 0; done; return 1; }
has_opt input || args+=("--input=$here/sample-input/*")
has_opt output || args+=("--output=$here/out")
has_opt overwrite || args+=("--overwrite=true")
has_opt runner || args+=("--runner=DirectRunner")

newsbeam_build
newsbeam_java io.newsbeam.NewsbeamPipeline "${args[@]}"
out=$(printf '%s\n' "${args[@]}" | sed -n 's/^--output=//p' | tail -n 1)
echo "newsbeam: wrote $out (see $out/_MANIFEST.json)"
