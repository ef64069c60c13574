package io.newsbeam.quotes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate pairs of statements inside one block, so that clustering a large block (an event of thousands of
 * articles) costs about linear time instead of all pairs. A block of at most {@link #ALL_PAIRS_MAX} statements
 * compares all pairs (the exact result). A larger one compares only pairs that share a bucket:
 *
 * <ul>
 *   <li>lexical: a word 3-gram (what a lexical link needs: half of the shorter statement's 3-grams in common);
 *   <li>semantic: one of {@link #BANDS} bands of {@link #ROWS} sign bits of random-hyperplane projections of the
 *       embedding (SimHash, Charikar 2002): a pair at the linking cosine 0.75 shares a band with probability
 *       0.996, at cosine 0.5 with 0.89, at 0.2 with 0.34;
 * </ul>
 *
 * and a bucket of more than {@link #BUCKET_ALL_PAIRS} statements (a 3-gram everyone uses) or {@link
 * #SEMANTIC_ALL_PAIRS} (a crowded region of the embedding space) pairs each member with its next {@link
 * #WINDOW} members only (members of a semantic bucket ordered by the sign bits of the other bands, so that
 * close vectors are neighbours). A block of n statements thus yields at most about n x (20 x 3-grams + {@link
 * #BANDS} x {@link #WINDOW}) pairs. The hyperplanes come from a fixed seed: the same pairs on every worker and
 * run. Plain Java.
 */
public final class QuoteCandidates {
  /** Blocks up to this many statements compare all pairs. */
  public static final int ALL_PAIRS_MAX = 1_000;
  /** Buckets up to this size yield all their pairs. */
  public static final int BUCKET_ALL_PAIRS = 40;
  /** Semantic buckets up to this size yield all their pairs (they are coarse: 64 per band). */
  public static final int SEMANTIC_ALL_PAIRS = 16;
  /** Members of a larger bucket are paired with this many following members. */
  public static final int WINDOW = 8;
  /** SimHash bands. */
  public static final int BANDS = 24;
  /** Sign bits per band. */
  public static final int ROWS = 6;

  private static final long SEED = 0x71756f7465734c53L;

  private QuoteCandidates() {}

  /**
   * Sorted, distinct pairs {@code i < j} (encoded {@code (long) i << 32 | j}) of statements of different
   * articles to compare.
   */
  public static long[] pairs(List<String> articleIds, List<Set<String>> shingles, List<float[]> vectors) {
    int n = articleIds.size();
    LongBuilder out = new LongBuilder();
    if (n <= ALL_PAIRS_MAX) {
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (!articleIds.get(i).equals(articleIds.get(j))) {
            out.add((long) i << 32 | j);
          }
        }
      }
      return out.toArray();
    }
    Map<String, List<Integer>> lexical = new HashMap<>();
    Map<Long, List<Integer>> semantic = new HashMap<>();
    long[][] bands = new long[n][];
    // copies of one statement share their vector: its band keys are computed once
    Map<float[], long[]> keysOfVector = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      for (String s : shingles.get(i)) {
        lexical.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
      }
      if (!vectors.isEmpty()) {
        bands[i] = keysOfVector.computeIfAbsent(vectors.get(i), QuoteCandidates::bandKeys);
        for (long k : bands[i]) {
          semantic.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        }
      }
    }
    for (List<Integer> b : lexical.values()) {
      pairBucket(b, BUCKET_ALL_PAIRS, articleIds, out);
    }
    for (Map.Entry<Long, List<Integer>> e : semantic.entrySet()) {
      List<Integer> b = e.getValue();
      if (b.size() > SEMANTIC_ALL_PAIRS) {
        // sorted neighbourhood: order a large bucket by the bits of the following bands, so that close
        // vectors (which agree on most bits) sit next to each other for the window
        int band = (int) (e.getKey() >>> 32);
        b.sort(java.util.Comparator.comparingLong((Integer i) -> sortKey(bands[i], band)).thenComparingInt(i -> i));
      }
      pairBucket(b, SEMANTIC_ALL_PAIRS, articleIds, out);
    }
    long[] all = out.toArray();
    Arrays.sort(all);
    int k = 0;
    for (int i = 0; i < all.length; i++) {
      if (k == 0 || all[i] != all[k - 1]) {
        all[k++] = all[i];
      }
    }
    return Arrays.copyOf(all, k);
  }

  /** All pairs of a bucket up to {@code allPairs} members, else each with its next {@link #WINDOW}. */
  private static void pairBucket(List<Integer> b, int allPairs, List<String> articleIds, LongBuilder out) {
    int m = b.size();
    int reach = m <= allPairs ? m : WINDOW;
    for (int x = 0; x < m; x++) {
      for (int y = x + 1; y < Math.min(m, x + 1 + reach); y++) {
        int i = Math.min(b.get(x), b.get(y));
        int j = Math.max(b.get(x), b.get(y));
        if (!articleIds.get(i).equals(articleIds.get(j))) {
          out.add((long) i << 32 | j);
        }
      }
    }
  }

  /** The sign bits of the bands after {@code band} (cyclically), most significant first, as one sort key. */
  private static long sortKey(long[] keys, int band) {
    long k = 0;
    for (int step = 1; step <= 60 / ROWS; step++) {
      k = k << ROWS | (keys[(band + step) % BANDS] & ((1L << ROWS) - 1));
    }
    return k;
  }

  /** One key per band: the band number and its {@link #ROWS} sign bits. */
  static long[] bandKeys(float[] v) {
    float[][] planes = hyperplanes(v.length);
    long[] keys = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long bits = 0;
      for (int r = 0; r < ROWS; r++) {
        float[] h = planes[band * ROWS + r];
        double dot = 0;
        for (int d = 0; d < v.length; d++) {
          dot += h[d] * v[d];
        }
        bits = bits << 1 | (dot >= 0 ? 1 : 0);
      }
      keys[band] = (long) band << 32 | bits;
    }
    return keys;
  }

  private static final java.util.concurrent.ConcurrentHashMap<Integer, float[][]> PLANES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code BANDS x ROWS} hyperplanes with components +1/-1 from a fixed hash, per dimension. */
  private static float[][] hyperplanes(int dim) {
    return PLANES.computeIfAbsent(dim, n -> {
      float[][] planes = new float[BANDS * ROWS][n];
      for (int h = 0; h < planes.length; h++) {
        long state = SEED + h * 0x9E3779B97F4A7C15L;
        long bits = 0;
        for (int d = 0; d < n; d++) {
          if ((d & 63) == 0) {
            state += 0x9E3779B97F4A7C15L;
            bits = io.newsbeam.dedup.Shingles.mix(state);
          }
          planes[h][d] = ((bits >>> (d & 63)) & 1) == 0 ? 1f : -1f;
        }
      }
      return planes;
    });
  }

  /** A growable long array. */
  private static final class LongBuilder {
    private long[] a = new long[256];
    private int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
