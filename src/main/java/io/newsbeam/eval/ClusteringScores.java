package io.newsbeam.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pairwise precision/recall/F1 and adjusted Rand index of a clustering against gold, as defined in
 * ../shared/dev-data/README.md (same formulas as ../shared/tools/score_clustering.py). Plain Java.
 *
 * @param documents documents scored
 * @param goldClusters clusters in the gold
 * @param predClusters clusters predicted
 * @param precision pairwise precision
 * @param recall pairwise recall
 * @param f1 pairwise F1
 * @param ari adjusted Rand index
 */
public record ClusteringScores(
    int documents, int goldClusters, int predClusters, double precision, double recall, double f1, double ari) {

  /** Scores {@code pred} against {@code gold}: two label lists in the same document order. */
  public static <G, P> ClusteringScores of(List<G> gold, List<P> pred) {
    if (gold.size() != pred.size()) {
      throw new IllegalArgumentException("gold and predicted labels differ in length");
    }
    int n = gold.size();
    Map<List<Object>, Long> cont = new HashMap<>();
    Map<G, Long> g = new HashMap<>();
    Map<P, Long> p = new HashMap<>();
    for (int i = 0; i < n; i++) {
      cont.merge(List.of(Objects.requireNonNull(gold.get(i)), Objects.requireNonNull(pred.get(i))), 1L, Long::sum);
      g.merge(gold.get(i), 1L, Long::sum);
      p.merge(pred.get(i), 1L, Long::sum);
    }
    double tp = cont.values().stream().mapToDouble(ClusteringScores::comb2).sum();
    double goldPairs = g.values().stream().mapToDouble(ClusteringScores::comb2).sum();
    double predPairs = p.values().stream().mapToDouble(ClusteringScores::comb2).sum();
    double precision = predPairs > 0 ? tp / predPairs : (goldPairs == 0 ? 1.0 : 0.0);
    double recall = goldPairs > 0 ? tp / goldPairs : 1.0;
    double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    double total = comb2(n);
    double expected = total > 0 ? goldPairs * predPairs / total : 0.0;
    double max = (goldPairs + predPairs) / 2;
    double ari = max != expected ? (tp - expected) / (max - expected) : 1.0;
    return new ClusteringScores(n, g.size(), p.size(), precision, recall, f1, ari);
  }

  private static double comb2(long c) {
    return c * (c - 1) / 2.0;
  }

  /** One line for reports. */
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "documents=%d gold_clusters=%d pred_clusters=%d pairwise_precision=%.4f pairwise_recall=%.4f pairwise_f1=%.4f ari=%.4f",
        documents, goldClusters, predClusters, precision, recall, f1, ari);
  }
}
