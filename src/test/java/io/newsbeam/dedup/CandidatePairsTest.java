package io.newsbeam.dedup;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class CandidatePairsTest {
  @Test
  public void smallBucketsYieldAllPairsInIdOrder() {
    List<CandidatePairs.Pair> p = CandidatePairs.of(List.of("c", "a", "b", "a"), 40, 8);
    assertEquals(List.of(new CandidatePairs.Pair("a", "b"), new CandidatePairs.Pair("a", "c"), new CandidatePairs.Pair("b", "c")), p);
  }

  @Test
  public void largeBucketsCostLinearPairsAndStayConnected() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(String.format("id%04d", i));
    }
    List<CandidatePairs.Pair> p = CandidatePairs.of(ids, 40, 8);
    assertEquals(1000 * 8 - 8 * 9 / 2, p.size());
    List<StarContraction.Edge> edges = new ArrayList<>();
    p.forEach(x -> edges.add(new StarContraction.Edge(x.left(), x.right())));
    StarContraction.Result r = StarContraction.components(edges, 10);
    assertEquals(1, r.roots().values().stream().distinct().count());
  }
}
