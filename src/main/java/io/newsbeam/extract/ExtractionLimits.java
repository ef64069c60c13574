package io.newsbeam.extract;

import java.io.Serializable;

/**
 * Limits that turn bad inputs into rejects instead of crashes.
 *
 * @param maxInputBytes largest input (after decompression) that is read
 * @param maxTextChars largest extracted text kept
 * @param parseTimeoutMillis longest a single parse may take
 */
public record ExtractionLimits(long maxInputBytes, int maxTextChars, long parseTimeoutMillis) implements Serializable {
  public static final ExtractionLimits DEFAULTS = new ExtractionLimits(50L << 20, 2_000_000, 60_000);
}
