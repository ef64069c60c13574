package io.newsbeam;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.newsbeam.output.AvroTables;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.testing.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Runs {@code main} twice with the DirectRunner: first on the five seed texts, then with {@code --previousEvents}
 * on the same files plus new ones. Every article of the first run keeps its event id (event grouping runs both
 * stages again over the grown corpus, so ids must come from the previous events table, not from luck).
 */
public class PreviousEventsPipelineTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();

  private static final String BALI_FOLLOW_UP =
      "Blinken and Wang Yi hold talks in Bali after G20 meeting\n"
          + "US Secretary of State Antony Blinken and Chinese Foreign Minister Wang Yi met for five hours in Bali on "
          + "Saturday, a day after the G20 foreign ministers' meeting on the Indonesian island ended without a joint "
          + "statement on Russia's war in Ukraine.\n"
          + "Blinken told reporters in Bali that he had raised concerns about China's alignment with Russia, and "
          + "about Taiwan. Wang Yi said the two countries should keep exchanges normal.\n";

  private static final String HARVEST =
      "Northwind Grain Cooperative reports record barley harvest\n"
          + "The Northwind Grain Cooperative said on Thursday that its members brought in a record 1.4 million tonnes "
          + "of barley this season. Chairman Arne Holm said dry weather in August helped the harvest.\n";

  private static Map<String, String> eventOfArticle(Path out) {
    Map<String, String> m = new TreeMap<>();
    AvroTables.read(out.resolve("articles"), Article.class).forEach(a -> m.put(a.getArticleId(), a.getEventId()));
    return m;
  }

  @Test
  public void aSecondRunWithPreviousEventsKeepsEveryEarlierEventId() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    try (Stream<Path> s = Files.list(Paths.sampleInput())) {
      for (Path p : s.filter(p -> p.getFileName().toString().matches("00[0-4]_.*\\.txt")).toList()) {
        Files.copy(p, in.resolve(p.getFileName()));
      }
    }
    Path first = tmp.getRoot().toPath().resolve("first");
    NewsbeamPipeline.main(new String[] {"--input=" + in + "/*", "--output=" + first, "--runner=DirectRunner", "--parseIsolation=none"});
    Map<String, String> before = eventOfArticle(first);
    assertEquals(5, before.size());
    Set<String> earlierIds = new HashSet<>(before.values());
    assertEquals("the seeds hold two events", 2, earlierIds.size());

    Files.writeString(in.resolve("005_bali_follow_up.txt"), BALI_FOLLOW_UP, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("006_harvest.txt"), HARVEST, StandardCharsets.UTF_8);
    Path second = tmp.getRoot().toPath().resolve("second");
    NewsbeamPipeline.main(new String[] {
        "--input=" + in + "/*", "--output=" + second, "--runner=DirectRunner", "--parseIsolation=none",
        "--previousEvents=" + first.resolve("events")});
    Map<String, String> after = eventOfArticle(second);
    assertEquals(7, after.size());

    before.forEach((article, id) -> assertEquals("article " + article + " changed event", id, after.get(article)));
    String harvest = null;
    for (Article a : AvroTables.read(second.resolve("articles"), Article.class)) {
      if (a.getSourceUri().endsWith("006_harvest.txt")) {
        harvest = a.getEventId();
      }
    }
    assertNotNull(harvest);
    assertFalse("a new story gets a new id", earlierIds.contains(harvest));

    List<Event> events = AvroTables.read(second.resolve("events"), Event.class);
    Set<String> ids = new HashSet<>();
    for (Event e : events) {
      assertTrue("event ids are unique: " + e.getEventId(), ids.add(e.getEventId()));
    }
    assertTrue(ids.containsAll(earlierIds));
  }
}
