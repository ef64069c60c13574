package io.newsbeam.transforms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;

public class ConnectComponentsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  /**
   * A chain of 300 nodes in shuffled id order (three rounds of propagation and pointer jumping, the earlier
   * algorithm, could not settle it), a star, and isolated nodes: every node gets its component's smallest id.
   */
  @Test
  public void labelsLongChainsStarsAndIsolatedNodes() {
    List<String> nodes = new ArrayList<>();
    List<KV<String, String>> edges = new ArrayList<>();
    List<KV<String, String>> expected = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 100; i < 400; i++) {
      order.add(i);
      nodes.add("c" + i);
      expected.add(KV.of("c" + i, "c100"));
    }
    Collections.shuffle(order, new Random(5));
    for (int i = 1; i < order.size(); i++) {
      edges.add(KV.of("c" + order.get(i - 1), "c" + order.get(i)));
    }
    for (String leaf : List.of("s2", "s3", "s4")) {
      nodes.add(leaf);
      edges.add(KV.of(leaf, "s1"));
      expected.add(KV.of(leaf, "s1"));
    }
    nodes.add("s1");
    expected.add(KV.of("s1", "s1"));
    for (String alone : List.of("a", "b")) {
      nodes.add(alone);
      expected.add(KV.of(alone, alone));
    }
    Collections.shuffle(nodes, new Random(7));
    PCollection<KV<String, String>> e =
        p.apply("Edges", Create.of(edges).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
    PCollection<KV<String, String>> labels =
        p.apply("Nodes", Create.of(nodes).withCoder(StringUtf8Coder.of())).apply(ConnectComponents.of(e));
    PAssert.that(labels).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }
}
