package io.newsbeam.transforms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;

public class LabelComponentsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static List<KV<String, String>> edges() {
    List<KV<String, String>> e = new ArrayList<>();
    // chain n07 - n03 - n09 - n01 (ids out of order along it), a separate pair, a self-loop
    e.add(KV.of("n07", "n03"));
    e.add(KV.of("n09", "n03"));
    e.add(KV.of("n01", "n09"));
    e.add(KV.of("m2", "m1"));
    e.add(KV.of("m1", "m2"));
    e.add(KV.of("z", "z"));
    // a longer path of 40 nodes in shuffled id order
    List<Integer> order = new ArrayList<>();
    for (int i = 10; i < 50; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(3));
    for (int i = 1; i < order.size(); i++) {
      e.add(KV.of("p" + order.get(i - 1), "p" + order.get(i)));
    }
    return e;
  }

  private static List<KV<String, String>> expected() {
    List<KV<String, String>> x = new ArrayList<>(List.of(
        KV.of("n01", "n01"), KV.of("n03", "n01"), KV.of("n07", "n01"), KV.of("n09", "n01"),
        KV.of("m1", "m1"), KV.of("m2", "m1")));
    for (int i = 10; i < 50; i++) {
      x.add(KV.of("p" + i, "p10"));
    }
    return x;
  }

  @Test
  public void labelsEveryNodeWithTheSmallestIdOfItsComponent() {
    PCollection<KV<String, String>> roots =
        p.apply(Create.of(edges()).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
            .apply(LabelComponents.create());
    PAssert.that(roots).containsInAnyOrder(expected());
    p.run().waitUntilFinish();
  }

  @Test
  public void sameLabelsForShuffledInput() {
    List<KV<String, String>> e = edges();
    Collections.shuffle(e, new Random(11));
    List<KV<String, String>> flipped = new ArrayList<>();
    e.forEach(kv -> flipped.add(KV.of(kv.getValue(), kv.getKey())));
    PCollection<KV<String, String>> roots =
        p.apply(Create.of(flipped).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
            .apply(LabelComponents.create());
    PAssert.that(roots).containsInAnyOrder(expected());
    p.run().waitUntilFinish();
  }

  @Test(expected = PipelineExecutionException.class)
  public void failsLoudlyWhenTheRoundsDoNotSuffice() {
    p.apply(Create.of(edges()).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(LabelComponents.withMaxRounds(1));
    p.run().waitUntilFinish();
  }

  /** Values a runner hands over once only, as Flink's grouped values: a second iterator() fails. */
  private static Iterable<String> once(List<String> values) {
    boolean[] used = {false};
    return () -> {
      if (used[0]) {
        throw new IllegalStateException("grouped values iterated twice");
      }
      used[0] = true;
      return values.iterator();
    };
  }

  @Test
  public void aNodeIsLabelledFromOnePassOverItsRolesWhateverItsDegree() {
    List<String> root = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      root.add(LabelComponents.CHILD);
    }
    assertEquals("a root with 20,000 children", "a", LabelComponents.rootOf("a", once(root), 12));
    assertEquals("b", LabelComponents.rootOf("q", once(List.of(LabelComponents.PARENT + "b")), 12));
    List<String> chained = List.of(LabelComponents.PARENT + "b", LabelComponents.CHILD);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> LabelComponents.rootOf("m", once(chained), 12));
    assertTrue(e.getMessage(), e.getMessage().contains("did not converge in 12 rounds"));
  }
}
