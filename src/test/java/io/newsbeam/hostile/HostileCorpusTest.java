package io.newsbeam.hostile;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.NewsbeamPipeline;
import io.newsbeam.output.AvroTables;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.Reject;
import io.newsbeam.testing.Paths;
import io.newsbeam.testing.SlowTests;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.rules.TemporaryFolder;

/**
 * Runs {@code main} on the hostile-input corpus ({@link HostileCorpus}) with default limits (the parse timeout
 * lowered to keep the test short) and checks: the run ends within a bound with {@code _SUCCESS}, every file
 * has its expected outcome, no external entity was resolved (no canary content anywhere, no connection to the
 * canary port), and the heap stayed within the JVM's limit. It also writes the outcome table of
 * docs/HOSTILE_INPUT.md and fails when the committed table differs (regenerate with -Dnewsbeam.writeDocs=true).
 */
@Category(SlowTests.class)
public class HostileCorpusTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();

  static final long MAX_INPUT_BYTES = 50L * 1024 * 1024;
  static final long RUN_BOUND_SECONDS = 900;
  static final int PARSE_TIMEOUT_SECONDS = 30;

  private static List<HostileCorpus.Case> cases;
  private static Path corpus;
  private static Path out;
  private static long runSeconds;
  private static final Map<String, String> outcomes = new TreeMap<>();
  private static final Map<String, String> messages = new TreeMap<>();
  private static final List<String> everyRecord = new ArrayList<>();
  private static JsonNode manifest;
  private static ServerSocket canaryServer;
  private static final AtomicInteger connections = new AtomicInteger();

  @BeforeClass
  public static void runOnTheCorpus() throws Exception {
    canaryServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!canaryServer.isClosed()) {
        try (Socket s = canaryServer.accept()) {
          connections.incrementAndGet();
          s.getOutputStream().write(("HTTP/1.0 200 OK\r\n\r\n" + HostileCorpus.CANARY).getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
          // closed
        }
      }
    }, "canary-server");
    acceptor.setDaemon(true);
    acceptor.start();

    corpus = tmp.getRoot().toPath().resolve("corpus");
    Path canary = tmp.getRoot().toPath().resolve("canary-secret.txt");
    cases = HostileCorpus.write(corpus, canary, canaryServer.getLocalPort(), MAX_INPUT_BYTES);
    out = tmp.getRoot().toPath().resolve("out");
    long start = System.nanoTime();
    NewsbeamPipeline.main(new String[] {
        "--input=" + corpus + "/*", "--output=" + out, "--runner=DirectRunner",
        "--maxInputBytes=" + MAX_INPUT_BYTES, "--parseTimeoutSeconds=" + PARSE_TIMEOUT_SECONDS});
    runSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

    String prefix = corpus.toString() + "/";
    for (Article a : AvroTables.read(out.resolve("articles"), Article.class)) {
      record(name(a.getSourceUri(), prefix), "article", a.getSourceUri());
      everyRecord.add(a.toString());
    }
    for (Article a : AvroTables.read(out.resolve("duplicates"), Article.class)) {
      record(name(a.getSourceUri(), prefix), "duplicate", a.getSourceUri());
      everyRecord.add(a.toString());
    }
    for (Reject r : AvroTables.read(out.resolve("rejects"), Reject.class)) {
      record(name(r.getSourceUri(), prefix), r.getReason(), r.getSourceUri());
      messages.put(name(r.getSourceUri(), prefix), r.getStage() + ": " + r.getMessage());
      everyRecord.add(r.toString());
    }
    for (Event e : AvroTables.read(out.resolve("events"), Event.class)) {
      everyRecord.add(e.toString());
    }
    manifest = new ObjectMapper().readTree(out.resolve("_MANIFEST.json").toFile());
  }

  @AfterClass
  public static void stopServer() throws Exception {
    canaryServer.close();
  }

  private static void record(String name, String outcome, String uri) {
    String previous = outcomes.put(name, outcome);
    if (previous != null) {
      outcomes.put(name, previous + "+" + outcome);
    }
  }

  private static String name(String uri, String prefix) {
    int at = uri.indexOf(prefix);
    return at >= 0 ? uri.substring(at + prefix.length()) : uri;
  }

  @Test
  public void finishesWithinTheBoundAndWritesSuccess() {
    assertThat(runSeconds, lessThan(RUN_BOUND_SECONDS));
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    assertTrue(manifest.get("balanced").asBoolean());
  }

  @Test
  public void atLeastFortyHostileFiles() {
    assertThat(39, lessThan(cases.size()));
  }

  @Test
  public void everyFileHasItsExpectedOutcome() {
    List<String> wrong = new ArrayList<>();
    for (HostileCorpus.Case c : cases) {
      String got = outcomes.getOrDefault(c.name(), HostileCorpus.NOT_LISTED);
      // Fine content may also be folded into a copy of the same text elsewhere in the corpus: a duplicate.
      boolean fineAndFolded = c.expected().equals("article") && got.equals("duplicate");
      if (!c.expected().equals(got) && !fineAndFolded) {
        wrong.add(c.name() + ": expected " + c.expected() + ", got " + got
            + (messages.containsKey(c.name()) ? " (" + messages.get(c.name()) + ")" : ""));
      }
    }
    assertEquals("outcomes differ:\n" + String.join("\n", wrong), List.of(), wrong);
    assertEquals("every output record is a corpus case",
        cases.stream().filter(c -> !c.expected().equals(HostileCorpus.NOT_LISTED)).map(HostileCorpus.Case::name)
            .sorted().toList(),
        List.copyOf(outcomes.keySet()));
  }

  @Test
  public void noExternalEntityIsResolved() throws Exception {
    for (String r : everyRecord) {
      assertFalse("canary content leaked into " + r, r.contains(HostileCorpus.CANARY));
    }
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertFalse("canary content in " + f, content.contains(HostileCorpus.CANARY));
      }
    }
    assertEquals("connections to the canary port", 0, connections.get());
  }

  @Test
  public void heapStaysWithinTheLimit() {
    // Peaks of the young pools happen at different times; the old generation's peak is what the run kept.
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null
          && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
        peak = Math.max(peak, pool.getPeakUsage().getUsed());
      }
    }
    long max = Runtime.getRuntime().maxMemory();
    assertTrue("no old-generation pool found", peak > 0);
    assertThat("old generation peak " + (peak >> 20) + " MiB of " + (max >> 20) + " MiB", peak, lessThan(max));
  }

  @Test
  public void theDocsTableIsCurrent() throws Exception {
    StringBuilder table = new StringBuilder();
    table.append("| file | what it is | outcome | reason code |\n|---|---|---|---|\n");
    for (HostileCorpus.Case c : cases) {
      String got = outcomes.getOrDefault(c.name(), HostileCorpus.NOT_LISTED);
      boolean reject = !got.equals("article") && !got.equals("duplicate") && !got.equals(HostileCorpus.NOT_LISTED);
      table.append("| `").append(c.name()).append("` | ").append(c.what()).append(" | ")
          .append(reject ? "reject" : got).append(" | ").append(reject ? "`" + got + "`" : "").append(" |\n");
    }
    String generated = table.toString();
    Path target = Paths.project().resolve("target/hostile-input-table.md");
    Files.createDirectories(target.getParent());
    Files.writeString(target, generated);
    Path doc = Paths.project().resolve("docs/HOSTILE_INPUT.md");
    String begin = "<!-- table: generated by HostileCorpusTest -->\n";
    String end = "<!-- end of table -->";
    String text = Files.readString(doc);
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    assertTrue("docs/HOSTILE_INPUT.md lacks the table markers", from >= 0 && to > from);
    String committed = text.substring(from + begin.length(), to);
    if (Boolean.getBoolean("newsbeam.writeDocs")) {
      Files.writeString(doc, text.substring(0, from + begin.length()) + generated + text.substring(to));
      committed = generated;
    }
    assertEquals("docs/HOSTILE_INPUT.md is out of date: rerun with -Dnewsbeam.writeDocs=true", generated, committed);
  }
}
