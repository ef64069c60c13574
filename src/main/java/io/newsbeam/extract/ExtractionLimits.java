package io.newsbeam.extract;

import java.io.Serializable;

/**
 * Limits that turn bad inputs into rejects instead of crashes or hangs.
 *
 * @param maxInputBytes largest input (after decompression) that is read
 * @param maxTextChars largest extracted text kept
 * @param parseTimeoutMillis longest a single parse may take
 * @param maxArchiveDepth how many archives may nest (a zip in a zip is depth 2)
 * @param maxExpansionRatio largest ratio of decompressed to compressed bytes of an archive
 * @param isolation where parsing runs: in child JVMs that can be killed, or in the worker's own JVM
 */
public record ExtractionLimits(
    long maxInputBytes,
    int maxTextChars,
    long parseTimeoutMillis,
    int maxArchiveDepth,
    int maxExpansionRatio,
    ParseIsolation isolation)
    implements Serializable {

  public static final ExtractionLimits DEFAULTS =
      new ExtractionLimits(50L << 20, 2_000_000, 60_000, 2, 200, ParseIsolation.PROCESS);

  /** The same limits with parsing in this JVM (the child JVMs themselves, tests, the fuzzer). */
  public ExtractionLimits inProcess() {
    return new ExtractionLimits(
        maxInputBytes, maxTextChars, parseTimeoutMillis, maxArchiveDepth, maxExpansionRatio, ParseIsolation.NONE);
  }

  /** The same limits with another parse timeout. */
  public ExtractionLimits withParseTimeoutMillis(long millis) {
    return new ExtractionLimits(maxInputBytes, maxTextChars, millis, maxArchiveDepth, maxExpansionRatio, isolation);
  }
}
