package io.newsbeam.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.Reject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The run's {@code _MANIFEST.json} and {@code _SUCCESS} marker. The manifest holds the input count, the count
 * per table, whether they balance, the options, the pipeline version and the schema fingerprints.
 */
public final class Manifest {
  private Manifest() {}

  public static final String MANIFEST = "_MANIFEST.json";
  public static final String SUCCESS = "_SUCCESS";

  /** Version of the pipeline as packaged (jar manifest), or "dev" when running from classes. */
  public static String pipelineVersion() {
    String v = Manifest.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** documents = articles + duplicates + rejects. */
  public static boolean balanced(Map<String, Long> counts) {
    long in = counts.getOrDefault("documents", 0L);
    long out = counts.getOrDefault("articles", 0L) + counts.getOrDefault("duplicates", 0L)
        + counts.getOrDefault("rejects", 0L);
    return in == out;
  }

  public static Map<String, Object> build(Map<String, Long> counts, Map<String, String> options) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pipeline", "newsbeam");
    m.put("pipeline_version", pipelineVersion());
    m.put("input_documents", counts.getOrDefault("documents", 0L));
    Map<String, Long> tables = new LinkedHashMap<>();
    for (String t : new String[] {"articles", "duplicates", "events", "rejects", "quotes"}) {
      tables.put(t, counts.getOrDefault(t, 0L));
    }
    m.put("tables", tables);
    m.put("balanced", balanced(counts));
    m.put("balance_rule", "input_documents = articles + duplicates + rejects");
    m.put("options", new TreeMap<>(options));
    Map<String, String> schemas = new LinkedHashMap<>();
    schemas.put("Article", fingerprint(Article.getClassSchema()));
    schemas.put("Event", fingerprint(Event.getClassSchema()));
    schemas.put("Reject", fingerprint(Reject.getClassSchema()));
    schemas.put("QuoteCluster", fingerprint(io.newsbeam.schema.QuoteCluster.getClassSchema()));
    m.put("schema_fingerprints", schemas);
    return m;
  }

  /** Avro parsing fingerprint (CRC-64-AVRO of the canonical form), hex. */
  public static String fingerprint(Schema schema) {
    return String.format("%016x", SchemaNormalization.parsingFingerprint64(schema));
  }

  public static void write(String outputDir, Map<String, Object> manifest) throws IOException {
    byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
    writeFile(outputDir, MANIFEST, json);
  }

  public static void writeSuccess(String outputDir) throws IOException {
    writeFile(outputDir, SUCCESS, new byte[0]);
  }

  private static void writeFile(String dir, String name, byte[] bytes) throws IOException {
    ResourceId id = FileSystems.matchNewResource(dir, true).resolve(name, org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(id, MimeTypes.TEXT))) {
      out.write(bytes);
    }
  }
}
