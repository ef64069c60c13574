package io.newsbeam.extract;

import java.util.Locale;

/** Where Tika runs: in a child JVM of the worker (a parser stuck in a loop is killed) or in the worker JVM. */
public enum ParseIsolation {
  /** Every parse runs in a child JVM ({@link ParseProcessPool}); a parse past the timeout retires or kills it. */
  PROCESS,
  /** Parses run on a thread of the worker JVM; a timeout abandons the thread (it may keep spinning). */
  NONE;

  public static ParseIsolation parse(String value) {
    if (value != null) {
      for (ParseIsolation p : values()) {
        if (p.name().equalsIgnoreCase(value.strip())) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "--parseIsolation must be process (parse in killable child JVMs, the default) or none (parse in the"
            + " worker JVM), got " + value);
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
