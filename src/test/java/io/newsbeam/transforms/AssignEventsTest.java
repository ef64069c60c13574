package io.newsbeam.transforms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.newsbeam.events.EventDoc;
import io.newsbeam.events.EventGrouping;
import io.newsbeam.events.EventParams;
import io.newsbeam.output.AvroTables;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.text.Times;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** AssignEvents on the DirectRunner: same events as the library, copies follow, ids kept with previous events. */
public class AssignEventsTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static long day(String iso) {
    return Instant.parse(iso + "T12:00:00Z").toEpochMilli();
  }

  static Article article(String id, Long published, String title, String body, String duplicateOf) {
    return Article.newBuilder()
        .setArticleId(id).setSourceUri("mem://" + id).setContentType("text/plain").setTitle(title)
        .setPublishedAt(Times.instant(published)).setBody(body).setEventId("").setDuplicateOf(duplicateOf)
        .setContentHash(id).build();
  }

  static final List<EventDoc> FIRST = List.of(
      new EventDoc("a-q1", day("2024-02-06"), "Earthquake of magnitude 6.1 strikes near Izmir",
          "A magnitude 6.1 earthquake struck near Izmir on Tuesday, the Turkish disaster agency AFAD said. "
              + "Buildings collapsed in the Bornova district of Izmir. Governor Yavuz Selim Kosger said 12 people were injured."),
      new EventDoc("a-q3", day("2024-02-09"), "Strong earthquake hits Sulawesi",
          "A strong earthquake of magnitude 5.4 hit Sulawesi in Indonesia on Friday, the BMKG agency said. "
              + "Houses were damaged in Mamuju. Dwikorita Karnawati of BMKG said there was no tsunami threat to Mamuju."),
      new EventDoc("a-b1", day("2024-05-14"), "Riverside council approves bike lanes on Mill Street",
          "The Riverside City Council voted 5-2 on Tuesday to build protected bike lanes on Mill Street. "
              + "Council member Denise Park said the Mill Street lanes would open in the autumn."));
  static final List<EventDoc> LATER = List.of(
      new EventDoc("b-q2", day("2024-02-07"), "Rescuers search rubble in Izmir after quake",
          "Rescue teams in Izmir pulled two survivors from a collapsed building in Bornova after Tuesday's 6.1 "
              + "magnitude earthquake, AFAD said. Yavuz Selim Kosger, the governor, said the number of injured rose to 15."),
      new EventDoc("b-q4", null, "Sulawesi quake damages homes in Mamuju",
          "Residents of Mamuju in Sulawesi slept outdoors after the 5.4 magnitude earthquake damaged homes. "
              + "BMKG head Dwikorita Karnawati warned of aftershocks around Mamuju and ruled out a tsunami."),
      new EventDoc("b-x1", day("2024-03-01"), "Northwind Grain Cooperative reports record exports",
          "Northwind Grain Cooperative said on Friday that exports reached 1.2 million tonnes, chairman Arne Holm said."));

  /** Runs AssignEvents on the docs (plus one copy of the first doc) and returns articles, copies and events. */
  private Path run(List<EventDoc> docs, String previousEvents) throws Exception {
    Path out = tmp.newFolder().toPath();
    List<Article> canonical = new ArrayList<>();
    for (EventDoc d : docs) {
      canonical.add(article(d.id(), d.publishedAt(), d.title(), d.body(), null));
    }
    List<Article> copies = List.of(article("z-copy", null, docs.get(0).title(), docs.get(0).body(), docs.get(0).id()));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollectionTuple in =
        PCollectionTuple.of(CollapseDuplicates.CANONICAL, p.apply("Canonical", Create.of(canonical).withCoder(AvroCoder.of(Article.class))))
            .and(CollapseDuplicates.DUPLICATES, p.apply("Copies", Create.of(copies).withCoder(AvroCoder.of(Article.class))));
    PCollectionTuple grouped = in.apply(AssignEvents.with(EventParams.defaults()).keepingIdsFrom(previousEvents));
    grouped.get(AssignEvents.ARTICLES).apply("WriteArticles", AvroIO.write(Article.class).to(out.resolve("articles/part").toString()).withSuffix(".avro"));
    grouped.get(AssignEvents.DUPLICATES).apply("WriteCopies", AvroIO.write(Article.class).to(out.resolve("duplicates/part").toString()).withSuffix(".avro"));
    grouped.get(AssignEvents.EVENTS).apply("WriteEvents", AvroIO.write(Event.class).to(out.resolve("events/part").toString()).withSuffix(".avro"));
    p.run().waitUntilFinish();
    return out;
  }

  private static Map<String, String> eventOfArticle(Path out) {
    Map<String, String> m = new TreeMap<>();
    AvroTables.read(out.resolve("articles"), Article.class).forEach(a -> m.put(a.getArticleId(), a.getEventId()));
    return m;
  }

  @Test
  public void groupsLikeTheLibraryCopiesFollowAndIdsSurviveANewRun() throws Exception {
    List<EventDoc> all = new ArrayList<>(FIRST);
    all.addAll(LATER);
    Path first = run(FIRST, null);
    Map<String, String> before = eventOfArticle(first);

    Collections.shuffle(all, new Random(7));
    Path second = run(all, first.resolve("events").toString());
    Map<String, String> after = eventOfArticle(second);

    // same partition of articles as the in-memory library
    TreeSet<List<String>> expected = new TreeSet<>(Comparator());
    expected.addAll(EventGrouping.group(all, EventParams.defaults()).values());
    Map<String, List<String>> byEvent = new TreeMap<>();
    after.forEach((a, e) -> byEvent.computeIfAbsent(e, k -> new ArrayList<>()).add(a));
    TreeSet<List<String>> actual = new TreeSet<>(Comparator());
    actual.addAll(byEvent.values());
    assertEquals(expected, actual);
    assertEquals("Izmir reports are one event", after.get("a-q1"), after.get("b-q2"));

    // every earlier id survives for its articles
    before.forEach((article, id) -> assertEquals(article, id, after.get(article)));

    // the copy follows its canonical; the events table lists every article once
    Article copy = AvroTables.read(second.resolve("duplicates"), Article.class).get(0);
    assertEquals(after.get(copy.getDuplicateOf()), copy.getEventId());
    List<Event> events = AvroTables.read(second.resolve("events"), Event.class);
    int members = 0;
    for (Event e : events) {
      members += e.getArticleCount();
      assertTrue(e.getArticleIds().contains(e.getRepresentativeArticleId()));
      assertTrue(e.getLabel(), !e.getLabel().isEmpty());
    }
    assertEquals(all.size(), members);
  }

  private static java.util.Comparator<List<String>> Comparator() {
    return java.util.Comparator.comparing(Object::toString);
  }
}
