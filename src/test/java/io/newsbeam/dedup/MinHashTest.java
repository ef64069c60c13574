package io.newsbeam.dedup;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.Test;

public class MinHashTest {
  @Test
  public void shinglesIgnoreTypographyAndAreSortedDistinct() {
    long[] a = Shingles.of("The U.S. Secretary said: “We are concerned.”", 3);
    long[] b = Shingles.of("the u s secretary said we are CONCERNED", 3);
    assertArrayEquals(a, b);
    assertEquals(6, a.length);
    long[] sorted = a.clone();
    Arrays.sort(sorted);
    assertArrayEquals(sorted, a);
    assertEquals(1, Shingles.of("two words", 3).length);
    assertEquals(0, Shingles.of("  ", 3).length);
  }

  @Test
  public void signaturesAreDeterministicAcrossInstances() {
    long[] s = Shingles.of(DedupTestTexts.seed("002"), 3);
    assertArrayEquals(MinHash.standard().signature(s), new MinHash(128, MinHash.DEFAULT_SEED).signature(s));
    assertNotEquals(Arrays.toString(MinHash.standard().signature(s)), Arrays.toString(new MinHash(128, 7).signature(s)));
    assertEquals(128, MinHash.standard().signature(s).length);
  }

  @Test
  public void estimateTracksJaccard() {
    // sets {0..999} and {500..1499}: Jaccard 500/1500 = 0.333
    long[] a = LongStream.range(0, 1000).map(Shingles::mix).sorted().toArray();
    long[] b = LongStream.range(500, 1500).map(Shingles::mix).sorted().toArray();
    MinHash m = MinHash.standard();
    double est = MinHash.estimate(m.signature(a), m.signature(b));
    assertEquals(1 / 3.0, est, 0.12);
    assertEquals(1.0, MinHash.estimate(m.signature(a), m.signature(a.clone())), 0.0);
  }

  @Test
  public void bandsCollideForCopiesAndRarelyForUnrelatedTexts() {
    MinHash m = MinHash.standard();
    LshBands bands = LshBands.DEFAULT;
    long[] k1 = bands.keys(m.signature(Shingles.of(DedupTestTexts.seed("002"), 3)));
    long[] k2 = bands.keys(m.signature(Shingles.of(DedupTestTexts.seed("002") + " one more line", 3)));
    long[] k3 = bands.keys(m.signature(Shingles.of(DedupTestTexts.seed("003"), 3)));
    int same12 = 0;
    int same13 = 0;
    for (int i = 0; i < k1.length; i++) {
      same12 += k1[i] == k2[i] ? 1 : 0;
      same13 += k1[i] == k3[i] ? 1 : 0;
    }
    assertTrue("near-identical texts share most bands: " + same12, same12 > 30);
    assertEquals("different stories share no band", 0, same13);
    assertEquals(0, bands.keys(m.signature(new long[0])).length);
  }

  @Test
  public void candidateProbabilityFavoursWireCopies() {
    LshBands b = LshBands.DEFAULT;
    assertTrue(b.candidateProbability(0.2) > 0.9);
    assertTrue(b.candidateProbability(0.3) > 0.99);
    assertTrue(b.candidateProbability(0.02) < 0.03);
  }

  @Test
  public void agreementOfPositionsIsTheJaccardAlsoForSmallAndUnequalSets() {
    // one-permutation hashing with densification: small sets leave most bins empty
    MinHash m = MinHash.standard();
    long[] small = LongStream.range(0, 40).map(Shingles::mix).sorted().toArray();
    long[] smallPlus = LongStream.range(10, 50).map(Shingles::mix).sorted().toArray(); // J = 30/50 = 0.6
    assertEquals(0.6, MinHash.estimate(m.signature(small), m.signature(smallPlus)), 0.15);
    long[] large = LongStream.range(0, 2000).map(Shingles::mix).sorted().toArray();
    long[] part = LongStream.range(0, 1000).map(Shingles::mix).sorted().toArray(); // J = 0.5
    assertEquals(0.5, MinHash.estimate(m.signature(large), m.signature(part)), 0.12);
    int[] empty = m.signature(new long[0]);
    assertEquals(MinHash.EMPTY, empty[0]);
    assertEquals(MinHash.EMPTY, empty[127]);
  }

  @Test
  public void oneShingleFillsEveryPosition() {
    int[] s = MinHash.standard().signature(new long[] {Shingles.mix(7)});
    for (int v : s) {
      assertEquals(s[0], v);
    }
  }

  @Test(expected = IllegalArgumentException.class)
  public void tooManyBandsForTheSignatureFailsClearly() {
    new LshBands(50, 3).check(128);
  }
}
