package io.newsbeam.events;

import java.io.Serializable;

/**
 * Settings of event grouping.
 *
 * @param threshold average similarity two groups need to merge (within a block)
 * @param windowDays articles with known dates further apart than this never share an event (three times
 *     this when a date was inferred from the text)
 * @param termWeight weight of key-term cosine in the similarity
 * @param entityWeight weight of entity (plus days and years) cosine in the similarity
 * @param dayWeight weight of a mentioned day among entity features
 * @param yearWeight weight of a number (years, figures) among entity features
 * @param entityBlockKeys salient entities per document used as block keys
 * @param termBlockKeys salient terms per document used as block keys
 * @param maxBlock most documents compared together; larger blocks are cut into overlapping windows
 */
public record EventParams(
    double threshold, int windowDays, double termWeight, double entityWeight, double dayWeight, double yearWeight,
    int entityBlockKeys, int termBlockKeys, int maxBlock) implements Serializable {

  public static final double DEFAULT_THRESHOLD = 0.23;

  /** Defaults (tuned on half of the ECB+ dev topics, see README). */
  public static EventParams defaults() {
    return new EventParams(DEFAULT_THRESHOLD, 4, 0.5, 0.5, 1.0, 1.0, 4, 2, 64);
  }

  public EventParams withThreshold(double t) {
    return new EventParams(t, windowDays, termWeight, entityWeight, dayWeight, yearWeight, entityBlockKeys, termBlockKeys, maxBlock);
  }

  public EventParams withWindowDays(int w) {
    return new EventParams(threshold, w, termWeight, entityWeight, dayWeight, yearWeight, entityBlockKeys, termBlockKeys, maxBlock);
  }

  public void validate() {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("--eventSimilarity must be between 0 and 1 (exclusive), got " + threshold);
    }
    if (windowDays < 0) {
      throw new IllegalArgumentException("--eventWindowDays must be 0 or more, got " + windowDays);
    }
    if (maxBlock < 2) {
      throw new IllegalArgumentException("maxBlock must be at least 2, got " + maxBlock);
    }
  }
}
