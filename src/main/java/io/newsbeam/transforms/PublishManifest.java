package io.newsbeam.transforms;

import io.newsbeam.output.Manifest;
import io.newsbeam.output.OutputFolder;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * After every table is written, counts the input documents and each table, writes {@code _MANIFEST.json},
 * and writes {@code _SUCCESS} last, only when inputs = articles + duplicates + rejects. An unbalanced run
 * fails instead.
 */
public final class PublishManifest extends PTransform<PCollection<String>, PDone> {
  private final String output;
  private final Map<String, String> options;
  private final Map<String, Counted<?>> counted = new TreeMap<>();
  private String staging;

  private PublishManifest(String output, Map<String, String> options) {
    this.output = output;
    this.options = new TreeMap<>(options);
  }

  public static PublishManifest to(String output, Map<String, String> options) {
    return new PublishManifest(output, options);
  }

  /** The tables were written under {@code staging}: move them into the output before the manifest. */
  public PublishManifest publishingFrom(String staging) {
    this.staging = staging;
    return this;
  }

  /** Adds a collection to count under {@code name} (several collections may share a name: they add up). */
  public <T> PublishManifest counting(String name, PCollection<T> collection) {
    return add(name, new Counted<T>(collection, x -> 1L));
  }

  /** Adds the records of a table written in {@link EventPart}s to count under {@code name}. */
  public PublishManifest countingRecordsOf(String name, PCollection<EventPart> parts) {
    return add(name, new Counted<EventPart>(parts, part -> (long) part.records().size()));
  }

  private PublishManifest add(String name, Counted<?> c) {
    String key = name;
    int i = 2;
    while (counted.containsKey(key)) {
      key = name + "#" + i++;
    }
    counted.put(key, c);
    return this;
  }

  /** A collection to count, and how many of the table's records each element stands for. */
  private record Counted<T>(PCollection<T> collection, SerializableFunction<T, Long> records) {
    /** The sum of the records, as (table, count); a key of {@code counted} names its table before any "#n". */
    PCollection<KV<String, Long>> count(String key) {
      String table = key.replaceFirst("#\\d+$", "");
      return collection
          .apply("Records " + key, MapElements.into(TypeDescriptors.longs()).via(records))
          .apply("Count " + key, Sum.longsGlobally())
          .apply("Name " + key,
              MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                  .via((Long n) -> KV.of(table, n)));
    }
  }

  @Override
  public PDone expand(PCollection<String> writtenFiles) {
    PCollectionList<KV<String, Long>> counts = PCollectionList.empty(writtenFiles.getPipeline());
    for (Map.Entry<String, Counted<?>> e : counted.entrySet()) {
      counts = counts.and(e.getValue().count(e.getKey()));
    }
    counts
        .apply("AllCounts", Flatten.pCollections())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("AfterWrites", Wait.on(writtenFiles))
        .apply("OneManifest", WithKeys.of("manifest"))
        .apply("GatherCounts", Grouping.byKey())
        .apply("WriteManifest", ParDo.of(new WriteManifestFn(output, staging, options)));
    return PDone.in(writtenFiles.getPipeline());
  }

  static final class WriteManifestFn extends DoFn<KV<String, Iterable<KV<String, Long>>>, Void> {
    private final String output;
    private final String staging;
    private final Map<String, String> options;

    WriteManifestFn(String output, String staging, Map<String, String> options) {
      this.output = output;
      this.staging = staging;
      this.options = options;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Long>>> all) throws Exception {
      Map<String, Long> counts = new HashMap<>();
      for (KV<String, Long> c : all.getValue()) {
        counts.merge(c.getKey(), c.getValue(), Long::sum);
      }
      if (staging != null) {
        OutputFolder.publish(staging, output);
      }
      Map<String, Object> manifest = Manifest.build(counts, options);
      Manifest.write(output, manifest);
      if (!Manifest.balanced(counts)) {
        throw new IllegalStateException(
            "output does not balance the input (" + counts + "): no _SUCCESS written; see " + output + "/_MANIFEST.json");
      }
      Manifest.writeSuccess(output);
    }
  }
}
