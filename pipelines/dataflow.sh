#!/usr/bin/env bash
# Runs newsbeam on Google Cloud Dataflow from the bundled jar (built with -Pdataflow when needed).
#   pipelines/dataflow.sh --project=PROJECT --region=REGION --tempLocation=gs://BUCKET/tmp \
#       --input='gs://BUCKET/news/**' --output=gs://BUCKET/newsbeam/out [sizing] [more pipeline options]
# Sizing (defaults): --workerMachineType=n2-standard-4 --maxNumWorkers=10 (autoscaling up to it);
#   also --numWorkers, --diskSizeGb. --stagingLocation defaults to <tempLocation>/staging.
# Every option and the credentials are checked first (io.newsbeam.runners.DataflowPreflight): a missing option,
# a local path, or no Application Default Credentials fail at once with what to do; nothing is sent before.
# Credentials: GOOGLE_APPLICATION_CREDENTIALS, or `gcloud auth application-default login`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/pipelines/lib.sh"
source "$here/pipelines/bundle.sh"

if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then sed -n '2,9p' "$0"; exit 0; fi

args=("$@")
has_opt() { local o; for o in "${args[@]}"; do [[ "$o" == "--$1="* || "$o" == "--$1" ]] && return 0; done; return 1; }
opt() { printf '%s\n' "${args[@]}" | sed -n "s/^--$1=//p" | tail -n 1; }
has_opt runner || args+=("--runner=DataflowRunner")
has_opt workerMachineType || args+=("--workerMachineType=n2-standard-4")
has_opt maxNumWorkers || args+=("--maxNumWorkers=10")
if ! has_opt stagingLocation && has_opt tempLocation; then args+=("--stagingLocation=$(opt tempLocation)/staging"); fi

newsbeam_build
newsbeam_java io.newsbeam.runners.DataflowPreflight "${args[@]}" || exit 2
newsbeam_bundle dataflow
exec java ${NEWSBEAM_JAVA_OPTS:--Xmx2g} -jar "$NEWSBEAM_JAR" "${args[@]}"
