package io.newsbeam.events;

import java.io.Serializable;

/**
 * Settings of event grouping.
 *
 * @param threshold average similarity two groups need to merge (within a block): stage 1, topic-level groups
 * @param windowDays articles with known dates further apart than this never share an event (three times
 *     this when a date was inferred from the text)
 * @param termWeight weight of key-term cosine in the similarity
 * @param entityWeight weight of entity (plus days and years) cosine in the similarity
 * @param dayWeight weight of a mentioned day among entity features
 * @param yearWeight weight of a number (years, figures) among entity features
 * @param entityBlockKeys salient entities per document used as block keys
 * @param termBlockKeys salient terms per document used as block keys
 * @param maxBlock most documents compared together; larger blocks are cut into overlapping windows
 * @param splitRatio stage 2 ({@link EventSplitting}): a group is cut in two when the mean similarity across the
 *     cut is below this share of the mean similarity within its sides
 * @param splitRounds stage 2: rounds of bisection (a group ends in at most 2^rounds events)
 */
public record EventParams(
    double threshold, int windowDays, double termWeight, double entityWeight, double dayWeight, double yearWeight,
    int entityBlockKeys, int termBlockKeys, int maxBlock, double splitRatio, int splitRounds) implements Serializable {

  public static final double DEFAULT_THRESHOLD = 0.10;
  public static final double DEFAULT_SPLIT_RATIO = 0.30;
  public static final int DEFAULT_SPLIT_ROUNDS = 6;

  /** Defaults (tuned on the ECB+ dev topics, see README). */
  public static EventParams defaults() {
    return new EventParams(DEFAULT_THRESHOLD, 4, 0.5, 0.5, 1.0, 1.0, 4, 2, 64, DEFAULT_SPLIT_RATIO, DEFAULT_SPLIT_ROUNDS);
  }

  public EventParams withThreshold(double t) {
    return new EventParams(t, windowDays, termWeight, entityWeight, dayWeight, yearWeight, entityBlockKeys, termBlockKeys,
        maxBlock, splitRatio, splitRounds);
  }

  public EventParams withWindowDays(int w) {
    return new EventParams(threshold, w, termWeight, entityWeight, dayWeight, yearWeight, entityBlockKeys, termBlockKeys,
        maxBlock, splitRatio, splitRounds);
  }

  /** Stage-2 settings; {@code rounds} 0 turns splitting off. */
  public EventParams withSplit(double ratio, int rounds) {
    return new EventParams(threshold, windowDays, termWeight, entityWeight, dayWeight, yearWeight, entityBlockKeys,
        termBlockKeys, maxBlock, ratio, rounds);
  }

  public EventParams withWeights(double term, double entity, double day, double year) {
    return new EventParams(threshold, windowDays, term, entity, day, year, entityBlockKeys, termBlockKeys, maxBlock,
        splitRatio, splitRounds);
  }

  public void validate() {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--eventSimilarity must be in (0, 1], got " + threshold);
    }
    if (windowDays < 0) {
      throw new IllegalArgumentException("--eventWindowDays must be 0 or more, got " + windowDays);
    }
    if (maxBlock < 2) {
      throw new IllegalArgumentException("maxBlock must be at least 2, got " + maxBlock);
    }
    if (!(splitRatio >= 0 && splitRatio <= 1)) {
      throw new IllegalArgumentException("--eventSplitSimilarity must be in [0, 1], got " + splitRatio);
    }
    if (splitRounds < 0 || splitRounds > 10) {
      throw new IllegalArgumentException("--eventSplitRounds must be between 0 and 10, got " + splitRounds);
    }
  }
}
