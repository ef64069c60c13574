package io.newsbeam.events;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An L2-normalised sparse vector with keys in sorted order, so dot products are merge-joins whose summation
 * order (and so every floating-point result) is the same on any machine.
 */
public record SparseVector(String[] keys, double[] weights) implements Serializable {
  public static final SparseVector EMPTY = new SparseVector(new String[0], new double[0]);

  /** Normalises {@code raw} (any map) to unit length, dropping zero weights. */
  public static SparseVector normalised(Map<String, Double> raw) {
    TreeMap<String, Double> sorted = new TreeMap<>();
    raw.forEach((k, w) -> {
      if (w != 0) {
        sorted.put(k, w);
      }
    });
    double norm = 0;
    for (double w : sorted.values()) {
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    String[] k = new String[sorted.size()];
    double[] v = new double[sorted.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : sorted.entrySet()) {
      k[i] = e.getKey();
      v[i] = norm == 0 ? 0 : e.getValue() / norm;
      i++;
    }
    return new SparseVector(k, v);
  }

  public int size() {
    return keys.length;
  }

  public boolean isEmpty() {
    return keys.length == 0;
  }

  /** Cosine of two normalised vectors. */
  public double dot(SparseVector o) {
    double s = 0;
    int i = 0;
    int j = 0;
    while (i < keys.length && j < o.keys.length) {
      int c = keys[i].compareTo(o.keys[j]);
      if (c == 0) {
        s += weights[i++] * o.weights[j++];
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return s;
  }

  /** Keeps the {@code k} heaviest entries (ties: smaller key) and renormalises. */
  public SparseVector top(int k) {
    if (keys.length <= k) {
      return this;
    }
    Integer[] idx = new Integer[keys.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> {
      int c = Double.compare(weights[b], weights[a]);
      return c != 0 ? c : keys[a].compareTo(keys[b]);
    });
    TreeMap<String, Double> kept = new TreeMap<>();
    for (int i = 0; i < k; i++) {
      kept.put(keys[idx[i]], weights[idx[i]]);
    }
    return normalised(kept);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseVector v && Arrays.equals(keys, v.keys) && Arrays.equals(weights, v.weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(keys) * 31 + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      b.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(String.format(java.util.Locale.ROOT, "%.3f", weights[i]));
    }
    return b.append('}').toString();
  }
}
