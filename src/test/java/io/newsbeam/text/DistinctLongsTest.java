package io.newsbeam.text;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Random;
import java.util.TreeSet;
import org.junit.Test;

/** DistinctLongs counts what a TreeSet counts, across its compactions and merges. */
public class DistinctLongsTest {
  @Test
  public void countsDistinctValuesAcrossManyCompactions() {
    Random random = new Random(7);
    DistinctLongs set = new DistinctLongs();
    TreeSet<Long> reference = new TreeSet<>();
    for (int i = 0; i < 50_000; i++) {
      long v = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(5_000) - 2_500; // many repeats, negatives
      set.add(v);
      reference.add(v);
    }
    assertEquals(reference.size(), set.count());
    assertArrayEquals(reference.stream().mapToLong(Long::longValue).toArray(), set.toSortedArray());
  }

  @Test
  public void mergedSetsCountTheUnion() {
    DistinctLongs a = new DistinctLongs();
    DistinctLongs b = new DistinctLongs();
    for (long v = 0; v < 100; v++) {
      a.add(v);
      b.add(v + 50);
    }
    a.addAll(b);
    assertEquals(150, a.count());
    assertEquals(150, DistinctLongs.ofSorted(a.toSortedArray()).count());
  }

  @Test
  public void ofSortedRefusesUnsortedOrRepeatedValues() {
    assertThrows(IllegalArgumentException.class, () -> DistinctLongs.ofSorted(new long[] {1, 1}));
    assertThrows(IllegalArgumentException.class, () -> DistinctLongs.ofSorted(new long[] {2, 1}));
    assertEquals(0, DistinctLongs.ofSorted(new long[0]).count());
  }
}
