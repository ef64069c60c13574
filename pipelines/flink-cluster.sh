#!/usr/bin/env bash
# A standalone Flink 1.19 session cluster on loopback, each process its own JVM, from Flink's Maven Central
# jars (pipelines/flink-cluster/pom.xml; flink-dist is not needed). Used by pipelines/flink.sh --cluster and
# by the Flink integration tests.
#   pipelines/flink-cluster.sh start DIR [TASKMANAGERS]  start a JobManager and TASKMANAGERS (default 1) TaskManagers;
#                                                      DIR holds conf/, log/, pids/; prints the REST port
#   pipelines/flink-cluster.sh stop DIR                  stop every process of the cluster (TERM, then KILL)
#   pipelines/flink-cluster.sh add-taskmanager DIR       start one more TaskManager and wait until it registered
#   pipelines/flink-cluster.sh kill-taskmanager DIR [N]  kill -9 TaskManager N (default: the oldest running one)
#   pipelines/flink-cluster.sh port DIR                  print the REST port (submit with --flinkMaster=localhost:PORT)
# Settings (environment): FLINK_TM_SLOTS (2), FLINK_TM_MEMORY (1536m), FLINK_JM_MEMORY (1024m),
# FLINK_RESTART_ATTEMPTS (10 failures per 10 min), FLINK_RESTART_DELAY (10 s). See README "Flink, cluster".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cluster_pom="$here/pipelines/flink-cluster/pom.xml"
cluster_cp_file="$here/pipelines/flink-cluster/target/classpath.txt"

die() { echo "flink-cluster: $*" >&2; exit 1; }

classpath() {
  if [[ ! -s "$cluster_cp_file" || "$cluster_pom" -nt "$cluster_cp_file" ]]; then
    echo "flink-cluster: resolving Flink's jars (mvn dependency:build-classpath)..." >&2
    mvn -q -B -f "$cluster_pom" dependency:build-classpath -Dmdep.outputFile="$cluster_cp_file" >&2 \
      || die "could not resolve Flink's jars from Maven; see the output above"
  fi
  cat "$cluster_cp_file"
}

# A TCP port nobody listens on (checked by connecting to it).
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"; return 0
    fi
  done
  die "no free TCP port found"
}

rest() { curl -sf --max-time 5 "http://127.0.0.1:$(cat "$1/rest.port")$2"; }

write_config() {
  local dir="$1" rest_port="$2" rpc_port="$3"
  mkdir -p "$dir/conf" "$dir/log" "$dir/pids" "$dir/tmp"
  cat > "$dir/conf/flink-conf.yaml" <<EOF
# Written by pipelines/flink-cluster.sh: a session cluster bound to loopback.
jobmanager.rpc.address: 127.0.0.1
jobmanager.bind-host: 127.0.0.1
jobmanager.rpc.port: $rpc_port
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $rest_port
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.numberOfTaskSlots: ${FLINK_TM_SLOTS:-2}
parallelism.default: 2
jobmanager.memory.process.size: ${FLINK_JM_MEMORY:-1024m}
taskmanager.memory.process.size: ${FLINK_TM_MEMORY:-1536m}
# Beam's batch translation deploys every stage at once (pipelined exchanges), each needing network buffers:
# 16 KB buffers (Flink's default is 32 KB) and a fifth of Flink memory give enough of them at parallelism 2.
# Managed memory is for Beam's sorts; the rest is task heap, where Tika parses.
taskmanager.memory.segment-size: 16kb
taskmanager.memory.network.fraction: 0.2
taskmanager.memory.network.min: 192mb
taskmanager.memory.managed.fraction: 0.15
# Batch recovery without checkpoints: a failed task restarts its failover region (the tasks connected to
# it by pipelined exchanges) from its inputs, after a pause. A lost TaskManager takes the finished results it
# held with it, and every consumer that then misses its input fails over once: one incident is a burst of
# failures. So the budget is failures per interval (a job failing on every try still fails within minutes).
restart-strategy.type: failure-rate
restart-strategy.failure-rate.max-failures-per-interval: ${FLINK_RESTART_ATTEMPTS:-10}
restart-strategy.failure-rate.failure-rate-interval: 10 min
restart-strategy.failure-rate.delay: ${FLINK_RESTART_DELAY:-10 s}
jobmanager.execution.failover-strategy: region
# A killed TaskManager is noticed within seconds anyway (its heartbeat RPCs fail: heartbeat.rpc-failure-threshold);
# the timeout, for a TaskManager that hangs, stays generous so a busy machine does not fail healthy ones.
heartbeat.interval: 5000
heartbeat.timeout: 60000
io.tmp.dirs: $dir/tmp
blob.storage.directory: $dir/tmp/blobs
web.tmpdir: $dir/tmp/web
EOF
  cat > "$dir/conf/log4j.properties" <<'EOF'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
appender.main.name = MainAppender
appender.main.type = File
appender.main.fileName = ${sys:log.file}
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
EOF
  echo "$rest_port" > "$dir/rest.port"
}

# Flink's own scripts ask BashJavaUtils for the JVM flags (heap, direct, metaspace) and the derived
# resource settings (-D ...) of a process; a TaskManager started without them fails on unset cpu cores.
resource_params() {
  local dir="$1" cmd="$2" out
  out=$(java -cp "$(classpath)" org.apache.flink.runtime.util.bash.BashJavaUtils "$cmd" --configDir "$dir/conf" 2>&1) \
    || { echo "$out" >&2; die "BashJavaUtils $cmd failed"; }
  out=$(grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$out" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')
  [[ $(wc -l <<<"$out") -ge 2 ]] || die "unexpected BashJavaUtils output for $cmd"
  echo "$out"
}

launch() {
  local dir="$1" name="$2" main="$3" cmd="$4" params jvm dyn
  params=$(resource_params "$dir" "$cmd")
  jvm=$(head -n 1 <<<"$params")
  dyn=$(tail -n 1 <<<"$params")
  # shellcheck disable=SC2086  # the flags are space-separated words by design
  nohup java $jvm -XX:+IgnoreUnrecognizedVMOptions \
    -Dlog.file="$dir/log/$name.log" -Dlog4j.configurationFile="file:$dir/conf/log4j.properties" \
    -cp "$(classpath)" "$main" --configDir "$dir/conf" $dyn \
    < /dev/null > "$dir/log/$name.out" 2>&1 &
  echo $! > "$dir/pids/$name.pid"
}

registered_taskmanagers() { rest "$1" /overview | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p'; }

wait_taskmanagers() {
  local dir="$1" want="$2" n
  for _ in $(seq 1 240); do
    n=$(registered_taskmanagers "$dir" 2>/dev/null || true)
    [[ -n "$n" && "$n" -ge "$want" ]] && return 0
    sleep 0.5
  done
  die "only ${n:-0} of $want TaskManagers registered after 120 s; see $dir/log/"
}

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

running_taskmanagers() {
  local f
  for f in "$1"/pids/taskmanager-*.pid; do
    [[ -e "$f" ]] && alive "$f" && echo "$f"
  done
  return 0
}

next_tm_index() { local n; n=$(ls "$1"/pids/taskmanager-*.pid 2>/dev/null | wc -l); echo $((n + 1)); }

start() {
  local dir="$1" tms="${2:-1}" i
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  [[ -z "$(running_taskmanagers "$dir")" ]] && ! alive "$dir/pids/jobmanager.pid" \
    || die "a cluster already runs in $dir; stop it first"
  classpath > /dev/null
  write_config "$dir" "$(free_port)" "$(free_port)"
  launch "$dir" jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint GET_JM_RESOURCE_PARAMS
  for i in $(seq 1 "$tms"); do
    launch "$dir" "taskmanager-$i" org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS
  done
  wait_taskmanagers "$dir" "$tms"
  echo "flink-cluster: JobManager and $tms TaskManager(s) up; web UI http://127.0.0.1:$(cat "$dir/rest.port"); logs $dir/log" >&2
  cat "$dir/rest.port"
}

stop() {
  local dir="$1" f pids=()
  for f in "$dir"/pids/*.pid; do
    [[ -e "$f" ]] && alive "$f" && pids+=("$(cat "$f")")
  done
  [[ ${#pids[@]} -eq 0 ]] && return 0
  kill "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 1 40); do
    local left=()
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left+=("$p"); done
    [[ ${#left[@]} -eq 0 ]] && return 0
    sleep 0.25
  done
  kill -9 "${pids[@]}" 2>/dev/null || true
}

add_taskmanager() {
  local dir="$1" before i
  before=$(registered_taskmanagers "$dir" || echo 0)
  i=$(next_tm_index "$dir")
  launch "$dir" "taskmanager-$i" org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS
  # The JobManager may still count a killed TaskManager until its heartbeat times out: wait for the new one
  # to be among the registered ones by its log line rather than by the count alone.
  for _ in $(seq 1 240); do
    grep -q "Successful registration at resource manager" "$dir/log/taskmanager-$i.log" 2>/dev/null && {
      echo "flink-cluster: taskmanager-$i registered (JobManager counted $before before)" >&2; return 0; }
    sleep 0.5
  done
  die "taskmanager-$i did not register within 120 s; see $dir/log/taskmanager-$i.log"
}

kill_taskmanager() {
  local dir="$1" which="${2:-}" f
  if [[ -n "$which" ]]; then
    f="$dir/pids/taskmanager-$which.pid"
  else
    f=$(running_taskmanagers "$dir" | head -n 1)
  fi
  [[ -n "$f" ]] && alive "$f" || die "no running TaskManager ${which} in $dir"
  kill -9 "$(cat "$f")"
  echo "flink-cluster: killed $(basename "$f" .pid) (pid $(cat "$f"))" >&2
}

cmd="${1:-help}"; shift || true
case "$cmd" in
  start) [[ $# -ge 1 ]] || die "usage: start DIR [TASKMANAGERS]"; start "$@" ;;
  stop) [[ $# -ge 1 ]] || die "usage: stop DIR"; stop "$1" ;;
  add-taskmanager) [[ $# -ge 1 ]] || die "usage: add-taskmanager DIR"; add_taskmanager "$(cd "$1" && pwd)" ;;
  kill-taskmanager) [[ $# -ge 1 ]] || die "usage: kill-taskmanager DIR [N]"; kill_taskmanager "$1" "${2:-}" ;;
  port) cat "$1/rest.port" ;;
  *) sed -n '2,12p' "$0"; [[ "$cmd" == help || "$cmd" == --help ]] ;;
esac
