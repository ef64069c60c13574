#!/usr/bin/env bash
# Benchmarks.
#   pipelines/bench.sh jmh [REGEX] [JMH options]   JMH benchmarks in src/test/java/io/newsbeam/bench (one core: -t 1)
#   pipelines/bench.sh events N [TXT_DIR]           event grouping time on N documents generated from the ECB+ dev texts
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cmd="${1:-help}"; shift || true
case "$cmd" in
  jmh)
    (cd "$here" && mvn -q -B -DskipTests test-compile)
    exec java -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/test-classpath.txt")" \
      org.openjdk.jmh.Main -t 1 "$@"
    ;;
  events)
    (cd "$here" && mvn -q -B -DskipTests test-compile)
    exec java ${NEWSBEAM_JAVA_OPTS:--Xmx4g} -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/test-classpath.txt")" \
      io.newsbeam.bench.EventsScaling "$@"
    ;;
  *)
    sed -n '2,5p' "$0"
    ;;
esac
