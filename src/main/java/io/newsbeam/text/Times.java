package io.newsbeam.text;

import java.time.Instant;

/** Null-safe conversions between epoch millis (libraries) and Instant (Avro timestamp-millis fields). */
public final class Times {
  private Times() {}

  public static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  public static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
