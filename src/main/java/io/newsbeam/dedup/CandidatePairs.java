package io.newsbeam.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Candidate pairs of one LSH bucket, with a linear bound on large buckets. Members are sorted by id; a
 * bucket of at most {@code maxAllPairs} members yields all its pairs; a larger one (a shingle common to
 * many unrelated pages, or a story with very many copies) pairs each member with the next {@code window}
 * members in id order only, so a bucket of n members costs at most n x window pairs. Copies of one story
 * in a large bucket still end up connected (consecutive members verify), unrelated members do not.
 * Plain Java.
 */
public final class CandidatePairs {
  /** Default size up to which a bucket yields all its pairs. */
  public static final int DEFAULT_MAX_ALL_PAIRS = 40;
  /** Default number of following members each member of a larger bucket is paired with. */
  public static final int DEFAULT_WINDOW = 8;

  private CandidatePairs() {}

  /** A candidate pair, {@code left < right}. */
  public record Pair(String left, String right) {}

  public static List<Pair> of(Iterable<String> bucket, int maxAllPairs, int window) {
    TreeSet<String> sorted = new TreeSet<>();
    bucket.forEach(sorted::add);
    List<String> ids = new ArrayList<>(sorted);
    int n = ids.size();
    int reach = n <= maxAllPairs ? n : window;
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < Math.min(n, i + 1 + reach); j++) {
        pairs.add(new Pair(ids.get(i), ids.get(j)));
      }
    }
    return pairs;
  }
}
