package io.newsbeam.quotes;

import java.util.List;

/** Maps sentences to unit-length vectors whose dot product is their semantic similarity. */
public interface SentenceEmbedder {
  /** One unit vector per text, in order. */
  List<float[]> embed(List<String> texts);

  /** Cosine of two unit vectors. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
