package io.newsbeam.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Connected components over string ids (in-memory form of the transform's label propagation); roots are the smallest ids. */
public final class UnionFind {
  private final Map<String, String> parent = new HashMap<>();

  public void add(String id) {
    parent.putIfAbsent(id, id);
  }

  public String find(String id) {
    String p = parent.get(id);
    if (p == null) {
      parent.put(id, id);
      return id;
    }
    if (p.equals(id)) {
      return id;
    }
    String root = find(p);
    parent.put(id, root);
    return root;
  }

  public void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  /** Components keyed by their smallest id, members sorted. */
  public TreeMap<String, List<String>> components() {
    TreeMap<String, List<String>> out = new TreeMap<>();
    for (String id : new java.util.TreeSet<>(parent.keySet())) {
      out.computeIfAbsent(find(id), k -> new ArrayList<>()).add(id);
    }
    return out;
  }
}
