package io.newsbeam.quotes;

import io.newsbeam.text.TextNormalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Word-shingle overlap between statements. Plain Java. */
public final class Lexical {
  private Lexical() {}

  /** Word n-grams of the normalised text (the whole text when it has fewer than n words). */
  public static Set<String> shingles(String text, int n) {
    List<String> w = TextNormalizer.words(text);
    Set<String> out = new HashSet<>();
    if (w.size() < n) {
      if (!w.isEmpty()) {
        out.add(String.join(" ", w));
      }
      return out;
    }
    for (int i = 0; i + n <= w.size(); i++) {
      out.add(String.join(" ", w.subList(i, i + n)));
    }
    return out;
  }

  /** |A ∩ B| / min(|A|, |B|): how much of the shorter statement the longer one contains. */
  public static double containment(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int common = 0;
    for (String s : small) {
      if (large.contains(s)) {
        common++;
      }
    }
    return (double) common / small.size();
  }

  /** |A ∩ B| / |A ∪ B|. */
  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String s : a) {
      if (b.contains(s)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
