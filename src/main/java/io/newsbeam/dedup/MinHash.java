package io.newsbeam.dedup;

/**
 * MinHash signatures of shingle sets by one-permutation hashing with optimal densification (Li, Owen and
 * Zhang, NIPS 2012; Shrivastava, ICML 2017): each shingle is hashed once, with a mixer keyed by a fixed
 * seed, and the hash picks one of {@code k} bins and gives the value kept there when it is the smallest; a
 * bin no shingle fell into borrows the value of a non-empty bin chosen by a fixed hash of (bin, attempt).
 * Position {@code i} of two signatures agrees with probability equal to the Jaccard similarity of the two
 * sets, as with {@code k} independent hash functions, at the cost of one hash per shingle instead of {@code
 * k}. The seed fixes the hash family: every signature is the same on every worker and run. Plain Java.
 */
public final class MinHash {
  /** Default number of hash values (bins). */
  public static final int DEFAULT_HASHES = 128;
  /** Default seed of the hash family. */
  public static final long DEFAULT_SEED = 0x6e657773626561dL;

  /** Signature value of the empty set. */
  public static final int EMPTY = -1;

  private final int k;
  private final long key;
  private final long densifyKey;

  public MinHash(int hashes, long seed) {
    if (hashes < 1) {
      throw new IllegalArgumentException("MinHash needs at least one hash value, got " + hashes);
    }
    k = hashes;
    key = Shingles.mix(seed + 0x9E3779B97F4A7C15L);
    densifyKey = Shingles.mix(seed + 2 * 0x9E3779B97F4A7C15L);
  }

  public static MinHash standard() {
    return new MinHash(DEFAULT_HASHES, DEFAULT_SEED);
  }

  public int hashes() {
    return k;
  }

  /** Signature of a shingle set: per bin, the smallest unsigned 32-bit value of the shingles hashed into it. */
  public int[] signature(long[] shingles) {
    long[] min = new long[k];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (long x : shingles) {
      long h = Shingles.mix(x ^ key);
      int bin = (int) (((h >>> 32) * k) >>> 32);
      long v = h & 0xffffffffL;
      if (v < min[bin]) {
        min[bin] = v;
      }
    }
    int[] sig = new int[k];
    if (shingles.length == 0) {
      java.util.Arrays.fill(sig, EMPTY);
      return sig;
    }
    for (int i = 0; i < k; i++) {
      long v = min[i];
      for (long attempt = 1; v == Long.MAX_VALUE; attempt++) {
        long h = Shingles.mix(densifyKey ^ (i * 0x100000001b3L + attempt * 0x9E3779B97F4A7C15L));
        v = min[(int) (((h >>> 32) * k) >>> 32)];
      }
      sig[i] = (int) v;
    }
    return sig;
  }

  /** Share of equal positions: an estimate of the Jaccard similarity of the two sets. */
  public static double estimate(int[] s, int[] t) {
    if (s.length != t.length) {
      throw new IllegalArgumentException("signatures of different lengths: " + s.length + " vs " + t.length);
    }
    int eq = 0;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == t[i]) {
        eq++;
      }
    }
    return s.length == 0 ? 0 : (double) eq / s.length;
  }
}
