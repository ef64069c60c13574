#!/usr/bin/env bash
# Evaluation commands: run newsbeam's own code on labelled data and print the figures.
#   pipelines/evaluate.sh KIND --data DIR [options]      (pipelines/evaluate.sh --help lists the kinds)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/pipelines/lib.sh"
newsbeam_build
newsbeam_java io.newsbeam.eval.Evaluate "$@"
