package io.newsbeam.transforms;

import io.newsbeam.dedup.StarContraction;
import io.newsbeam.dedup.StarContraction.Edge;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

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
    TupleTag<String> parents = new TupleTag<>() {};
    TupleTag<String> children = new TupleTag<>() {};
    return KeyedPCollectionTuple.of(parents, current)
        .and(children, current.apply("ByParent", ParDo.of(new SwapFn())).setCoder(coder))
        .apply("GroupStars", Grouping.coGroupByKey())
        .apply("CheckConvergedAndLabel", ParDo.of(new LabelFn(parents, children, maxRounds)))
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

  static final class SwapFn extends DoFn<KV<String, String>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, String> e, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(e.getValue(), e.getKey()));
    }
  }

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

  static final class LabelFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    private final TupleTag<String> parents;
    private final TupleTag<String> children;
    private final int maxRounds;

    LabelFn(TupleTag<String> parents, TupleTag<String> children, int maxRounds) {
      this.parents = parents;
      this.children = children;
      this.maxRounds = maxRounds;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> node, OutputReceiver<KV<String, String>> out) {
      Iterable<String> p = node.getValue().getAll(parents);
      Iterable<String> c = node.getValue().getAll(children);
      if (!StarContraction.isStar(p, c)) {
        throw new IllegalStateException("connected components of the graph did not converge in "
            + maxRounds + " rounds (node " + node.getKey() + " is still linked in a chain): a component is"
            + " longer than the bound allows; raise LabelComponents.withMaxRounds");
      }
      out.output(KV.of(node.getKey(), p.iterator().hasNext() ? StarContraction.rootOf(p) : node.getKey()));
    }
  }
}
