package io.newsbeam.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/** A side input read once per bundle still gives every element its own window's value. */
public class BundleSideInputTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  static final class LookUpFn extends DoFn<String, String> {
    private final BundleSideInput<Map<String, String>> table;

    LookUpFn(PCollectionView<Map<String, String>> table) {
      this.table = new BundleSideInput<>(table);
    }

    @StartBundle
    public void startBundle() {
      table.forget();
    }

    @ProcessElement
    public void process(@Element String key, ProcessContext c, BoundedWindow window) {
      c.output(key + "=" + table.read(c, window).get(key));
    }
  }

  @Test
  public void eachElementSeesItsWindowsValue() {
    Duration minute = Duration.standardMinutes(1);
    PCollectionView<Map<String, String>> table = p
        .apply("Table", Create.timestamped(
            TimestampedValue.of(KV.of("k", "first minute"), new Instant(0)),
            TimestampedValue.of(KV.of("k", "second minute"), new Instant(60_000))))
        .apply("TableWindows", Window.into(FixedWindows.of(minute)))
        .apply(View.asMap());
    List<TimestampedValue<String>> keys = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      keys.add(TimestampedValue.of("k", new Instant(i % 2 == 0 ? 1_000 : 61_000)));
      expected.add(i % 2 == 0 ? "k=first minute" : "k=second minute");
    }
    PCollection<String> looked = p.apply("Keys", Create.timestamped(keys))
        .apply("KeyWindows", Window.into(FixedWindows.of(minute)))
        .apply(ParDo.of(new LookUpFn(table)).withSideInputs(table));
    PAssert.that(looked).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }
}
