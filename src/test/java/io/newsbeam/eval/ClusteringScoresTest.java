package io.newsbeam.eval;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class ClusteringScoresTest {
  @Test
  public void perfectClusteringScoresOne() {
    ClusteringScores s = ClusteringScores.of(List.of("a", "a", "b", "b", "c"), List.of(1, 1, 2, 2, 3));
    assertEquals(1.0, s.precision(), 1e-12);
    assertEquals(1.0, s.recall(), 1e-12);
    assertEquals(1.0, s.ari(), 1e-12);
  }

  @Test
  public void matchesTheReferenceScorerOnAKnownCase() {
    // gold {0,1,2} {3,4}; pred {0,1} {2,3,4}; score_clustering.py prints the same figures. By hand:
    // tp = C(2,2)+C(1,2)+C(2,2) = 2; gold pairs = 3+1 = 4; pred pairs = 1+3 = 4; total = 10
    // expected = 4*4/10 = 1.6; max = 4; ari = (2-1.6)/(4-1.6) = 0.1667
    ClusteringScores s = ClusteringScores.of(List.of("g1", "g1", "g1", "g2", "g2"), List.of("p1", "p1", "p2", "p2", "p2"));
    assertEquals(0.5, s.precision(), 1e-12);
    assertEquals(0.5, s.recall(), 1e-12);
    assertEquals(0.5, s.f1(), 1e-12);
    assertEquals(0.4 / 2.4, s.ari(), 1e-12);
  }

  @Test
  public void allSingletonsHaveNoPredictedPairs() {
    ClusteringScores s = ClusteringScores.of(List.of("a", "a", "b"), List.of(1, 2, 3));
    assertEquals(0.0, s.precision(), 1e-12);
    assertEquals(0.0, s.recall(), 1e-12);
  }
}
