package io.newsbeam.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Connected components of an undirected graph: labels every node id with the smallest id of its component.
 * Min-label propagation (each node takes the smallest label among itself and its neighbours) followed by
 * pointer jumping (a node takes its label's label), for a fixed number of rounds; a last propagation round
 * checks that no label changes any more and fails the run with a clear message otherwise. Each round costs
 * two shuffles of O(nodes + edges); components of star-shaped clusters joined across blocks converge in a few
 * rounds (pointer jumping halves path lengths).
 */
public final class ConnectComponents extends PTransform<PCollection<String>, PCollection<KV<String, String>>> {
  static final int ROUNDS = 3;

  private final PCollection<KV<String, String>> edges;

  private ConnectComponents(PCollection<KV<String, String>> edges) {
    this.edges = edges;
  }

  public static ConnectComponents of(PCollection<KV<String, String>> edges) {
    return new ConnectComponents(edges);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<String> nodes) {
    PCollection<KV<String, String>> both =
        PCollectionList.of(edges)
            .and(edges.apply("Reverse", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via((KV<String, String> e) -> KV.of(e.getValue(), e.getKey()))))
            .apply("BothDirections", Flatten.pCollections());
    PCollection<KV<String, String>> labels =
        nodes.apply("OwnLabel", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((String n) -> KV.of(n, n)));
    for (int r = 1; r <= ROUNDS; r++) {
      labels = jump(propagate(labels, both, "Propagate" + r), "Jump" + r);
    }
    return converged(labels, propagate(labels, both, "Check"));
  }

  /** The labels, after checking that one more propagation round changes none (static: the DoFn must not capture this). */
  private static PCollection<KV<String, String>> converged(PCollection<KV<String, String>> labels, PCollection<KV<String, String>> last) {
    TupleTag<String> before = new TupleTag<>() {};
    TupleTag<String> after = new TupleTag<>() {};
    return KeyedPCollectionTuple.of(before, labels).and(after, last)
        .apply("CompareLabels", Grouping.coGroupByKey())
        .apply("Converged", ParDo.of(new DoFn<KV<String, CoGbkResult>, KV<String, String>>() {
          @ProcessElement
          public void process(@Element KV<String, CoGbkResult> j, OutputReceiver<KV<String, String>> out) {
            String b = j.getValue().getOnly(before);
            String a = j.getValue().getOnly(after);
            if (!a.equals(b)) {
              throw new IllegalStateException("event components did not converge in " + ROUNDS
                  + " rounds (node " + j.getKey() + "): events chain across too many blocks; raise --eventSimilarity");
            }
            out.output(KV.of(j.getKey(), b));
          }
        }));
  }

  /** Each node: the smallest label of itself and its neighbours. */
  private static PCollection<KV<String, String>> propagate(
      PCollection<KV<String, String>> labels, PCollection<KV<String, String>> both, String name) {
    TupleTag<String> labelTag = new TupleTag<>() {};
    TupleTag<String> neighbourTag = new TupleTag<>() {};
    return KeyedPCollectionTuple.of(labelTag, labels).and(neighbourTag, both)
        .apply(name + "Join", Grouping.coGroupByKey())
        .apply(name + "Send", ParDo.of(new DoFn<KV<String, CoGbkResult>, KV<String, String>>() {
          @ProcessElement
          public void process(@Element KV<String, CoGbkResult> j, OutputReceiver<KV<String, String>> out) {
            String label = j.getValue().getOnly(labelTag);
            out.output(KV.of(j.getKey(), label));
            for (String n : j.getValue().getAll(neighbourTag)) {
              out.output(KV.of(n, label));
            }
          }
        }))
        .apply(name + "Min", Grouping.minPerKey());
  }

  /** Each node: the smaller of its label and its label's label. */
  private static PCollection<KV<String, String>> jump(PCollection<KV<String, String>> labels, String name) {
    TupleTag<String> ownLabel = new TupleTag<>() {};
    TupleTag<String> pointingHere = new TupleTag<>() {};
    PCollection<KV<String, String>> byLabel =
        labels.apply(name + "ByLabel", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((KV<String, String> kv) -> KV.of(kv.getValue(), kv.getKey())));
    return KeyedPCollectionTuple.of(ownLabel, labels).and(pointingHere, byLabel)
        .apply(name + "Join", Grouping.coGroupByKey())
        .apply(name + "Take", ParDo.of(new DoFn<KV<String, CoGbkResult>, KV<String, String>>() {
          @ProcessElement
          public void process(@Element KV<String, CoGbkResult> j, OutputReceiver<KV<String, String>> out) {
            String labelOfKey = j.getValue().getOnly(ownLabel);
            List<String> nodes = new ArrayList<>();
            j.getValue().getAll(pointingHere).forEach(nodes::add);
            for (String n : nodes) {
              out.output(KV.of(n, min(labelOfKey, j.getKey())));
            }
          }
        }));
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
