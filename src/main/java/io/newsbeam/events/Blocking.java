package io.newsbeam.events;

import io.newsbeam.events.EventFeatures.EventVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Candidate blocks. Each article is emitted under its block keys (a few salient entities and terms, see
 * {@link EventFeatures}); articles are compared only inside a block. A block larger than {@code maxBlock} is
 * ordered by (publication time, undated last, id) and cut into windows of {@code maxBlock} articles that
 * overlap by half (a sorted neighbourhood), so one block costs at most about {@code 2·size·maxBlock}
 * comparisons and the whole step at most {@code N · keys · 2 · maxBlock}: linear in N.
 */
public final class Blocking {
  private Blocking() {}

  public static final Comparator<EventVector> ORDER =
      Comparator.comparing((EventVector v) -> v.publishedAt() == null ? Long.MAX_VALUE : v.publishedAt())
          .thenComparing(EventVector::id);

  /** Windows of one block, each in {@link #ORDER}. */
  public static List<List<EventVector>> windows(List<EventVector> block, int maxBlock) {
    List<EventVector> sorted = new ArrayList<>(block);
    sorted.sort(ORDER);
    List<List<EventVector>> out = new ArrayList<>();
    if (sorted.size() <= maxBlock) {
      out.add(sorted);
      return out;
    }
    int step = Math.max(1, maxBlock / 2);
    for (int start = 0; ; start += step) {
      int end = Math.min(sorted.size(), start + maxBlock);
      out.add(new ArrayList<>(sorted.subList(start, end)));
      if (end == sorted.size()) {
        break;
      }
    }
    return out;
  }
}
