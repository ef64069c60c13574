package io.newsbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.output.AvroTables;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.testing.Paths;
import io.newsbeam.testing.WarehouseTests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import picocli.CommandLine;

/**
 * Runs {@code newsbeam run} on sample-input, then reads the output with Apache Spark (local mode, spark-avro, in
 * its own JVM on its own classpath: target/spark-classpath.txt, resolved by the {@code warehouse} profile) both by
 * path with partition discovery and through the generated Spark DDL, and opens _REPORT.html in headless
 * Chromium. Leaves target/warehouse-it/ (output, DDL, Spark log) and target/report-screenshot.png behind.
 */
@Category(WarehouseTests.class)
public class WarehouseReadBackTest {
  private static final Path WORK = Paths.project().resolve("target/warehouse-it");
  private static final Path OUT = WORK.resolve("out");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String runOutput;
  private static JsonNode manifest;

  /** Spark 3.5 on Java 17 needs these opens (as Spark's own launcher adds them). */
  private static final List<String> SPARK_JVM_FLAGS = List.of(
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false");

  @BeforeClass
  public static void runPipeline() throws Exception {
    Files.createDirectories(WORK);
    CommandLine cl = Newsbeam.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("run", "--input=" + Paths.sampleInput() + "/*", "--output=" + OUT, "--overwrite=true",
        "--progress-seconds=1");
    runOutput = out.toString();
    assertEquals(err.toString(), 0, code);
    manifest = JSON.readTree(OUT.resolve("_MANIFEST.json").toFile());
  }

  @Test
  public void runPrintsProgressAndWritesTheReport() {
    assertThat(runOutput, containsString("newsbeam: running on DirectRunner"));
    assertThat(runOutput, containsString("newsbeam: files 11/11 (100%)"));
    assertThat(runOutput, containsString("files/s"));
    assertThat(runOutput, containsString("newsbeam: done in"));
    assertTrue(Files.exists(OUT.resolve("_REPORT.html")));
    assertTrue(Files.exists(OUT.resolve("_SUCCESS")));
    JsonNode report = manifest.get("report");
    assertEquals(manifest.get("tables").get("articles").asInt(), report.get("totals").get("articles").asInt());
    assertTrue("stage timings recorded", report.get("stage_timings").get("stages").size() >= 3);
    assertTrue(report.get("stage_timings").get("wall_millis").asLong() > 0);
  }

  @Test
  public void sparkReadsTheOutputAsIntended() throws Exception {
    Path cp = Paths.project().resolve("target/spark-classpath.txt");
    assertTrue("missing " + cp + ": run with the profile, mvn -Pwarehouse verify", Files.exists(cp));
    assertEquals(0, Newsbeam.commandLine().execute("ddl", "--format=spark", "--location=" + OUT, "--write=" + WORK.resolve("ddl")));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.addAll(SPARK_JVM_FLAGS);
    cmd.addAll(List.of("-cp", Files.readString(cp).trim(),
        Paths.project().resolve("src/test/spark/SparkReadBack.java").toString(),
        OUT.toString(), WORK.resolve("ddl/spark/tables.sql").toString()));
    Path log = WORK.resolve("spark.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(log.toFile()).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue("Spark timed out; see " + log, p.waitFor(15, TimeUnit.MINUTES));
    assertEquals("Spark failed; see " + log + "\n" + stdout, 0, p.exitValue());

    Map<String, JsonNode> seen = new TreeMap<>();
    for (String line : stdout.split("\n")) {
      if (line.startsWith("{")) {
        JsonNode n = JSON.readTree(line);
        seen.put(n.get("mode").asText() + "/" + n.get("table").asText(), n);
      }
    }
    assertEquals(seen.keySet().toString(), 8, seen.size());

    List<Article> articles = AvroTables.read(OUT.resolve("articles"), Article.class);
    List<Event> events = AvroTables.read(OUT.resolve("events"), Event.class);
    Map<String, String> articleTimes = new TreeMap<>();
    articles.forEach(a -> articleTimes.put(a.getArticleId(), a.getPublishedAt() == null ? null : a.getPublishedAt().toString()));
    Map<String, String> eventTimes = new TreeMap<>();
    events.forEach(e -> eventTimes.put(e.getEventId(), e.getFirstPublished() == null ? null : e.getFirstPublished().toString()));
    long partitions = articles.stream().map(Article::getEventId).distinct().count();

    for (String mode : List.of("path", "ddl")) {
      for (String table : List.of("articles", "duplicates", "events", "rejects")) {
        JsonNode t = seen.get(mode + "/" + table);
        assertEquals(mode + "/" + table + " rows = manifest", manifest.get("tables").get(table).asLong(), t.get("rows").asLong());
      }
      JsonNode a = seen.get(mode + "/articles");
      JsonNode cols = a.get("columns");
      assertEquals("timestamp", cols.get("published_at").asText());
      assertEquals("partition discovery makes event=… a column", "string", cols.get("event").asText());
      assertEquals("array<string>", cols.get("authors").asText());
      assertThat(cols.get("copies").asText(), containsString("array<struct<article_id:string"));
      assertEquals(partitions, a.get("partitions").asLong());
      assertEquals(0, a.get("event_differs_from_event_id").asLong());
      assertEquals(articleTimes, JSON.convertValue(a.get("timestamps"), TreeMap.class));
      assertEquals(0, seen.get(mode + "/duplicates").get("event_differs_from_event_id").asLong());
      JsonNode e = seen.get(mode + "/events");
      assertEquals("timestamp", e.get("columns").get("first_published").asText());
      assertEquals("timestamp", e.get("columns").get("last_published").asText());
      assertEquals(eventTimes, JSON.convertValue(e.get("timestamps"), TreeMap.class));
    }
    long inputs = manifest.get("input_documents").asLong();
    assertEquals(inputs, seen.get("path/articles").get("rows").asLong() + seen.get("path/duplicates").get("rows").asLong()
        + seen.get("path/rejects").get("rows").asLong());
  }

  @Test
  public void reportRendersInHeadlessChromium() throws Exception {
    Path shot = Paths.project().resolve("target/report-screenshot.png");
    Files.deleteIfExists(shot);
    Process p = new ProcessBuilder("bash", Paths.project().resolve("src/test/browser/check-report.sh").toString(),
        OUT.resolve("_REPORT.html").toString(), shot.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue("chromium timed out", p.waitFor(10, TimeUnit.MINUTES));
    assertEquals(out, 0, p.exitValue());
    assertThat(out, containsString("rendered=ok"));
    java.util.regex.Matcher charts = java.util.regex.Pattern.compile("charts=(\\d+)").matcher(out);
    assertTrue(out, charts.find());
    assertTrue("events by size and date, duplicates, rejects, stages and the sources table drawn: " + out,
        Integer.parseInt(charts.group(1)) >= 6);
    assertTrue("screenshot saved", Files.size(shot) > 20_000);
  }
}
