package io.newsbeam.dedup;

/**
 * MinHash signatures of shingle sets. Hash {@code i} is {@code (a_i * x + b_i) >>> 32} with odd multipliers
 * {@code a_i} and offsets {@code b_i} drawn from a SplitMix64 sequence started at a fixed seed, so the
 * family (and every signature) is the same on every worker and run. The fraction of equal positions of
 * two signatures estimates the Jaccard similarity of the two sets. Plain Java.
 */
public final class MinHash {
  /** Default number of hash functions. */
  public static final int DEFAULT_HASHES = 128;
  /** Default seed of the hash family. */
  public static final long DEFAULT_SEED = 0x6e657773626561dL;

  /** Signature value of the empty set. */
  public static final int EMPTY = -1;

  private final long[] a;
  private final long[] b;

  public MinHash(int hashes, long seed) {
    if (hashes < 1) {
      throw new IllegalArgumentException("MinHash needs at least one hash function, got " + hashes);
    }
    a = new long[hashes];
    b = new long[hashes];
    long state = seed;
    for (int i = 0; i < hashes; i++) {
      state += 0x9E3779B97F4A7C15L;
      a[i] = Shingles.mix(state) | 1L;
      state += 0x9E3779B97F4A7C15L;
      b[i] = Shingles.mix(state);
    }
  }

  public static MinHash standard() {
    return new MinHash(DEFAULT_HASHES, DEFAULT_SEED);
  }

  public int hashes() {
    return a.length;
  }

  /** Signature of a shingle set: per hash function, the smallest unsigned 32-bit value over the set. */
  public int[] signature(long[] shingles) {
    int k = a.length;
    long[] min = new long[k];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (long x : shingles) {
      for (int i = 0; i < k; i++) {
        long v = (a[i] * x + b[i]) >>> 32;
        if (v < min[i]) {
          min[i] = v;
        }
      }
    }
    int[] sig = new int[k];
    for (int i = 0; i < k; i++) {
      sig[i] = min[i] == Long.MAX_VALUE ? EMPTY : (int) min[i];
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
