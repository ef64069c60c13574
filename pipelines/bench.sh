#!/usr/bin/env bash
# Benchmarks.
#   pipelines/bench.sh jmh [REGEX] [JMH options]   JMH benchmarks in src/test/java/io/newsbeam/bench (one core: -t 1)
#   pipelines/bench.sh generate N DIR [SEED [COPIES]]  a realistic corpus of N documents from the dev data (deterministic);
#                                                   COPIES > 0: distinct stories grow with N, about COPIES documents each
#   pipelines/bench.sh run N [direct|flink] [options]  end-to-end docs/s, MB/s, peak memory on a generated corpus
#                                                   (NEWSBEAM_BENCH_COPIES=C: on the corpus generated with COPIES=C)
#   pipelines/bench.sh dedup N [beam|library] [SEED]   dedup step on N generated syndicated documents (DedupScaleBench)
#   pipelines/bench.sh parse DIR [N [THREADS [process|none [ROUNDS]]]]  extraction alone on the first N files of DIR,
#                                                   in child JVMs (process) or in this one (none): docs/s per round
#   pipelines/bench.sh events N [TXT_DIR]           event grouping time on N documents generated from the ECB+ dev texts
#   pipelines/bench.sh peers [ROUNDS] [WARMUPS] [--node]  newsbeam vs Tika+boilerpipe vs Readability4J on the dev pages:
#                                                   F1 and pages/s; --node: then Mozilla's Readability on Node (jsdom;
#                                                   NEWSBEAM_NODE_ROUNDS, NEWSBEAM_NODE_WARMUPS: its passes, default 3 and 1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cmd="${1:-help}"; shift || true
case "$cmd" in
  jmh)
    (cd "$here" && mvn -q -B -DskipTests test-compile)
    exec java -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/test-classpath.txt")" \
      org.openjdk.jmh.Main -t 1 "$@"
    ;;
  generate)
    (cd "$here" && mvn -q -B -DskipTests test-compile)
    exec java -Dnewsbeam.home="$here" -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/test-classpath.txt")" \
      io.newsbeam.bench.CorpusGenerator "$@"
    ;;
  run)
    n="${1:?usage: pipelines/bench.sh run N [direct|flink] [pipeline options]}"; shift
    runner="${1:-direct}"; shift || true
    copies="${NEWSBEAM_BENCH_COPIES:-0}"
    name="$n"; [ "$copies" = 0 ] || name="$n-c$copies"
    corpus="${NEWSBEAM_BENCH_DIR:-/tmp/newsbeam-bench}/corpus-$name"
    out="${NEWSBEAM_BENCH_DIR:-/tmp/newsbeam-bench}/out-$name-$runner"
    [ -d "$corpus" ] || "$0" generate "$n" "$corpus" 42 "$copies"
    mb=$(du -sm "$corpus" | cut -f1)
    # build first, so that the timing is the run's alone
    case "$runner" in
      flink) source "$here/pipelines/bundle.sh"; newsbeam_bundle flink ;;
      direct) source "$here/pipelines/lib.sh"; newsbeam_build ;;
    esac
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$out.time" "$here/pipelines/$runner.sh" --input="$corpus/*/*" --output="$out" --overwrite=true "$@" > "$out.log" 2>&1 \
      || { echo "run failed: see $out.log" >&2; tail -n 20 "$out.log" >&2; exit 1; }
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc -l)
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out.time")
    printf 'runner=%s docs=%s MB=%s seconds=%.1f docs_per_s=%.1f MB_per_s=%.2f peak_rss_MB=%d\n' \
      "$runner" "$n" "$mb" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$mb / $secs" | bc -l)" "$((rss / 1024))"
    grep -A6 '"tables"' "$out/_MANIFEST.json" | tr -d '\n' ; echo
    ;;
  dedup)
    (cd "$here" && mvn -q -B -DskipTests test-compile)
    exec java ${NEWSBEAM_JAVA_OPTS:--Xmx8g} -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/test-classpath.txt")" \
      io.newsbeam.bench.DedupScaleBench "$@"
    ;;
  parse)
    (cd "$here" && mvn -q -B -DskipTests test-compile)
    exec java ${NEWSBEAM_JAVA_OPTS:--Xmx2g} -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/test-classpath.txt")" \
      io.newsbeam.bench.ParseThroughput "$@"
    ;;
  events)
    (cd "$here" && mvn -q -B -DskipTests test-compile)
    # 100k documents need about 5 GB (signals and vectors of every article are held in memory)
    exec java ${NEWSBEAM_JAVA_OPTS:--Xmx8g} -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/test-classpath.txt")" \
      io.newsbeam.bench.EventsScaling "$@"
    ;;
  peers)
    node_too=""; java_args=()
    for a in "$@"; do [[ "$a" == "--node" ]] && node_too=yes || java_args+=("$a"); done
    (cd "$here" && mvn -q -B -DskipTests test-compile)
    cp="$here/target/test-classes:$here/target/classes:$(cat "$here/target/test-classpath.txt")"
    java ${NEWSBEAM_JAVA_OPTS:--Xmx2g} -cp "$cp" io.newsbeam.bench.PeerExtractors "${java_args[@]}" | tee "$here/target/peers.txt"
    [[ -n "$node_too" ]] || exit 0
    # Mozilla's Readability on Node with jsdom, pinned in pipelines/readability-node, installed under target/.
    command -v node > /dev/null || { echo "bench.sh peers --node: needs Node.js 18 or later (and npm) on the PATH" >&2; exit 2; }
    nodedir="$here/target/readability-node"
    if [[ ! -d "$nodedir/node_modules" ]] || ! cmp -s "$here/pipelines/readability-node/package-lock.json" "$nodedir/package-lock.json"; then
      mkdir -p "$nodedir"
      cp "$here/pipelines/readability-node/package.json" "$here/pipelines/readability-node/package-lock.json" "$nodedir/"
      (cd "$nodedir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
    cp "$here/pipelines/readability-node/peer.mjs" "$nodedir/"
    # jsdom is slow (a small fraction of the JVM peers' speed here): by default one warm-up and three timed passes
    node "$nodedir/peer.mjs" "$here/../shared/dev-data/extraction_html" "${NEWSBEAM_NODE_ROUNDS:-3}" "${NEWSBEAM_NODE_WARMUPS:-1}" \
      "$nodedir/bodies.jsonl" | tee "$nodedir/peer.txt"
    java -cp "$cp" io.newsbeam.bench.ScoreBodies readability-node "$nodedir/bodies.jsonl"
    ours=$(sed -n 's/^newsbeam .*pages_per_cpu_s=\([0-9.]*\).*/\1/p' "$here/target/peers.txt")
    theirs=$(sed -n 's/^readability-node pages_per_cpu_s=\([0-9.]*\).*/\1/p' "$nodedir/peer.txt")
    printf 'readability-node newsbeam_speed_ratio=%.2f (newsbeam %s, Readability on Node %s pages per CPU s)\n' \
      "$(echo "$ours / $theirs" | bc -l)" "$ours" "$theirs"
    ;;
  *)
    sed -n '2,15p' "$0"
    ;;
esac
