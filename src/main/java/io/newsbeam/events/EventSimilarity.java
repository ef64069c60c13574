package io.newsbeam.events;

import io.newsbeam.events.EventFeatures.EventVector;

/**
 * Similarity of two articles as evidence of one happening: a weighted sum of key-term cosine and entity cosine
 * (entities, mentioned days, years), zero when both dates are known and further apart than the window.
 */
public final class EventSimilarity {
  private EventSimilarity() {}

  private static final long DAY = 24L * 3600 * 1000;

  public static double score(EventVector a, EventVector b, EventParams p) {
    if (!withinWindow(a, b, p)) {
      return 0;
    }
    return p.termWeight() * a.terms().dot(b.terms()) + p.entityWeight() * a.entities().dot(b.entities());
  }

  /** False only when both dates are known and too far apart (inferred dates get three times the window). */
  public static boolean withinWindow(EventVector a, EventVector b, EventParams p) {
    if (a.publishedAt() == null || b.publishedAt() == null) {
      return true;
    }
    long window = p.windowDays() * DAY * (a.dateInferred() || b.dateInferred() ? 3 : 1);
    return Math.abs(a.publishedAt() - b.publishedAt()) <= window;
  }
}
