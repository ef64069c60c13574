package io.newsbeam.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy TF-IDF grouping: articles in publication order (undated last, then by id) join the most similar
 * existing event when the cosine to its centroid reaches the threshold and the event lies within the time
 * window; otherwise they start a new event. Deterministic for a given set of documents. Plain Java, no Beam.
 */
public final class EventGrouper {
  private final double threshold;
  private final long windowMillis;

  public EventGrouper(double threshold, int windowDays) {
    this.threshold = threshold;
    this.windowMillis = windowDays * 24L * 3600 * 1000;
  }

  /** One event found: member documents (sorted by id) and its centroid's top terms. */
  public record Group(List<EventDoc> members, List<String> topTerms) {}

  public List<Group> group(List<EventDoc> docs) {
    List<EventDoc> ordered = new ArrayList<>(docs);
    ordered.sort(
        Comparator.comparing((EventDoc d) -> d.publishedAt() == null ? Long.MAX_VALUE : d.publishedAt())
            .thenComparing(EventDoc::id));
    Map<String, Integer> df = new HashMap<>();
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (EventDoc d : ordered) {
      Map<String, Integer> c = Terms.counts(d.title(), d.body(), 3);
      counts.add(c);
      for (String t : c.keySet()) {
        df.merge(t, 1, Integer::sum);
      }
    }
    int n = ordered.size();
    List<Cluster> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Double> v = Vectors.tfidf(counts.get(i), df, n);
      EventDoc doc = ordered.get(i);
      Cluster best = null;
      double bestSim = threshold;
      for (Cluster c : clusters) {
        if (!c.withinWindow(doc.publishedAt(), windowMillis)) {
          continue;
        }
        double sim = Vectors.cosine(v, c.centroid);
        if (sim >= bestSim) {
          bestSim = sim;
          best = c;
        }
      }
      if (best == null) {
        best = new Cluster();
        clusters.add(best);
      }
      best.add(doc, v);
    }
    List<Group> groups = new ArrayList<>();
    for (Cluster c : clusters) {
      List<EventDoc> members = new ArrayList<>(c.members);
      members.sort(Comparator.comparing(EventDoc::id));
      groups.add(new Group(members, Vectors.topTerms(c.centroid, 4)));
    }
    return groups;
  }

  private static final class Cluster {
    final List<EventDoc> members = new ArrayList<>();
    final Map<String, Double> centroid = new HashMap<>();
    Long first;
    Long last;

    void add(EventDoc doc, Map<String, Double> v) {
      members.add(doc);
      v.forEach((t, w) -> centroid.merge(t, w, Double::sum));
      if (doc.publishedAt() != null) {
        first = first == null ? doc.publishedAt() : Math.min(first, doc.publishedAt());
        last = last == null ? doc.publishedAt() : Math.max(last, doc.publishedAt());
      }
    }

    boolean withinWindow(Long t, long window) {
      if (t == null || first == null) {
        return true;
      }
      return t >= first - window && t <= last + window;
    }
  }
}
