package io.newsbeam.extract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.newsbeam.errors.RejectReason;
import io.newsbeam.errors.RejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * A parser stuck in a tight loop that ignores interrupts (Tika's MockParser) is stopped by killing its child
 * JVM; the worker gets a parse_timeout reject and the next parse runs in a fresh child.
 */
public class ParseProcessPoolTest {
  private static final ParseProcessPool pool = new ParseProcessPool(1);
  private static final String HTML =
      "<html><head><title>Council votes</title></head><body><p>The council voted on Tuesday night to approve"
          + " the new budget after a long debate about schools and roads.</p></body></html>";

  @AfterClass
  public static void stop() {
    pool.close();
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = ParseProcessPoolTest.class.getResourceAsStream("/hostile/" + name)) {
      return in.readAllBytes();
    }
  }

  private static DocumentExtractor.Parsed parse(String name, byte[] bytes, long timeoutMillis)
      throws RejectedException {
    return pool.parse(ExtractorKind.TEXT, 100_000, timeoutMillis, "file:///in/" + name, bytes);
  }

  @Test
  public void aSpinningParserIsKilledAndTheNextParseWorks() throws Exception {
    long start = System.nanoTime();
    try {
      parse("parser-spins.xml", resource("parser-spins.xml"), 2_000);
      fail("the spinning parse must not return");
    } catch (RejectedException e) {
      assertEquals(RejectReason.PARSE_TIMEOUT, e.reason());
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(millis, lessThan(2_000 + ParseProcessPool.GRACE_MILLIS + 10_000));
    assertFalse(pool.killedProcesses().isEmpty());
    for (ProcessHandle killed : pool.killedProcesses()) {
      killed.onExit().get(10, TimeUnit.SECONDS);
      assertFalse("the spinning child JVM is gone", killed.isAlive());
    }
    DocumentExtractor.Parsed ok = parse("ok.html", HTML.getBytes(StandardCharsets.UTF_8), 30_000);
    assertThat(String.join(" ", ok.blocks().get(0)), containsString("council voted"));
  }

  @Test
  public void aParserThatExitsItsJvmIsAParseError() throws Exception {
    try {
      parse("parser-exits-jvm.xml", resource("parser-exits-jvm.xml"), 30_000);
      fail("must be rejected");
    } catch (RejectedException e) {
      assertEquals(RejectReason.PARSE_ERROR, e.reason());
      assertThat(e.getMessage(), containsString("parse process died"));
    }
    DocumentExtractor.Parsed ok = parse("ok.html", HTML.getBytes(StandardCharsets.UTF_8), 30_000);
    assertTrue(ok.html());
  }

  @Test
  public void rejectsDecidedInTheChildKeepTheirReason() throws Exception {
    try {
      pool.parse(ExtractorKind.TEXT, 10, 30_000, "file:///in/long.html", HTML.getBytes(StandardCharsets.UTF_8));
      fail("must be rejected");
    } catch (RejectedException e) {
      assertEquals(RejectReason.TEXT_TOO_LONG, e.reason());
    }
  }

  @Test
  public void metadataAndBlocksCrossTheProcessBoundary() throws Exception {
    DocumentExtractor inProcess = new DocumentExtractor(ExtractionLimits.DEFAULTS.inProcess(), ExtractorKind.TEXT);
    byte[] bytes = HTML.getBytes(StandardCharsets.UTF_8);
    DocumentExtractor.Parsed here = inProcess.parse("file:///in/a.html", bytes);
    DocumentExtractor.Parsed there = parse("a.html", bytes, 30_000);
    assertEquals(here.contentType(), there.contentType());
    assertEquals(here.blocks(), there.blocks());
    assertEquals(here.metadata().get("dc:title"), there.metadata().get("dc:title"));
    assertEquals("Council votes", there.metadata().get("dc:title"));
  }

  @Test
  public void aParseInFlightBesideACrashIsParsedAgainAloneAndKept() throws Exception {
    ParseProcessPool two = new ParseProcessPool(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<DocumentExtractor.Parsed> slow = threads.submit(() ->
          two.parse(ExtractorKind.TEXT, 100_000, 60_000, "file:///in/slow.xml", resource("parser-sleeps.xml")));
      while (two.started() == 0) {
        Thread.sleep(50);
      }
      Thread.sleep(1_000); // the slow parse is in the child now, sleeping for four seconds
      Future<DocumentExtractor.Parsed> crash = threads.submit(() ->
          two.parse(ExtractorKind.TEXT, 100_000, 60_000, "file:///in/exits.xml", resource("parser-exits-jvm.xml")));
      try {
        crash.get(120, TimeUnit.SECONDS);
        fail("must be rejected");
      } catch (ExecutionException e) {
        RejectedException r = (RejectedException) e.getCause();
        assertEquals(RejectReason.PARSE_ERROR, r.reason());
        assertThat(r.getMessage(), containsString("alone"));
      }
      DocumentExtractor.Parsed kept = slow.get(120, TimeUnit.SECONDS);
      assertThat(String.join(" ", kept.blocks().get(0)), containsString("takes its time"));
      assertThat("the slow parse ran again in a fresh child", two.started(), greaterThanOrEqualTo(2));
    } finally {
      threads.shutdownNow();
      two.close();
    }
  }

  @Test
  public void parsesInFlightTogetherAnswerEachTheirOwn() throws Exception {
    ParseProcessPool two = new ParseProcessPool(2);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<DocumentExtractor.Parsed>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String html = HTML.replace("Council votes", "Council votes " + i);
        answers.add(threads.submit(() ->
            two.parse(ExtractorKind.TEXT, 100_000, 30_000, "file:///in/p.html", html.getBytes(StandardCharsets.UTF_8))));
      }
      for (int i = 0; i < 40; i++) {
        assertEquals("Council votes " + i, answers.get(i).get(120, TimeUnit.SECONDS).metadata().get("dc:title"));
      }
      assertEquals("one child parses them all", 1, two.started());
    } finally {
      threads.shutdownNow();
      two.close();
    }
  }
}
