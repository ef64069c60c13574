package io.newsbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.testing.Paths;
import io.newsbeam.testing.TinyOutput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

/** Runs each subcommand in-process (picocli execute) and checks what it prints and writes. */
public class NewsbeamCliTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  private static Path out;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeClass
  public static void tinyOutput() throws Exception {
    out = TinyOutput.write(tmp.getRoot().toPath().resolve("out"));
  }

  record Result(int code, String out, String err) {
    List<JsonNode> jsonLines() throws Exception {
      List<JsonNode> rows = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          rows.add(JSON.readTree(line));
        }
      }
      return rows;
    }
  }

  static Result exec(String... args) {
    CommandLine cl = Newsbeam.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int code = cl.execute(args);
    return new Result(code, o.toString(), e.toString());
  }

  @Test
  public void helpListsEverySubcommandAndEachHasHelp() {
    Result r = exec("--help");
    assertEquals(0, r.code());
    for (String c : List.of("run", "extract", "inspect", "evaluate", "ddl", "report")) {
      assertThat(r.out(), containsString("  " + c + " "));
      Result sub = exec(c, "--help");
      assertEquals(c, 0, sub.code());
      assertThat(c, sub.out(), containsString("Usage: newsbeam " + c));
    }
  }

  @Test
  public void runHelpListsThePipelineOptions() {
    Result r = exec("run", "--help");
    assertThat(r.out(), containsString("--progress-seconds"));
    assertThat(r.out(), containsString("--eventSimilarity"));
    assertThat(r.out(), containsString("--maxInputBytes"));
  }

  @Test
  public void runWithoutOptionsSaysWhatIsMissing() {
    Result r = exec("run");
    assertEquals(2, r.code());
    assertThat(r.err(), containsString("--input=GLOB and --output=DIR"));
    Result bad = exec("run", "--input=" + tmp.getRoot() + "/nothing-here/*", "--output=" + tmp.getRoot() + "/x",
        "--eventSimilarity=7");
    assertEquals(2, bad.code());
    assertThat(bad.err(), containsString("--eventSimilarity must be in (0, 1]"));
  }

  @Test
  public void runWithAGlobThatMatchesNothingSaysSoBeforeStarting() throws Exception {
    Path empty = Files.createDirectories(tmp.getRoot().toPath().resolve("empty-input"));
    Result none = exec("run", "--input=" + empty + "/*.html", "--output=" + tmp.getRoot() + "/y");
    assertEquals(2, none.code());
    assertThat(none.err(), containsString("matches no files: check the path, and quote the glob"));
    assertThat(none.out(), not(containsString("newsbeam: running")));
    Files.writeString(empty.resolve("notes.md"), "# not news\n");
    Result excluded = exec("run", "--input=" + empty + "/*", "--output=" + tmp.getRoot() + "/y");
    assertEquals(2, excluded.code());
    assertThat(excluded.err(), containsString("matches 1 files and --excludePattern="));
    assertTrue("no output folder is made", !Files.exists(tmp.getRoot().toPath().resolve("y")));
  }

  @Test
  public void extractShowsMetadataBodyAndRemovedLinesWithLabels() throws Exception {
    Result r = exec("extract", Paths.sampleInput().resolve("riverside-bike-lanes.html").toString());
    assertEquals(r.err(), 0, r.code());
    List<JsonNode> docs = r.jsonLines();
    assertEquals(1, docs.size());
    JsonNode d = docs.get(0);
    assertEquals("article", d.get("outcome").asText());
    assertEquals("Riverside council approves protected bike lanes on Mill Street", d.get("metadata").get("title").asText());
    assertEquals("Maria Delgado", d.get("metadata").get("authors").get(0).asText());
    assertEquals("2024-05-14T23:30:00Z", d.get("metadata").get("published_at").asText());
    assertThat(d.get("body").asText(), containsString("voted 5-2 on Tuesday night"));
    assertThat(d.get("body").asText(), not(containsString("Subscribe")));
    // The HTML extractor drops the page's byline, caption and chrome before the line classifier sees the text.
    assertThat(d.get("body").asText(), not(containsString("By Maria Delgado")));
    assertThat(d.get("body").asText(), not(containsString("Photo by")));
  }

  @Test
  public void extractListsTheLinesTheClassifierRemovedWithTheirLabels() throws Exception {
    Path seed = Files.list(Paths.sampleInput()).filter(p -> p.getFileName().toString().startsWith("000_"))
        .findFirst().orElseThrow();
    Result r = exec("extract", seed.toString());
    assertEquals(r.err(), 0, r.code());
    JsonNode d = r.jsonLines().get(0);
    List<String> labels = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    d.get("removed").forEach(x -> {
      labels.add(x.get("label").asText());
      texts.add(x.get("text").asText());
    });
    assertThat(labels, everyItem(not(org.hamcrest.Matchers.equalTo("body"))));
    assertThat(labels, hasItem("byline"));
    assertThat(labels, hasItem("caption"));
    assertThat("the byline line is shown as removed", String.join("\n", texts), containsString("By Patrick Goodenough"));
    assertThat(d.get("body").asText(), not(containsString("By Patrick Goodenough")));
    assertEquals("Patrick Goodenough", d.get("metadata").get("authors").get(0).asText());
  }

  @Test
  public void extractOfABrokenFileIsARejectWithItsReason() throws Exception {
    Result r = exec("extract", Paths.sampleInput().resolve("broken-truncated.pdf").toString(),
        Paths.sampleInput().resolve("mirror-of-004.txt.gz").toString());
    assertEquals(0, r.code());
    List<JsonNode> docs = r.jsonLines();
    assertEquals(2, docs.size());
    assertEquals("reject", docs.get(0).get("outcome").asText());
    assertEquals("parse_error", docs.get(0).get("reject").get("reason").asText());
    assertEquals("gzip is decompressed as in the pipeline", "article", docs.get(1).get("outcome").asText());
  }

  @Test
  public void extractOfAMissingFileFailsClearly() {
    Result r = exec("extract", tmp.getRoot() + "/no-such-file.html");
    assertEquals(2, r.code());
    assertThat(r.err(), containsString("no-such-file.html is not a readable file"));
  }

  @Test
  public void inspectPrintsJsonLinesFilteredByEventAndTable() throws Exception {
    List<JsonNode> all = exec("inspect", out.toString()).jsonLines();
    assertEquals(4 + 2 + 2 + 3, all.size());
    List<JsonNode> a = exec("inspect", out.toString(), "--event", TinyOutput.EVENT_A, "--table", "articles").jsonLines();
    assertEquals(3, a.size());
    a.forEach(x -> assertEquals(TinyOutput.EVENT_A, x.get("event_id").asText()));
    assertEquals("articles", a.get(0).get("_table").asText());
    assertEquals("2024-05-14T23:30:00Z", a.get(0).get("published_at").asText());
    assertEquals("exact", a.get(0).get("copies").get(0).get("method").asText());
    List<JsonNode> events = exec("inspect", out.resolve("events").toString(), "-e", TinyOutput.EVENT_B).jsonLines();
    assertEquals(1, events.size());
    assertEquals(null, events.get(0).get("_table"));
    assertEquals(2, exec("inspect", out.toString(), "-t", "rejects", "-n", "2").jsonLines().size());
    Result bad = exec("inspect", out.toString(), "-t", "nope");
    assertEquals(2, bad.code());
    assertThat(bad.err(), containsString("unknown table nope"));
    Result empty = exec("inspect", tmp.getRoot() + "/empty");
    assertEquals(2, empty.code());
    assertThat(empty.err(), containsString("holds no .avro files"));
  }

  @Test
  public void ddlPrintsAndWritesEveryFormat() throws Exception {
    Result r = exec("ddl", "--location=gs://bkt/run1", "--schemas=" + Paths.project().resolve("schemas"));
    assertEquals(r.err(), 0, r.code());
    assertThat(r.out(), containsString("--hive_partitioning_source_uri_prefix='gs://bkt/run1/articles/{event:STRING}'"));
    assertThat(r.out(), containsString("CREATE EXTERNAL TABLE IF NOT EXISTS `newsbeam`.`articles`"));
    assertThat(r.out(), containsString("USING avro"));
    Path dir = tmp.getRoot().toPath().resolve("ddl");
    assertEquals(0, exec("ddl", "--write=" + dir, "--format=all").code());
    for (String t : List.of("articles", "duplicates", "events", "rejects")) {
      JsonNode schema = JSON.readTree(dir.resolve("bigquery/" + t + ".schema.json").toFile());
      assertTrue(t, schema.isArray() && schema.size() > 3);
    }
    assertThat(Files.readString(dir.resolve("bigquery/load.sh")), containsString("bq load"));
    assertThat(Files.readString(dir.resolve("hive/tables.hql")), containsString("STORED AS AVRO"));
    assertThat(Files.readString(dir.resolve("spark/tables.sql")), containsString("PARTITIONED BY (`event`)"));
    Result bad = exec("ddl", "--format=oracle");
    assertEquals(2, bad.code());
    assertThat(bad.err(), containsString("--format must be bigquery, hive, spark or all"));
  }

  @Test
  public void reportWritesHtmlAndTheManifestSection() throws Exception {
    Result r = exec("report", out.toString());
    assertEquals(r.err(), 0, r.code());
    String html = Files.readString(out.resolve("_REPORT.html"));
    assertThat(html, containsString("council, bike, lanes"));
    JsonNode manifest = JSON.readTree(out.resolve("_MANIFEST.json").toFile());
    assertEquals("the manifest's own fields are kept", 4, manifest.get("tables").get("articles").asInt());
    JsonNode report = manifest.get("report");
    assertEquals(3, report.get("duplicate_clusters").get("largest").get(0).get("size").asInt());
    assertEquals("parse_error", report.get("rejects_by_reason").get(0).get("reason").asText());
    Result missing = exec("report", tmp.getRoot() + "/nowhere");
    assertEquals(2, missing.code());
    assertThat(missing.err(), containsString("has no _MANIFEST.json"));
  }

  @Test
  public void evaluateListsKindsAndRejectsUnknownOnes() {
    assertThat(exec("evaluate", "--help").out(), containsString("Kinds: clustering"));
    Result r = exec("evaluate", "nope");
    assertEquals(2, r.code());
    assertThat(r.err(), containsString("unknown evaluation kind 'nope'"));
  }

  @Test
  public void evaluateDelegatesToTheKind() throws Exception {
    Path labels = tmp.newFile("labels.jsonl").toPath();
    Path pred = tmp.newFile("pred.jsonl").toPath();
    Files.writeString(labels, "{\"file\":\"a\",\"event_id\":\"x\"}\n{\"file\":\"b\",\"event_id\":\"x\"}\n");
    Files.writeString(pred, "{\"file\":\"a\",\"cluster\":\"1\"}\n{\"file\":\"b\",\"cluster\":\"1\"}\n");
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.out;
    System.setOut(new java.io.PrintStream(buf, true));
    try {
      assertEquals(0, exec("evaluate", "clustering", labels.toString(), pred.toString()).code());
    } finally {
      System.setOut(old);
    }
    assertThat(buf.toString(), containsString("1.0"));
  }

  @Test
  public void versionPrints() {
    assertThat(exec("--version").out(), containsString("newsbeam "));
    assertThat(List.of(exec("help").out().split("\n")), hasItem(containsString("Usage: newsbeam")));
  }
}
