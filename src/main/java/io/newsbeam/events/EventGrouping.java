package io.newsbeam.events;

import io.newsbeam.events.EventFeatures.EventVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole grouping in memory, step for step what {@code transforms.AssignEvents} runs distributed: signals
 * → document frequencies → vectors and block keys → windows per block → average-linkage clusters per window
 * → connected components of "clustered together somewhere" (stage 1, topic-level groups) → each component cut
 * into its happenings by {@link EventSplitting} (stage 2). Used by the evaluation, the bench and tests.
 */
public final class EventGrouping {
  private EventGrouping() {}

  /** Vectors of a corpus (document frequencies counted over it). */
  public static List<EventVector> vectors(List<EventDoc> docs, EventParams p) {
    return vectorsOf(signals(docs), p);
  }

  /** Signals of a corpus, in input order. */
  public static List<EventSignals> signals(List<EventDoc> docs) {
    List<EventSignals> signals = new ArrayList<>();
    for (EventDoc d : docs) {
      signals.add(EventSignals.of(d));
    }
    return signals;
  }

  /** Vectors of a corpus's signals (document frequencies counted over them). */
  public static List<EventVector> vectorsOf(List<EventSignals> signals, EventParams p) {
    Map<String, Long> df = new HashMap<>();
    for (EventSignals s : signals) {
      Set<String> seen = new HashSet<>(EventFeatures.dfKeys(s));
      for (String k : seen) {
        df.merge(k, 1L, Long::sum);
      }
    }
    List<EventVector> out = new ArrayList<>();
    for (EventSignals s : signals) {
      out.add(EventFeatures.vector(s, k -> df.getOrDefault(k, 0L), signals.size(), p));
    }
    return out;
  }

  /** Events as sorted lists of article ids, keyed by their smallest id: stage 1, then stage 2. */
  public static TreeMap<String, List<String>> group(List<EventDoc> docs, EventParams p) {
    List<EventSignals> signals = signals(docs);
    return split(components(vectorsOf(signals, p), p), signals, p);
  }

  /** Stage 2: every stage-1 component cut into events ({@link EventSplitting}), keyed by their smallest id. */
  public static TreeMap<String, List<String>> split(
      TreeMap<String, List<String>> components, List<EventSignals> signals, EventParams p) {
    Map<String, EventSignals> byId = new HashMap<>();
    for (EventSignals s : signals) {
      byId.put(s.id(), s);
    }
    TreeMap<String, List<String>> out = new TreeMap<>();
    for (List<String> members : components.values()) {
      List<EventSignals> group = new ArrayList<>();
      for (String id : members) {
        group.add(byId.get(id));
      }
      for (List<String> event : EventSplitting.split(group, p)) {
        out.put(event.get(0), event);
      }
    }
    return out;
  }

  /** Stage 1: blocks, clusters within windows and joins the clusters into components. */
  public static TreeMap<String, List<String>> components(List<EventVector> vectors, EventParams p) {
    TreeMap<String, List<EventVector>> blocks = new TreeMap<>();
    UnionFind uf = new UnionFind();
    for (EventVector v : vectors) {
      uf.add(v.id());
      for (String k : v.blockKeys()) {
        blocks.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
    for (List<EventVector> block : blocks.values()) {
      for (List<String> edge : edges(block, p)) {
        uf.union(edge.get(0), edge.get(1));
      }
    }
    return uf.components();
  }

  /**
   * The edges one block contributes: for every multi-member cluster of every window, its first member to each
   * other member (a star, so components stay shallow for label propagation).
   */
  public static List<List<String>> edges(List<EventVector> block, EventParams p) {
    List<List<String>> out = new ArrayList<>();
    if (block.size() < 2) {
      return out;
    }
    for (List<EventVector> window : Blocking.windows(block, p.maxBlock())) {
      for (List<String> cluster : BlockClustering.cluster(window, p)) {
        String min = cluster.stream().min(String::compareTo).orElseThrow();
        for (String id : cluster) {
          if (!id.equals(min)) {
            out.add(List.of(min, id));
          }
        }
      }
    }
    return out;
  }
}
