package io.newsbeam.quotes;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.Test;

public class QuoteCandidatesTest {
  private static final int DIM = 384;

  @Test
  public void aSmallBlockComparesEveryPairOfDifferentArticles() {
    List<String> ids = List.of("a", "a", "b", "c");
    List<Set<String>> sh = List.of(Set.of("x"), Set.of("y"), Set.of("z"), Set.of("w"));
    long[] pairs = QuoteCandidates.pairs(ids, sh, List.of());
    // 6 pairs minus the one inside article a
    assertEquals(5, pairs.length);
    for (long p : pairs) {
      assertTrue((int) (p >>> 32) < (int) p);
      assertTrue(!(p >>> 32 == 0 && (int) p == 1));
    }
  }

  /**
   * Blocks of 1,800 and 3,300 statements (about 180 and 330 articles' quotes): unrelated sentences plus planted
   * near-copies (one word changed) and planted paraphrases (embedding cosine 0.8, no 3-gram in common). The
   * candidates grow linearly (twice the statements, about twice the pairs, where all pairs would be four
   * times), hold every near-copy and nearly every paraphrase (at least 130 of 150), and depend on nothing but the input.
   */
  @Test
  public void aLargeBlockStaysLinearAndKeepsTheLinkablePairs() {
    long[] small = candidates(1_500);
    long[] pairs = candidates(3_000);
    // 1.83 times the statements: all pairs would grow 3.4 times
    assertTrue("pairs " + small.length + " then " + pairs.length, pairs.length < 2.2 * small.length);
    assertArrayEquals(small, candidates(1_500));
  }

  private static long[] candidates(int unrelated) {
    Random r = new Random(11);
    List<String> ids = new ArrayList<>();
    List<Set<String>> shingles = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < unrelated; i++) {
      add(ids, shingles, vectors, "art" + (i / 10), sentence(r, 14), randomUnit(r));
    }
    List<long[]> nearCopies = new ArrayList<>();
    List<long[]> paraphrases = new ArrayList<>();
    for (int k = 0; k < 150; k++) {
      int i = r.nextInt(unrelated);
      String copy = shingleText(shingles.get(i)).replaceFirst("^\\S+", "changed");
      add(ids, shingles, vectors, "copy" + k, copy, vectors.get(i));
      nearCopies.add(new long[] {i, ids.size() - 1});
    }
    for (int k = 0; k < 150; k++) {
      int i = r.nextInt(unrelated);
      float[] u = randomUnit(r);
      add(ids, shingles, vectors, "para" + k, sentence(r, 14), mix(vectors.get(i), u, 0.8));
      paraphrases.add(new long[] {i, ids.size() - 1});
    }
    int n = ids.size();
    long[] pairs = QuoteCandidates.pairs(ids, shingles, vectors);
    assertTrue("pairs " + pairs.length + " for " + n + " statements", pairs.length < (long) n * (n - 1) / 2 / 5);
    for (long[] p : nearCopies) {
      assertTrue("near copy " + p[0] + "-" + p[1], java.util.Arrays.binarySearch(pairs, p[0] << 32 | p[1]) >= 0);
    }
    int found = 0;
    for (long[] p : paraphrases) {
      found += java.util.Arrays.binarySearch(pairs, p[0] << 32 | p[1]) >= 0 ? 1 : 0;
    }
    assertTrue("paraphrases found " + found + " of 150", found >= 130);
    return pairs;
  }

  private static void add(List<String> ids, List<Set<String>> sh, List<float[]> vs, String id, String text, float[] v) {
    ids.add(id);
    sh.add(Lexical.shingles(text, 3));
    vs.add(v);
  }

  /** The words of a statement, recovered from its 3-grams (order does not matter for the test). */
  private static String shingleText(Set<String> shingles) {
    return String.join(" ", new java.util.TreeSet<>(shingles));
  }

  private static String sentence(Random r, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(i == 0 ? "" : " ").append("w").append(r.nextInt(3_000));
    }
    return b.toString();
  }

  private static float[] randomUnit(Random r) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) r.nextGaussian();
    }
    return normalise(v);
  }

  /** A unit vector at cosine {@code c} to unit vector {@code a} (u random, nearly orthogonal to a in 384 dims). */
  private static float[] mix(float[] a, float[] u, double c) {
    double dot = SentenceEmbedder.cosine(a, u);
    float[] orth = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      orth[d] = (float) (u[d] - dot * a[d]);
    }
    orth = normalise(orth);
    float[] v = new float[DIM];
    double s = Math.sqrt(1 - c * c);
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) (c * a[d] + s * orth[d]);
    }
    return v;
  }

  private static float[] normalise(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    n = Math.sqrt(n);
    for (int d = 0; d < v.length; d++) {
      v[d] /= (float) n;
    }
    return v;
  }
}
