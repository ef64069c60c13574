package io.newsbeam.text;

import java.util.Arrays;

/**
 * A set of longs (hashes) that only grows and is counted: values are appended, and sorted and deduplicated when
 * the buffer fills or the set is read, so adding n values costs O(n log n) and the memory is about 8 bytes per
 * distinct value. Plain Java; not thread-safe.
 */
public final class DistinctLongs {
  private long[] values;
  private int size;
  private boolean compact = true;

  public DistinctLongs() {
    this(8);
  }

  private DistinctLongs(int capacity) {
    values = new long[Math.max(capacity, 8)];
  }

  /** The set of {@code sorted}, which must be sorted and free of repeats (as {@link #toSortedArray} gives). */
  public static DistinctLongs ofSorted(long[] sorted) {
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i - 1] >= sorted[i]) {
        throw new IllegalArgumentException("values must be strictly increasing; index " + i + " is not");
      }
    }
    DistinctLongs set = new DistinctLongs(sorted.length);
    System.arraycopy(sorted, 0, set.values, 0, sorted.length);
    set.size = sorted.length;
    return set;
  }

  public void add(long value) {
    if (size == values.length) {
      compact();
      if (size > values.length / 2) {
        values = Arrays.copyOf(values, values.length * 2);
      }
    }
    values[size++] = value;
    compact = false;
  }

  public void addAll(DistinctLongs other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  /** How many distinct values were added. */
  public int count() {
    compact();
    return size;
  }

  /** The distinct values, in increasing order. */
  public long[] toSortedArray() {
    compact();
    return Arrays.copyOf(values, size);
  }

  private void compact() {
    if (compact) {
      return;
    }
    Arrays.sort(values, 0, size);
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (kept == 0 || values[i] != values[kept - 1]) {
        values[kept++] = values[i];
      }
    }
    size = kept;
    compact = true;
  }
}
