package io.newsbeam.transforms;

import static org.junit.Assert.assertEquals;

import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.extract.ParseIsolation;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Reject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/**
 * Extraction in parse children keeps several parses in flight and outputs each outcome when it is ready: every
 * document still ends as exactly one draft or one reject, and the drafts are the ones parsing in this JVM gives,
 * also when a slow parse (four seconds) holds up the documents after it. The rejects are counted in the
 * metrics, though their parses ran on threads of the DoFn's own.
 */
public class ExtractContentTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final ExtractionLimits LIMITS =
      new ExtractionLimits(ExtractionLimits.DEFAULTS.maxInputBytes(), ExtractionLimits.DEFAULTS.maxTextChars(),
          60_000, ExtractionLimits.DEFAULTS.maxArchiveDepth(), ExtractionLimits.DEFAULTS.maxExpansionRatio(),
          ParseIsolation.PROCESS);

  private static List<RawDocument> documents() throws IOException {
    List<RawDocument> docs = new ArrayList<>();
    try (InputStream in = ExtractContentTest.class.getResourceAsStream("/hostile/parser-sleeps.xml")) {
      docs.add(new RawDocument("slow", "file:///in/slow.xml", in.readAllBytes()));
    }
    for (int i = 0; i < 30; i++) {
      String html = "<html><head><title>Council votes " + i + "</title></head><body><p>The council voted on"
          + " Tuesday night to approve budget number " + i + " after a long debate about schools and roads in"
          + " the north of the city.</p></body></html>";
      docs.add(new RawDocument(String.format("page-%02d", i), "file:///in/page-" + i + ".html",
          html.getBytes(StandardCharsets.UTF_8)));
    }
    for (int i = 0; i < 5; i++) {
      docs.add(new RawDocument("blank-" + i, "file:///in/blank-" + i + ".txt", " \n\t ".getBytes(StandardCharsets.UTF_8)));
    }
    return docs;
  }

  @Test
  public void everyDocumentEndsAsTheDraftOrRejectParsingInThisJvmGives() throws Exception {
    List<RawDocument> docs = documents();
    DocumentExtractor inThisJvm = new DocumentExtractor(LIMITS.inProcess(), ExtractorKind.TEXT);
    List<Article> drafts = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    for (RawDocument d : docs) {
      try {
        drafts.add(ExtractContent.draft(d.articleId(), d.sourceUri(), d.bytes().length,
            inThisJvm.parse(d.sourceUri(), d.bytes())));
      } catch (RejectedException e) {
        rejected.add(d.sourceUri() + " " + e.reason().code());
      }
    }
    assertEquals("the fixture: 31 drafts (the slow one among them), 5 blank files", 31, drafts.size());

    WithRejects<Article> out =
        p.apply(Create.of(docs).withCoder(RawDocument.Coder.of()))
            .apply(ExtractContent.with(LIMITS, ExtractorKind.TEXT));
    PAssert.that(out.output()).containsInAnyOrder(drafts);
    PAssert.that(out.rejects().apply(MapElements.into(TypeDescriptors.strings())
            .via((Reject r) -> r.getSourceUri() + " " + r.getReason())))
        .containsInAnyOrder(rejected);
    PipelineResult result = p.run();
    result.waitUntilFinish();

    Map<String, Long> expected = new TreeMap<>();
    for (String r : rejected) {
      expected.merge("rejects_" + r.substring(r.indexOf(' ') + 1), 1L, Long::sum);
    }
    Map<String, Long> counted = new TreeMap<>();
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.inNamespace("newsbeam.extract")).build()).getCounters()) {
      if (c.getName().getName().startsWith("rejects_")) {
        counted.merge(c.getName().getName(), c.getAttempted(), Long::sum);
      }
    }
    assertEquals(expected, counted);
  }
}
