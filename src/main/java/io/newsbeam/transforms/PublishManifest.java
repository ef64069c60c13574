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
  private final Map<String, PCollection<?>> counted = new TreeMap<>();
  private final Map<String, PCollection<EventPart>> countedParts = new TreeMap<>();
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
  public PublishManifest counting(String name, PCollection<?> collection) {
    counted.put(freshKey(name), collection);
    return this;
  }

  /** Adds the records of a table written in {@link EventPart}s to count under {@code name}. */
  public PublishManifest countingRecordsOf(String name, PCollection<EventPart> parts) {
    countedParts.put(freshKey(name), parts);
    return this;
  }

  private String freshKey(String name) {
    String key = name;
    int i = 2;
    while (counted.containsKey(key) || countedParts.containsKey(key)) {
      key = name + "#" + i++;
    }
    return key;
  }

  private static String tableOf(String key) {
    return key.replaceFirst("#\\d+$", "");
  }

  @Override
  public PDone expand(PCollection<String> writtenFiles) {
    PCollectionList<KV<String, Long>> counts = PCollectionList.empty(writtenFiles.getPipeline());
    for (Map.Entry<String, PCollection<?>> e : counted.entrySet()) {
      counts = counts.and(named(e.getKey(), e.getValue().apply("Count " + e.getKey(), Grouping.countGlobally())));
    }
    for (Map.Entry<String, PCollection<EventPart>> e : countedParts.entrySet()) {
      counts = counts.and(named(e.getKey(),
          e.getValue()
              .apply("Records " + e.getKey(),
                  MapElements.into(TypeDescriptors.longs()).via((EventPart part) -> (long) part.records().size()))
              .apply("Count " + e.getKey(), Sum.longsGlobally())));
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

  private static PCollection<KV<String, Long>> named(String key, PCollection<Long> count) {
    String table = tableOf(key);
    return count.apply("Name " + key,
        MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
            .via((Long n) -> KV.of(table, n)));
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
