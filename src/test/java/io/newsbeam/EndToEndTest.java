package io.newsbeam;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.events.EventNaming;
import io.newsbeam.output.AvroTables;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.Reject;
import io.newsbeam.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Runs {@code main} on sample-input with the DirectRunner and checks what lands on disk. */
public class EndToEndTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();

  private static Path out;
  private static List<Article> articles;
  private static List<Article> duplicates;
  private static List<Event> events;
  private static List<Reject> rejects;
  private static JsonNode manifest;

  @BeforeClass
  public static void runPipeline() throws Exception {
    out = tmp.getRoot().toPath().resolve("out");
    NewsbeamPipeline.main(new String[] {
        "--input=" + Paths.sampleInput() + "/*", "--output=" + out, "--runner=DirectRunner"});
    articles = AvroTables.read(out.resolve("articles"), Article.class);
    duplicates = AvroTables.read(out.resolve("duplicates"), Article.class);
    events = AvroTables.read(out.resolve("events"), Event.class);
    rejects = AvroTables.read(out.resolve("rejects"), Reject.class);
    manifest = new ObjectMapper().readTree(out.resolve("_MANIFEST.json").toFile());
  }

  private static long inputFiles() throws Exception {
    try (Stream<Path> s = Files.list(Paths.sampleInput())) {
      return s.filter(p -> !p.getFileName().toString().endsWith(".md")).count();
    }
  }

  private static String file(Article a) {
    return a.getSourceUri().substring(a.getSourceUri().lastIndexOf('/') + 1);
  }

  private static Article byFilePrefix(List<Article> list, String prefix) {
    return list.stream().filter(a -> file(a).startsWith(prefix)).findFirst().orElse(null);
  }

  @Test
  public void writesSuccessAndABalancedManifest() throws Exception {
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    assertTrue(manifest.get("balanced").asBoolean());
    assertEquals(inputFiles(), manifest.get("input_documents").asLong());
    JsonNode tables = manifest.get("tables");
    assertEquals(articles.size(), tables.get("articles").asLong());
    assertEquals(duplicates.size(), tables.get("duplicates").asLong());
    assertEquals(events.size(), tables.get("events").asLong());
    assertEquals(rejects.size(), tables.get("rejects").asLong());
    assertEquals(inputFiles(), articles.size() + duplicates.size() + rejects.size());
    assertThat(manifest.get("schema_fingerprints").get("Article").asText(), not(equalTo("")));
  }

  @Test
  public void everyInputIsExactlyOneRecord() throws Exception {
    List<String> uris = new ArrayList<>();
    articles.forEach(a -> uris.add(a.getSourceUri()));
    duplicates.forEach(a -> uris.add(a.getSourceUri()));
    rejects.forEach(r -> uris.add(r.getSourceUri()));
    assertEquals(inputFiles(), uris.size());
    assertEquals(uris.size(), uris.stream().distinct().count());
    assertThat(uris.stream().filter(u -> u.endsWith("README.md")).toList(), empty());
  }

  @Test
  public void partitionsArticlesByValidEventIds() throws Exception {
    for (Article a : articles) {
      assertTrue(a.getEventId(), EventNaming.isValid(a.getEventId()));
      Path partition = out.resolve("articles").resolve("event=" + a.getEventId());
      assertTrue("missing partition " + partition, Files.isDirectory(partition));
      assertNull(a.getDuplicateOf());
    }
    Map<String, Integer> perEvent = new HashMap<>();
    articles.forEach(a -> perEvent.merge(a.getEventId(), 1, Integer::sum));
    for (Event e : events) {
      assertEquals(e.getEventId(), (int) perEvent.getOrDefault(e.getEventId(), 0), e.getArticleCount());
    }
    assertEquals(perEvent.keySet().size(), events.size());
  }

  @Test
  public void theBrokenPdfIsARejectWithAReason() {
    assertThat(rejects, hasSize(1));
    assertThat(rejects.get(0).getSourceUri(), containsString("broken-truncated.pdf"));
    assertThat(rejects.get(0).getReason(), is("parse_error"));
    assertThat(rejects.get(0).getStage(), is("extract"));
  }

  @Test
  public void theGzipMirrorIsAnExactCopyOfSeed004() {
    Article seed = byFilePrefix(articles, "004_");
    Article mirror = byFilePrefix(articles, "mirror-of-004");
    Article canonical = seed != null ? seed : mirror;
    Article copy = byFilePrefix(duplicates, seed != null ? "mirror-of-004" : "004_");
    assertTrue("one of 004 and its mirror is canonical", canonical != null);
    assertTrue("the other is its duplicate", copy != null);
    assertEquals(canonical.getArticleId(), copy.getDuplicateOf());
    assertEquals("exact", copy.getDuplicateMethod());
    assertEquals(canonical.getEventId(), copy.getEventId());
    assertThat(canonical.getCopies(), hasSize(1));
    assertEquals(copy.getArticleId(), canonical.getCopies().get(0).getArticleId());
    assertTrue(Files.isDirectory(out.resolve("duplicates").resolve("event=" + copy.getEventId())));
  }

  @Test
  public void theHarborDailyPageIsANearCopyOfSeed002() {
    Article seed = byFilePrefix(articles, "002_");
    Article copy = byFilePrefix(duplicates, "harbordaily-blinken-wang-bali");
    assertTrue("seed 002 is canonical", seed != null);
    assertTrue("the syndicated page is its duplicate", copy != null);
    assertEquals(seed.getArticleId(), copy.getDuplicateOf());
    assertEquals("minhash", copy.getDuplicateMethod());
    assertTrue(copy.getDuplicateSimilarity() > 0.5 && copy.getDuplicateSimilarity() < 1.0);
    assertTrue(seed.getCopies().stream().anyMatch(c -> c.getArticleId().equals(copy.getArticleId())));
  }

  @Test
  public void noSeedIsADuplicateOfAnotherSeed() {
    for (Article d : duplicates) {
      if (file(d).matches("00[0-4]_.*")) {
        Article canonical = articles.stream().filter(a -> a.getArticleId().equals(d.getDuplicateOf())).findFirst().orElseThrow();
        assertThat(file(d) + " folded into " + file(canonical), file(canonical).matches("00[0-4]_.*"), is(false));
      }
    }
  }

  @Test
  public void recoversMetadataFromMetaTagsAndBylines() {
    Article html = byFilePrefix(articles, "riverside-bike-lanes");
    assertEquals("Riverside council approves protected bike lanes on Mill Street", html.getTitle());
    assertEquals(List.of("Maria Delgado"), html.getAuthors());
    assertEquals("The Riverside Ledger", html.getSite());
    assertEquals("2024-05-14T23:30:00Z", html.getPublishedAt().toString());
    assertEquals("en", html.getLanguage());
    assertThat(html.getBody(), not(containsString("Subscribe")));
    assertThat(html.getBody(), not(containsString("All rights reserved")));
    assertThat(html.getBody(), containsString("voted 5-2 on Tuesday night"));

    Article seed000 = byFilePrefix(articles, "000_");
    assertEquals(List.of("Patrick Goodenough"), seed000.getAuthors());
    assertEquals("2021-03-23T08:47:00Z", seed000.getPublishedAt().toString());
    assertThat(seed000.getBody(), not(containsString("Photo by")));
  }

  @Test
  public void readsPdfAndDocx() {
    Article pdf = byFilePrefix(articles, "bayport-flood-warning");
    assertEquals("application/pdf", pdf.getContentType());
    assertThat(pdf.getBody(), containsString("spring tides reached the highest level recorded"));
    Article docx = byFilePrefix(articles, "northwind-harvest");
    assertThat(docx.getContentType(), containsString("wordprocessingml"));
    assertEquals(List.of("Lena Fischer"), docx.getAuthors());
    assertThat(docx.getBody(), containsString("1.2 million tonnes"));
  }

  /** Events of the seeds as a clustering must equal the gold's (../shared/gold/seeds.json): {000,001,003,004} and {002}. */
  @Test
  public void seedsFormExactlyTheGoldEvents() throws Exception {
    JsonNode gold = new ObjectMapper().readTree(Paths.shared().resolve("gold/seeds.json").toFile()).get("documents");
    Map<String, String> predictedOfGold = new HashMap<>();
    Map<String, String> goldOfPredicted = new HashMap<>();
    int seen = 0;
    List<Article> all = new ArrayList<>(articles);
    all.addAll(duplicates); // a seed may be the copy of another input (004 and its gzip mirror)
    for (Article a : all) {
      JsonNode g = gold.get(file(a));
      if (g == null) {
        continue;
      }
      seen++;
      String goldEvent = g.get("event").asText();
      String prev = predictedOfGold.putIfAbsent(goldEvent, a.getEventId());
      assertEquals("gold event " + goldEvent + " split: " + file(a), prev == null ? a.getEventId() : prev, a.getEventId());
      String prevGold = goldOfPredicted.putIfAbsent(a.getEventId(), goldEvent);
      assertEquals("event " + a.getEventId() + " mixes gold events", prevGold == null ? goldEvent : prevGold, goldEvent);
    }
    assertEquals(gold.size(), seen);
    assertEquals(2, predictedOfGold.size());
  }
}
