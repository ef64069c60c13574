package io.newsbeam.transforms;

import io.newsbeam.dedup.StarContraction;
import io.newsbeam.dedup.StarContraction.Edge;
import java.util.List;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Connected components of an undirected graph given as edges between string ids: outputs {@code (node,
 * root)} for every node that has an edge, root = the smallest id of its component (deterministic whatever
 * the input order or parallelism).
 *
 * <p>Runs {@code maxRounds} rounds of large-star then small-star ({@link StarContraction}); each step groups
 * the edges of one node, so no worker ever holds a whole component or the graph. The rounds are unrolled
 * (a Beam graph is static). The algorithm needs O(log^2 n) rounds, in practice about log2 of the longest
 * chain plus 3 (measured in StarContractionTest: a path of 1,000 nodes in id order takes 10 rounds, 5,000
 * nodes in random id order 10); the default bound of {@value #DEFAULT_MAX_ROUNDS} rounds settles any
 * component of copies of one story seen in news (they are dense, not long chains) with a wide margin.
 * A final check verifies that the result is a set of stars; when it is not, the run fails with a message
 * rather than emit wrong clusters.
 */
public final class LabelComponents extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
  public static final int DEFAULT_MAX_ROUNDS = 12;

  private final int maxRounds;

  private LabelComponents(int maxRounds) {
    if (maxRounds < 1) {
      throw new IllegalArgumentException("connected components need at least one round, got " + maxRounds);
    }
    this.maxRounds = maxRounds;
  }

  public static LabelComponents create() {
    return new LabelComponents(DEFAULT_MAX_ROUNDS);
  }

  public static LabelComponents withMaxRounds(int maxRounds) {
    return new LabelComponents(maxRounds);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
    KvCoder<String, String> coder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    PCollection<KV<String, String>> current = edges.apply("OrderEdges", ParDo.of(new OrderFn())).setCoder(coder);
    for (int round = 1; round <= maxRounds; round++) {
      current = current
          .apply("BothDirections" + round, ParDo.of(new BothDirectionsFn())).setCoder(coder)
          .apply("GroupNeighbours" + round, Grouping.byKey())
          .apply("LargeStar" + round, ParDo.of(new LargeStarFn())).setCoder(coder)
          .apply("GroupSmallerNeighbours" + round, Grouping.byKey())
          .apply("SmallStar" + round, ParDo.of(new SmallStarFn())).setCoder(coder);
    }
    // Each node with what it is to its neighbours: "P"+parent for each smaller neighbour, "C" for each larger one.
    // One grouping read in one pass: a root can have more children than a runner keeps in memory, and Flink's
    // grouped values can be iterated only once (a CoGroupByKey of the two roles failed at 1M documents).
    PCollection<KV<String, String>> roles = PCollectionList.of(
            current.apply("AsChild", ParDo.of(new RoleFn(true))).setCoder(coder))
        .and(current.apply("AsParent", ParDo.of(new RoleFn(false))).setCoder(coder))
        .apply("Roles", Flatten.pCollections());
    return roles
        .apply("GroupStars", Grouping.byKey())
        .apply("CheckConvergedAndLabel", ParDo.of(new LabelFn(maxRounds)))
        .setCoder(coder);
  }

  private static void emit(List<Edge> edges, DoFn.OutputReceiver<KV<String, String>> out) {
    for (Edge e : edges) {
      Edge o = StarContraction.ordered(e.a(), e.b());
      if (o != null) {
        out.output(KV.of(o.a(), o.b()));
      }
    }
  }

  /** Edges as (larger, smaller), self-loops dropped. */
  static final class OrderFn extends DoFn<KV<String, String>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, String> e, OutputReceiver<KV<String, String>> out) {
      emit(List.of(new Edge(e.getKey(), e.getValue())), out);
    }
  }

  static final class BothDirectionsFn extends DoFn<KV<String, String>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, String> e, OutputReceiver<KV<String, String>> out) {
      out.output(e);
      out.output(KV.of(e.getValue(), e.getKey()));
    }
  }

  /** An edge (child, parent) as the child's view ({@code child → "P"+parent}) or the parent's ({@code parent → "C"}). */
  static final class RoleFn extends DoFn<KV<String, String>, KV<String, String>> {
    private final boolean childView;

    RoleFn(boolean childView) {
      this.childView = childView;
    }

    @ProcessElement
    public void process(@Element KV<String, String> e, OutputReceiver<KV<String, String>> out) {
      out.output(childView ? KV.of(e.getKey(), PARENT + e.getValue()) : KV.of(e.getValue(), CHILD));
    }
  }

  static final String PARENT = "P";
  static final String CHILD = "C";

  static final class LargeStarFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> node, OutputReceiver<KV<String, String>> out) {
      emit(StarContraction.largeStar(node.getKey(), node.getValue()), out);
    }
  }

  static final class SmallStarFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> node, OutputReceiver<KV<String, String>> out) {
      emit(StarContraction.smallStar(node.getKey(), node.getValue()), out);
    }
  }

  /** Checks that a node is a root or a leaf of a star and labels it with its root; reads its roles once. */
  static final class LabelFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    private final int maxRounds;

    LabelFn(int maxRounds) {
      this.maxRounds = maxRounds;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> node, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(node.getKey(), rootOf(node.getKey(), node.getValue(), maxRounds)));
    }
  }

  /**
   * The root of {@code node} from its roles ({@link RoleFn}), read in one pass; fails when the node is neither a
   * root nor a leaf of a star (the contraction did not converge).
   */
  static String rootOf(String node, Iterable<String> roles, int maxRounds) {
    TreeSet<String> parents = new TreeSet<>();
    boolean hasChildren = false;
    for (String role : roles) {
      if (role.startsWith(PARENT)) {
        parents.add(role.substring(PARENT.length()));
      } else {
        hasChildren = true;
      }
    }
    if (!StarContraction.isStar(parents, hasChildren)) {
      throw new IllegalStateException("connected components of the graph did not converge in "
          + maxRounds + " rounds (node " + node + " is still linked in a chain): a component is"
          + " longer than the bound allows; raise LabelComponents.withMaxRounds");
    }
    return parents.isEmpty() ? node : parents.first();
  }
}
