# Shared by the launch scripts: build when sources changed, then run with plain `java -cp`.
# shellcheck shell=bash
NEWSBEAM_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

newsbeam_build() {
  local stamp="$NEWSBEAM_HOME/target/classpath.txt"
  local newer=""
  if [[ -f "$stamp" && -d "$NEWSBEAM_HOME/target/classes" ]]; then
    newer=$(find "$NEWSBEAM_HOME/src/main" "$NEWSBEAM_HOME/schemas" "$NEWSBEAM_HOME/pom.xml" -newer "$stamp" -type f 2>/dev/null | head -n 1)
  else
    newer="missing"
  fi
  if [[ -n "$newer" ]]; then
    echo "newsbeam: building (mvn -q -DskipTests compile)..." >&2
    (cd "$NEWSBEAM_HOME" && mvn -q -B -DskipTests compile) >&2
    touch "$stamp"
  fi
}

newsbeam_java() {
  local main="$1"; shift
  java ${NEWSBEAM_JAVA_OPTS:--Xmx4g} -cp "$NEWSBEAM_HOME/target/classes:$(cat "$NEWSBEAM_HOME/target/classpath.txt")" "$main" "$@"
}
