package io.newsbeam.dedup;

import io.newsbeam.text.TextNormalizer;
import java.util.Arrays;
import java.util.List;

/**
 * Word shingles of a text as sorted, distinct 64-bit hashes. Words come from {@link TextNormalizer} (case,
 * accents, punctuation folded), so two copies that differ only in typography shingle the same. Hashes are
 * computed from the characters with fixed constants: identical on every JVM and run. Plain Java.
 */
public final class Shingles {
  private Shingles() {}

  /** Default shingle length: word 3-grams. */
  public static final int DEFAULT_SIZE = 3;

  private static final long PRIME = 0x100000001b3L;

  /** 64-bit FNV-1a of a word's UTF-16 code units, finished with a 64-bit mixer. */
  public static long wordHash(String word) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < word.length(); i++) {
      h ^= word.charAt(i);
      h *= PRIME;
    }
    return mix(h);
  }

  /** MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit. */
  public static long mix(long z) {
    z ^= z >>> 33;
    z *= 0xff51afd7ed558ccdL;
    z ^= z >>> 33;
    z *= 0xc4ceb9fe1a85ec53L;
    z ^= z >>> 33;
    return z;
  }

  /** Hashes of the words, in order. */
  public static long[] wordHashes(List<String> words) {
    long[] h = new long[words.size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = wordHash(words.get(i));
    }
    return h;
  }

  /**
   * Sorted distinct hashes of the {@code size}-word shingles of words {@code [from, to)}. A text shorter than
   * one shingle yields one shingle of all its words (none when it has no word).
   */
  public static long[] of(long[] words, int from, int to, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1, got " + size);
    }
    int n = to - from;
    if (n <= 0) {
      return new long[0];
    }
    int count = Math.max(1, n - size + 1);
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      long h = 0;
      for (int j = i; j < Math.min(i + size, to - from); j++) {
        h = h * 0x9E3779B97F4A7C15L + words[from + j];
      }
      out[i] = mix(h);
    }
    return sortedDistinct(out);
  }

  /** Shingles of a whole text. */
  public static long[] of(String text, int size) {
    long[] words = wordHashes(TextNormalizer.words(text));
    return of(words, 0, words.length, size);
  }

  static long[] sortedDistinct(long[] a) {
    Arrays.sort(a);
    int k = 0;
    for (int i = 0; i < a.length; i++) {
      if (k == 0 || a[i] != a[k - 1]) {
        a[k++] = a[i];
      }
    }
    return k == a.length ? a : Arrays.copyOf(a, k);
  }

  /** Size of the intersection of two sorted distinct arrays. */
  public static int overlap(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        n++;
        i++;
        j++;
      }
    }
    return n;
  }
}
