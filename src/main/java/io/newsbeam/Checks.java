package io.newsbeam;

import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ParseIsolation;
import io.newsbeam.options.NewsbeamOptions;

/** Option checks with messages that say what is wrong and what to do. */
final class Checks {
  private Checks() {}

  static ExtractionLimits limits(NewsbeamOptions o) {
    require(o.getMaxInputBytes() > 0, "--maxInputBytes must be positive (bytes), got " + o.getMaxInputBytes());
    require(o.getMaxTextChars() > 0, "--maxTextChars must be positive (characters), got " + o.getMaxTextChars());
    require(o.getParseTimeoutSeconds() > 0,
        "--parseTimeoutSeconds must be positive (seconds), got " + o.getParseTimeoutSeconds());
    require(o.getEventSimilarity() > 0 && o.getEventSimilarity() <= 1,
        "--eventSimilarity must be in (0, 1], got " + o.getEventSimilarity());
    require(o.getEventSplitSimilarity() >= 0 && o.getEventSplitSimilarity() <= 1,
        "--eventSplitSimilarity must be in [0, 1], got " + o.getEventSplitSimilarity());
    require(o.getEventSplitRounds() >= 0 && o.getEventSplitRounds() <= 10,
        "--eventSplitRounds must be between 0 and 10, got " + o.getEventSplitRounds());
    require(o.getEventWindowDays() >= 0, "--eventWindowDays must be 0 or more, got " + o.getEventWindowDays());
    require(!o.getInput().isBlank(), "--input must name a glob of input files, e.g. --input='news/**/*.html'");
    require(!o.getOutput().isBlank(), "--output must name the output folder, e.g. --output=out");
    require(o.getMaxArchiveDepth() >= 1,
        "--maxArchiveDepth must be 1 or more (1: archives are unpacked but none inside them), got "
            + o.getMaxArchiveDepth());
    require(o.getMaxExpansionRatio() >= 2,
        "--maxExpansionRatio must be 2 or more (decompressed/compressed size; text compresses about 3-10x), got "
            + o.getMaxExpansionRatio());
    return new ExtractionLimits(o.getMaxInputBytes(), o.getMaxTextChars(), o.getParseTimeoutSeconds() * 1000L,
        o.getMaxArchiveDepth(), o.getMaxExpansionRatio(), ParseIsolation.parse(o.getParseIsolation()));
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
