package io.newsbeam.events;

import io.newsbeam.events.EventFeatures.EventVector;

/**
 * Similarity of two articles as evidence of one happening: a weighted sum of key-term cosine and entity cosine
 * (entities, mentioned days, years), zero when both dates are known and further apart than the window, lowered
 * when both name places and share none.
 */
public final class EventSimilarity {
  private EventSimilarity() {}

  private static final long DAY = 24L * 3600 * 1000;

  public static double score(EventVector a, EventVector b, EventParams p) {
    if (!withinWindow(a, b, p)) {
      return 0;
    }
    double score = p.termWeight() * a.terms().dot(b.terms()) + p.entityWeight() * a.entities().dot(b.entities());
    return placesConflict(a, b) ? score * PLACE_CONFLICT : score;
  }

  /**
   * Factor on the similarity of two articles that both name places (entities written after in/at/near/from/to)
   * but share none of them: a happening has a place, and reports of one happening name it.
   */
  static final double PLACE_CONFLICT = 0.7;

  static boolean placesConflict(EventVector a, EventVector b) {
    java.util.Set<String> pa = places(a);
    java.util.Set<String> pb = places(b);
    return !pa.isEmpty() && !pb.isEmpty() && java.util.Collections.disjoint(pa, pb);
  }

  private static java.util.Set<String> places(EventVector v) {
    return new java.util.HashSet<>(v.places());
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
