package io.newsbeam.transforms;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/** Passes elements through unchanged and counts them in a Beam counter (e.g. files matched, for progress). */
public final class CountInto<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private final String namespace;
  private final String name;

  private CountInto(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  public static <T> CountInto<T> counter(String namespace, String name) {
    return new CountInto<>(namespace, name);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    return input.apply(ParDo.of(new CountFn<T>(namespace, name))).setCoder(input.getCoder());
  }

  static final class CountFn<T> extends DoFn<T, T> {
    private final Counter counter;

    CountFn(String namespace, String name) {
      this.counter = Metrics.counter(namespace, name);
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {
      counter.inc();
      out.output(element);
    }
  }
}
