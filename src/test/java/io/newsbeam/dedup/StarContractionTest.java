package io.newsbeam.dedup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.newsbeam.dedup.StarContraction.Edge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.Test;

public class StarContractionTest {
  private static String id(int i) {
    return String.format("n%05d", i);
  }

  @Test
  public void aChainFoldsIntoOneComponentRootedAtItsSmallestId() {
    List<Edge> chain = List.of(new Edge("c", "b"), new Edge("b", "a"), new Edge("x", "y"));
    Map<String, String> roots = StarContraction.components(chain, 8).roots();
    assertEquals(Map.of("a", "a", "b", "a", "c", "a", "x", "x", "y", "x"), roots);
  }

  @Test
  public void stepsKeepConnectivity() {
    assertEquals(List.of(new Edge("c", "a"), new Edge("d", "a")), StarContraction.largeStar("b", List.of("a", "c", "d")));
    assertEquals(List.of(new Edge("d", "a"), new Edge("b", "a"), new Edge("c", "a")),
        StarContraction.smallStar("d", List.of("c", "b", "a")));
    assertTrue(StarContraction.isStar(List.of("a"), List.of()));
    assertTrue(!StarContraction.isStar(List.of("a", "b"), List.of()));
    assertTrue(!StarContraction.isStar(List.of("a"), List.of("z")));
  }

  @Test
  public void matchesUnionFindOnRandomGraphsWhateverTheEdgeOrder() {
    Random r = new Random(42);
    for (int trial = 0; trial < 20; trial++) {
      int n = 300;
      List<Edge> edges = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        edges.add(new Edge(id(r.nextInt(n)), id(r.nextInt(n))));
      }
      Map<String, String> expected = unionFind(edges);
      Map<String, String> got = StarContraction.components(edges, 12).roots();
      assertEquals(expected, got);
      Collections.shuffle(edges, r);
      assertEquals(expected, StarContraction.components(edges, 12).roots());
    }
  }

  @Test
  public void longChainsConvergeWithinTheDefaultBound() {
    // worst shape for contraction: a path of 5,000 nodes whose ids are in random order along it
    Random r = new Random(7);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      order.add(i);
    }
    Collections.shuffle(order, r);
    List<Edge> path = new ArrayList<>();
    for (int i = 1; i < order.size(); i++) {
      path.add(new Edge(id(order.get(i - 1)), id(order.get(i))));
    }
    StarContraction.Result res = StarContraction.components(path, 12);
    assertEquals(1, res.roots().values().stream().distinct().count());
    assertTrue("rounds " + res.rounds(), res.rounds() <= 12);
    // the same path of 1,000 nodes with ids in path order (the slowest shape) also fits the bound
    List<Edge> sorted = new ArrayList<>();
    for (int i = 1; i < 1000; i++) {
      sorted.add(new Edge(id(i - 1), id(i)));
    }
    assertTrue(StarContraction.components(sorted, 12).rounds() <= 12);
  }

  @Test(expected = IllegalStateException.class)
  public void failsWhenTheBoundIsTooSmall() {
    List<Edge> path = new ArrayList<>();
    for (int i = 1; i < 200; i++) {
      path.add(new Edge(id(i), id(i - 1)));
    }
    StarContraction.components(path, 1);
  }

  private static Map<String, String> unionFind(List<Edge> edges) {
    Map<String, String> parent = new TreeMap<>();
    for (Edge e : edges) {
      parent.putIfAbsent(e.a(), e.a());
      parent.putIfAbsent(e.b(), e.b());
    }
    for (Edge e : edges) {
      String x = find(parent, e.a());
      String y = find(parent, e.b());
      if (!x.equals(y)) {
        parent.put(x.compareTo(y) < 0 ? y : x, x.compareTo(y) < 0 ? x : y);
      }
    }
    Map<String, String> roots = new TreeMap<>();
    for (String v : parent.keySet()) {
      roots.put(v, find(parent, v));
    }
    // self-loop-only nodes have no edge after ordering: drop them like components() does
    Map<String, String> out = new TreeMap<>();
    for (Edge e : edges) {
      if (!e.a().equals(e.b())) {
        out.put(e.a(), roots.get(e.a()));
        out.put(e.b(), roots.get(e.b()));
      }
    }
    return out;
  }

  private static String find(Map<String, String> parent, String v) {
    while (!parent.get(v).equals(v)) {
      v = parent.get(v);
    }
    return v;
  }
}
