# Shared by the runner scripts (flink.sh, dataflow.sh): builds target/newsbeam-bundled.jar with the runners a
# script needs, only when it is missing, older than the sources, or lacks one of those runners.
# shellcheck shell=bash
NEWSBEAM_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NEWSBEAM_JAR="$NEWSBEAM_HOME/target/newsbeam-bundled.jar"
NEWSBEAM_JAR_PROFILES="$NEWSBEAM_HOME/target/newsbeam-bundled.profiles"

# newsbeam_bundle PROFILE...   e.g. newsbeam_bundle flink
newsbeam_bundle() {
  local want=("$@") have="" p missing="" newer=""
  [[ -f "$NEWSBEAM_JAR_PROFILES" ]] && have=$(cat "$NEWSBEAM_JAR_PROFILES")
  for p in "${want[@]}"; do [[ ",$have," == *",$p,"* ]] || missing=yes; done
  if [[ -f "$NEWSBEAM_JAR" && -z "$missing" ]]; then
    newer=$(find "$NEWSBEAM_HOME/src/main" "$NEWSBEAM_HOME/schemas" "$NEWSBEAM_HOME/pom.xml" -newer "$NEWSBEAM_JAR" -type f 2>/dev/null | head -n 1)
  fi
  if [[ ! -f "$NEWSBEAM_JAR" || -n "$missing" || -n "$newer" ]]; then
    # keep the runners the jar already had, so flink.sh and dataflow.sh do not rebuild each other's jar
    local all
    all=$(printf '%s\n' "${want[@]}" ${have//,/ } | grep -v '^bundle$' | sort -u | paste -sd, -)
    echo "newsbeam: bundling target/newsbeam-bundled.jar with -P${all} (mvn -DskipTests package; a minute or two)..." >&2
    (cd "$NEWSBEAM_HOME" && mvn -q -B -DskipTests "-P$all" package) >&2
    echo "$all" > "$NEWSBEAM_JAR_PROFILES"
  fi
}

# Absolute form of a local path option value (the cluster's processes run elsewhere); URLs stay as they are.
newsbeam_abs() {
  local v="$1"
  if [[ "$v" == *://* || "$v" == /* ]]; then echo "$v"; else echo "$PWD/$v"; fi
}
