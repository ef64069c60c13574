package io.newsbeam.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The two steps of the alternating large-star / small-star connected-components algorithm (Kiveris et al.,
 * "Connected Components in MapReduce and Beyond", SoCC 2014), one node at a time, so a distributed runner
 * only ever holds one node's neighbourhood. Both steps keep the connectivity of the graph; alternating them
 * turns every component into a star around its smallest node in O(log^2 n) rounds (in practice about
 * log n). {@link #isStar} and {@link #rootOf} read the result. Plain Java; {@link #components} runs the same
 * steps in memory for tests and benchmarks.
 */
public final class StarContraction {
  private StarContraction() {}

  /** An undirected edge, written {@code (larger, smaller)} by the steps. */
  public record Edge(String a, String b) {}

  /**
   * Large-star at node {@code u}: links every neighbour larger than {@code u} to the smallest node of
   * {@code u}'s closed neighbourhood.
   */
  public static List<Edge> largeStar(String u, Iterable<String> neighbours) {
    TreeSet<String> n = new TreeSet<>();
    neighbours.forEach(n::add);
    n.remove(u);
    List<Edge> out = new ArrayList<>();
    if (n.isEmpty()) {
      return out;
    }
    String m = n.first().compareTo(u) < 0 ? n.first() : u;
    for (String v : n.tailSet(u, false)) {
      out.add(new Edge(v, m));
    }
    return out;
  }

  /**
   * Small-star at node {@code u}, given its neighbours not larger than it: links {@code u} and each of them
   * to the smallest of them.
   */
  public static List<Edge> smallStar(String u, Iterable<String> smallerNeighbours) {
    TreeSet<String> n = new TreeSet<>();
    smallerNeighbours.forEach(n::add);
    n.remove(u);
    List<Edge> out = new ArrayList<>();
    if (n.isEmpty()) {
      return out;
    }
    String m = n.first();
    out.add(new Edge(u, m));
    for (String v : n.tailSet(m, false)) {
      out.add(new Edge(v, m));
    }
    return out;
  }

  /** Orders an edge as (larger, smaller); null for a self-loop. */
  public static Edge ordered(String x, String y) {
    int c = x.compareTo(y);
    return c == 0 ? null : c > 0 ? new Edge(x, y) : new Edge(y, x);
  }

  /**
   * Whether node {@code u}, seen with its smaller neighbours ({@code parents}) and larger neighbours
   * ({@code children}), is consistent with a finished contraction: a node is either a root (no parent) or a
   * leaf with exactly one parent and no child.
   */
  public static boolean isStar(Iterable<String> parents, Iterable<String> children) {
    TreeSet<String> p = new TreeSet<>();
    parents.forEach(p::add);
    return isStar(p, children.iterator().hasNext());
  }

  /** {@link #isStar(Iterable, Iterable)} from a node's distinct parents and whether it has any child. */
  public static boolean isStar(java.util.Set<String> parents, boolean hasChildren) {
    return parents.isEmpty() || (parents.size() == 1 && !hasChildren);
  }

  /** Result of an in-memory run: node → smallest node of its component, and the rounds it took. */
  public record Result(Map<String, String> roots, int rounds) {}

  /**
   * Runs large-star / small-star rounds in memory until the graph is a set of stars, at most {@code
   * maxRounds} rounds; fails when that is not enough. Same steps as the Beam transform.
   */
  public static Result components(List<Edge> edges, int maxRounds) {
    TreeSet<Edge> current = new TreeSet<>(java.util.Comparator.comparing(Edge::a).thenComparing(Edge::b));
    for (Edge e : edges) {
      Edge o = ordered(e.a(), e.b());
      if (o != null) {
        current.add(o);
      }
    }
    for (int round = 0; round <= maxRounds; round++) {
      if (stars(current)) {
        Map<String, String> roots = new TreeMap<>();
        for (Edge e : current) {
          roots.put(e.a(), e.b());
          roots.put(e.b(), e.b());
        }
        return new Result(roots, round);
      }
      if (round == maxRounds) {
        break;
      }
      Map<String, List<String>> all = new TreeMap<>();
      for (Edge e : current) {
        all.computeIfAbsent(e.a(), k -> new ArrayList<>()).add(e.b());
        all.computeIfAbsent(e.b(), k -> new ArrayList<>()).add(e.a());
      }
      TreeSet<Edge> large = new TreeSet<>(current.comparator());
      all.forEach((u, n) -> largeStar(u, n).forEach(e -> large.add(ordered(e.a(), e.b()))));
      Map<String, List<String>> smaller = new TreeMap<>();
      for (Edge e : large) {
        smaller.computeIfAbsent(e.a(), k -> new ArrayList<>()).add(e.b());
      }
      TreeSet<Edge> small = new TreeSet<>(current.comparator());
      smaller.forEach((u, n) -> smallStar(u, n).forEach(e -> small.add(ordered(e.a(), e.b()))));
      current = small;
    }
    throw new IllegalStateException("connected components did not converge in " + maxRounds + " rounds");
  }

  private static boolean stars(TreeSet<Edge> edges) {
    Map<String, TreeSet<String>> parents = new TreeMap<>();
    TreeSet<String> hasChild = new TreeSet<>();
    for (Edge e : edges) {
      parents.computeIfAbsent(e.a(), k -> new TreeSet<>()).add(e.b());
      hasChild.add(e.b());
    }
    for (Map.Entry<String, TreeSet<String>> p : parents.entrySet()) {
      if (p.getValue().size() != 1 || hasChild.contains(p.getKey())) {
        return false;
      }
    }
    return true;
  }
}
