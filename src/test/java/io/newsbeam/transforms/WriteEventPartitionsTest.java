package io.newsbeam.transforms;

import static io.newsbeam.testing.TinyOutput.EVENT_A;
import static io.newsbeam.testing.TinyOutput.EVENT_B;
import static io.newsbeam.testing.TinyOutput.article;
import static org.junit.Assert.assertEquals;

import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.Reject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Each part of an event's articles and duplicates lands in an Avro file of its own partition; every file is named. */
public class WriteEventPartitionsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final TemporaryFolder dir = new TemporaryFolder();

  @Test
  public void eachEventPartHoldsItsRecordsInAFileOfItsPartition() throws IOException {
    Article d1 = article("d1", EVENT_A, "mirror.example", 1L);
    d1.setDuplicateOf("a1");
    List<EventPart> articleParts = new ArrayList<>();
    // event A in two parts of at most two records; event B in one
    articleParts.addAll(EventPart.split(EVENT_A, List.of(
        article("a3", EVENT_A, "news.example", 3L), article("a1", EVENT_A, "ledger.example", 1L),
        article("a2", EVENT_A, "daily.example", 2L)), 2));
    articleParts.addAll(EventPart.split(EVENT_B, List.of(article("b1", EVENT_B, "farm.example", null)), 2));
    PCollectionTuple tables = PCollectionTuple
        .of(ClusterQuotes.ARTICLE_PARTS, parts("Articles", articleParts))
        .and(ClusterQuotes.DUPLICATE_PARTS, parts("Duplicates", EventPart.split(EVENT_A, List.of(d1), 2)))
        .and(AssignEvents.EVENTS, p.apply("Events", Create.of(List.of(
            new Event(EVENT_A, "a", null, null, 3, "a1", List.of(), List.of("a1", "a2", "a3"), List.of(), null)))
            .withCoder(AvroCoder.of(Event.class))))
        .and(WriteEventPartitions.REJECTS, p.apply("Rejects", Create.empty(AvroCoder.of(Reject.class))));
    Path out = dir.getRoot().toPath();
    PCollection<String> written = tables.apply(WriteEventPartitions.to(out.toString()));
    String a0 = out + "/articles/event=" + EVENT_A + "/part-00000-of-00002.avro";
    String a1 = out + "/articles/event=" + EVENT_A + "/part-00001-of-00002.avro";
    String b = out + "/articles/event=" + EVENT_B + "/part-00000-of-00001.avro";
    String d = out + "/duplicates/event=" + EVENT_A + "/part-00000-of-00001.avro";
    PAssert.that(written).satisfies(names -> {
      List<String> all = new ArrayList<>();
      names.forEach(all::add);
      assertEquals(true, all.containsAll(List.of(a0, a1, b, d)));
      assertEquals(all.toString(), 6, all.size()); // and one file each of the events and (empty) rejects tables
      return null;
    });
    p.run().waitUntilFinish();

    assertEquals(List.of("a1", "a2"), ids(Path.of(a0)));
    assertEquals(List.of("a3"), ids(Path.of(a1)));
    assertEquals(List.of("b1"), ids(Path.of(b)));
    assertEquals(List.of("d1"), ids(Path.of(d)));
    try (Stream<Path> files = Files.walk(out.resolve("articles"))) {
      assertEquals(3, files.filter(Files::isRegularFile).count());
    }
  }

  private PCollection<EventPart> parts(String name, List<EventPart> parts) {
    return p.apply(name, Create.of(parts).withCoder(EventPart.Coder.of()));
  }

  private static List<String> ids(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    try (DataFileReader<Article> r = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(Article.class))) {
      r.forEach(x -> ids.add(x.getArticleId()));
    }
    return ids; // in file order
  }
}
