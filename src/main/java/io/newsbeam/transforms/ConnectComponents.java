package io.newsbeam.transforms;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Connected components of an undirected graph over a set of nodes: labels every node (isolated ones too) with
 * the smallest id of its component. The edges go through {@link LabelComponents} (large-star / small-star
 * rounds with a bound and a final check, the same step the dedup graph uses); nodes without an edge keep their
 * own id.
 *
 * <p>An earlier version ran three rounds of min-label propagation and pointer jumping and failed a
 * 1,000-document benchmark run whose event graph held a longer chain; star contraction settles chains of
 * thousands of nodes within its bound.
 */
public final class ConnectComponents extends PTransform<PCollection<String>, PCollection<KV<String, String>>> {
  private final PCollection<KV<String, String>> edges;

  private ConnectComponents(PCollection<KV<String, String>> edges) {
    this.edges = edges;
  }

  /** Components of {@code edges} (pairs of node ids, either direction) over the nodes this is applied to. */
  public static ConnectComponents of(PCollection<KV<String, String>> edges) {
    return new ConnectComponents(edges);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<String> nodes) {
    TupleTag<String> self = new TupleTag<>("self");
    TupleTag<String> root = new TupleTag<>("root");
    PCollection<KV<String, String>> roots = edges.apply("LabelComponents", LabelComponents.create());
    PCollection<KV<String, String>> own =
        nodes.apply("OwnLabel", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((String n) -> KV.of(n, n)));
    return KeyedPCollectionTuple.of(self, own).and(root, roots)
        .apply("JoinRoots", Grouping.coGroupByKey())
        .apply("RootOrSelf", ParDo.of(new RootOrSelfFn(self, root)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /** A node's root, or the node itself when it has no edge; ids that are only in edges are not nodes. */
  static final class RootOrSelfFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    private final TupleTag<String> self;
    private final TupleTag<String> root;

    RootOrSelfFn(TupleTag<String> self, TupleTag<String> root) {
      this.self = self;
      this.root = root;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> node, OutputReceiver<KV<String, String>> out) {
      if (!node.getValue().getAll(self).iterator().hasNext()) {
        return;
      }
      out.output(KV.of(node.getKey(), node.getValue().getOnly(root, node.getKey())));
    }
  }
}
