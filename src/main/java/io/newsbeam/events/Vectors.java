package io.newsbeam.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sparse TF-IDF vectors and cosine similarity. */
public final class Vectors {
  private Vectors() {}

  /** Sublinear TF times smoothed IDF, L2-normalised. */
  public static Map<String, Double> tfidf(Map<String, Integer> counts, Map<String, Integer> df, int docs) {
    Map<String, Double> v = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      double idf = Math.log((1.0 + docs) / (1.0 + df.getOrDefault(e.getKey(), 0))) + 1.0;
      double w = (1.0 + Math.log(e.getValue())) * idf;
      v.put(e.getKey(), w);
      norm += w * w;
    }
    double n = Math.sqrt(norm);
    if (n > 0) {
      v.replaceAll((k, w) -> w / n);
    }
    return v;
  }

  public static double cosine(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double dot = 0;
    double nb = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double w = large.get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    for (double w : b.values()) {
      nb += w * w;
    }
    double na = 0;
    for (double w : a.values()) {
      na += w * w;
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** The {@code k} heaviest terms, ties broken alphabetically. */
  public static List<String> topTerms(Map<String, Double> v, int k) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(v.entrySet());
    entries.sort((x, y) -> {
      int c = Double.compare(y.getValue(), x.getValue());
      return c != 0 ? c : x.getKey().compareTo(y.getKey());
    });
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(k, entries.size()); i++) {
      out.add(entries.get(i).getKey());
    }
    return out;
  }
}
