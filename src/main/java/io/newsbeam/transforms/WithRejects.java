package io.newsbeam.transforms;

import io.newsbeam.schema.Reject;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/** Output of a step that can reject inputs: the good elements and the rejects, never dropped. */
public final class WithRejects<T> implements POutput {
  private final Pipeline pipeline;
  private final TupleTag<T> outputTag;
  private final PCollection<T> output;
  private final TupleTag<Reject> rejectsTag;
  private final PCollection<Reject> rejects;

  private WithRejects(PCollectionTuple tuple, TupleTag<T> outputTag, TupleTag<Reject> rejectsTag) {
    this.pipeline = tuple.getPipeline();
    this.outputTag = outputTag;
    this.output = tuple.get(outputTag);
    this.rejectsTag = rejectsTag;
    this.rejects = tuple.get(rejectsTag);
  }

  public static <T> WithRejects<T> of(PCollectionTuple tuple, TupleTag<T> outputTag, TupleTag<Reject> rejectsTag) {
    return new WithRejects<>(tuple, outputTag, rejectsTag);
  }

  public PCollection<T> output() {
    return output;
  }

  public PCollection<Reject> rejects() {
    return rejects;
  }

  /** Applies the next step to the good elements. */
  public <O extends POutput> O then(String name, PTransform<PCollection<T>, O> transform) {
    return output.apply(name, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(outputTag, output, rejectsTag, rejects);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, org.apache.beam.sdk.values.PInput input, PTransform<?, ?> transform) {}
}
