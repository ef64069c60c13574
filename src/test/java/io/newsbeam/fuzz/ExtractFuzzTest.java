package io.newsbeam.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsbeam.boilerplate.LineClassifier;
import io.newsbeam.errors.RejectReason;
import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.extract.TikaMetadata;
import io.newsbeam.schema.Article;
import io.newsbeam.transforms.StripBoilerplate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes extraction and boilerplate removal on arbitrary bytes under arbitrary file names: {@link
 * DocumentExtractor#parse} must return or throw {@link RejectedException} (anything else escapes as a finding),
 * never time out (a parse_timeout on a small input is a finding: a parser loop), and {@link
 * StripBoilerplate#clean} must accept whatever extraction returns.
 *
 * <p>By default (`mvn verify`) this replays the committed inputs in
 * {@code src/test/resources/io/newsbeam/fuzz/ExtractFuzzTestInputs/extractAndClean/} (seeds and every past
 * finding). Fuzzing: {@code JAZZER_FUZZ=1 mvn -Pfuzz test} (30 s, see README for longer runs).
 */
class ExtractFuzzTest {
  private static final String[] NAMES = {"a.html", "a.txt", "a.pdf", "a.docx", "a.xml", "a.rtf", "a.eml", "a"};
  private static final long TIMEOUT_MILLIS = Long.getLong("newsbeam.fuzz.parseTimeoutMillis", 10_000);
  private static final DocumentExtractor NEWSBEAM =
      new DocumentExtractor(limits(), ExtractorKind.NEWSBEAM);
  private static final DocumentExtractor TEXT = new DocumentExtractor(limits(), ExtractorKind.TEXT);
  private static final LineClassifier CLASSIFIER = new LineClassifier();

  private static ExtractionLimits limits() {
    return ExtractionLimits.DEFAULTS.inProcess().withParseTimeoutMillis(TIMEOUT_MILLIS);
  }

  @FuzzTest(maxDuration = "30s")
  void extractAndClean(FuzzedDataProvider data) {
    String name = NAMES[data.consumeInt(0, NAMES.length - 1)];
    DocumentExtractor extractor = data.consumeBoolean() ? NEWSBEAM : TEXT;
    byte[] bytes = data.consumeRemainingAsBytes();
    DocumentExtractor.Parsed parsed;
    try {
      parsed = extractor.parse("file:///fuzz/" + name, bytes);
    } catch (RejectedException e) {
      assertNotNull(e.reason());
      assertNotEquals(RejectReason.PARSE_TIMEOUT, e.reason(), "a small input made the parser run past the timeout");
      return;
    }
    List<String> joined = new ArrayList<>();
    for (List<String> block : parsed.blocks()) {
      joined.add(String.join("\n", block));
    }
    Article draft = Article.newBuilder()
        .setArticleId("fuzz")
        .setSourceUri("file:///fuzz/" + name)
        .setContentType(parsed.contentType())
        .setTitle(TikaMetadata.title(parsed.metadata()))
        .setAuthors(TikaMetadata.authors(parsed.metadata()))
        .setBody(String.join("\n\n", joined))
        .setEventId("")
        .setContentHash("")
        .setSizeBytes(bytes.length)
        .build();
    StripBoilerplate.clean(draft, CLASSIFIER);
  }
}
