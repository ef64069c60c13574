package io.newsbeam.testing;

import io.newsbeam.output.Manifest;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.ArticleQuote;
import io.newsbeam.schema.CopyRef;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.Reject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * A small output folder written directly with Avro (no pipeline run): two events (3 articles + 1 article), one
 * cluster of 3 copies, quotes in one cluster, three rejects, and a balanced manifest.
 */
public final class TinyOutput {
  private TinyOutput() {}

  public static final String EVENT_A = "2024-05-14-council-bike-lanes-0000aaaa";
  public static final String EVENT_B = "undated-harvest-grain-0000bbbb";

  public static Article article(String id, String event, String site, Long publishedMillis) {
    return Article.newBuilder()
        .setArticleId(id).setSourceUri("file:///in/" + id + ".html").setContentType("text/html")
        .setTitle("Title " + id).setAuthors(List.of("A. Writer"))
        .setPublishedAt(publishedMillis == null ? null : Instant.ofEpochMilli(publishedMillis))
        .setSite(site).setBody("Body of " + id).setEventId(event).setContentHash("h" + id).setWordCount(3)
        .setSizeBytes(100).build();
  }

  public static Path write(Path out) throws IOException {
    long may14 = Instant.parse("2024-05-14T23:30:00Z").toEpochMilli();
    Article a1 = article("a1", EVENT_A, "ledger.example", may14);
    a1.setCopies(List.of(
        new CopyRef("d1", "file:///in/d1.txt", "mirror.example", "exact", 1.0),
        new CopyRef("d2", "file:///in/d2.txt", "wire.example", "minhash", 0.91)));
    a1.setQuotes(List.of(ArticleQuote.newBuilder().setText("We will build the lanes").setSpeaker("Mayor Ruiz").setQuoteClusterId("q1").build()));
    Article a2 = article("a2", EVENT_A, "daily.example", may14 + 3_600_000);
    a2.setQuotes(List.of(ArticleQuote.newBuilder().setText("We will build these lanes").setSpeaker("Mayor Ruiz").setQuoteClusterId("q1").build()));
    Article a3 = article("a3", EVENT_A, "herald.example", may14 + 7_200_000);
    Article b1 = article("b1", EVENT_B, "farm.example", null);
    Article d1 = article("d1", EVENT_A, "mirror.example", may14);
    d1.setDuplicateOf("a1");
    d1.setDuplicateMethod("exact");
    d1.setDuplicateSimilarity(1.0);
    Article d2 = article("d2", EVENT_A, "wire.example", may14);
    d2.setDuplicateOf("a1");
    d2.setDuplicateMethod("minhash");
    d2.setDuplicateSimilarity(0.91);

    write(out.resolve("articles/event=" + EVENT_A + "/part-0.avro"), Article.getClassSchema(), List.of(a1, a2, a3));
    write(out.resolve("articles/event=" + EVENT_B + "/part-0.avro"), Article.getClassSchema(), List.of(b1));
    write(out.resolve("duplicates/event=" + EVENT_A + "/part-0.avro"), Article.getClassSchema(), List.of(d1, d2));
    write(out.resolve("events/part-0.avro"), Event.getClassSchema(), List.of(
        new Event(EVENT_A, "council, bike, lanes", Instant.ofEpochMilli(may14), Instant.ofEpochMilli(may14 + 7_200_000),
            3, "a1", List.of("council", "bike"), List.of("a1", "a2", "a3"), List.of("Mill Street"), "Riverside"),
        new Event(EVENT_B, "harvest, grain", null, null, 1, "b1", List.of("harvest"), List.of("b1"), List.of(), null)));
    write(out.resolve("rejects/part-0.avro"), Reject.getClassSchema(), List.of(
        new Reject("file:///in/x.pdf", "extract", "parse_error", "truncated", 700L),
        new Reject("file:///in/y.pdf", "extract", "parse_error", "truncated", 700L),
        new Reject("file:///in/z.bin", "extract", "unsupported_type", "image/png", 10L)));
    Manifest.write(out.toString(), Manifest.build(
        Map.of("documents", 9L, "articles", 4L, "duplicates", 2L, "events", 2L, "rejects", 3L),
        Map.of("input", "/in/*", "runner", "DirectRunner")));
    return out;
  }

  private static <T extends SpecificRecord> void write(Path file, org.apache.avro.Schema schema, List<T> records)
      throws IOException {
    Files.createDirectories(file.getParent());
    try (DataFileWriter<T> w = new DataFileWriter<>(new SpecificDatumWriter<T>(schema))) {
      w.create(schema, file.toFile());
      for (T r : records) {
        w.append(r);
      }
    }
  }
}
