package io.newsbeam.dedup;

import io.newsbeam.schema.Article;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The document-level dedup step of {@code CollapseDuplicates} run in one JVM, with the same libraries and
 * decisions: exact groups by content hash (smallest id represents), features, MinHash, LSH buckets, {@link
 * CandidatePairs}, {@link DuplicateVerifier}, {@link StarContraction} and {@link ComponentFolding}. For
 * benchmarks and for tuning on extracted bodies (seconds instead of a pipeline run); also reports every link
 * with its signals so wrong merges can be explained. Deterministic (sorted maps, or sorted before use). Plain Java.
 */
public final class LocalDedup {
  private LocalDedup() {}

  /** One edge of the copy graph: {@code from} joined {@code to} by {@code method} with these signals. */
  public record Link(String from, String to, String method, DuplicateVerifier.Signals signals) {}

  /**
   * The outcome: every article's component root, the links, the number of distinct candidate pairs, and the
   * folded records (canonical records and duplicates) by article id.
   */
  public record Result(Map<String, String> roots, List<Link> links, int candidates, Map<String, Article> folded) {
    /** article_id → canonical article_id (itself for a canonical record). */
    public Map<String, String> canonicalOf() {
      Map<String, String> out = new TreeMap<>();
      folded.forEach((id, a) -> out.put(id, a.getDuplicateOf() == null ? id : a.getDuplicateOf().toString()));
      return out;
    }
  }

  /** Runs the step with the default parameters of the pipeline. */
  public static Result run(Collection<Article> articles) {
    return run(articles, DuplicateVerifier.DEFAULT);
  }

  public static Result run(Collection<Article> articles, DuplicateVerifier verifier) {
    TreeMap<String, Article> byId = new TreeMap<>();
    for (Article a : articles) {
      if (byId.put(a.getArticleId(), a) != null) {
        throw new IllegalArgumentException("article_id " + a.getArticleId() + " occurs twice");
      }
    }
    List<Link> links = new ArrayList<>();
    TreeMap<String, List<Article>> byHash = new TreeMap<>();
    for (Article a : byId.values()) {
      byHash.computeIfAbsent(a.getContentHash(), k -> new ArrayList<>()).add(a);
    }
    TreeMap<String, DocFeatures> features = new TreeMap<>();
    for (List<Article> group : byHash.values()) {
      ExactCopies.Result r = ExactCopies.of(group);
      r.links().forEach((copy, rep) -> links.add(new Link(copy, rep, "exact", null)));
      features.putAll(r.representatives());
    }
    MinHash minHash = MinHash.standard();
    // Buckets and the pair set are hashed (a sorted map of 64 keys per document was the slowest part at 100k
    // documents); each bucket lists ids in sorted order because features is iterated in id order, and the pairs
    // are sorted before verification, so the result is the same for any input order.
    HashMap<Long, List<String>> buckets = new HashMap<>();
    for (DocFeatures f : features.values()) {
      for (long k : LshBands.DEFAULT.keys(minHash.signature(f.shingles()))) {
        buckets.computeIfAbsent(k, x -> new ArrayList<>(2)).add(f.id());
      }
    }
    HashSet<CandidatePairs.Pair> distinct = new HashSet<>();
    for (List<String> b : buckets.values()) {
      if (b.size() > 1) {
        distinct.addAll(CandidatePairs.of(b, CandidatePairs.DEFAULT_MAX_ALL_PAIRS, CandidatePairs.DEFAULT_WINDOW));
      }
    }
    List<CandidatePairs.Pair> pairs = new ArrayList<>(distinct);
    pairs.sort(java.util.Comparator.comparing(CandidatePairs.Pair::left).thenComparing(CandidatePairs.Pair::right));
    for (CandidatePairs.Pair p : pairs) {
      DuplicateVerifier.Signals s = DuplicateVerifier.signals(features.get(p.left()), features.get(p.right()));
      if (verifier.isDuplicate(s)) {
        links.add(new Link(p.right(), p.left(), "minhash", s));
      }
    }
    List<StarContraction.Edge> edges = new ArrayList<>();
    for (Link l : links) {
      edges.add(new StarContraction.Edge(l.from(), l.to()));
    }
    Map<String, String> linked = StarContraction.components(edges, 64).roots();
    TreeMap<String, String> roots = new TreeMap<>();
    TreeMap<String, List<Article>> components = new TreeMap<>();
    for (String id : byId.keySet()) {
      String root = linked.getOrDefault(id, id);
      roots.put(id, root);
      components.computeIfAbsent(root, x -> new ArrayList<>()).add(byId.get(id));
    }
    TreeMap<String, Article> folded = new TreeMap<>();
    for (List<Article> members : components.values()) {
      for (Article a : ComponentFolding.fold(members)) {
        folded.put(a.getArticleId(), a);
      }
    }
    return new Result(roots, links, pairs.size(), folded);
  }
}
