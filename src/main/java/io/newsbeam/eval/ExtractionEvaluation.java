package io.newsbeam.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsbeam.boilerplate.LineClassifier;
import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.schema.Article;
import io.newsbeam.text.Times;
import io.newsbeam.transforms.ExtractContent;
import io.newsbeam.transforms.StripBoilerplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code pipelines/evaluate.sh extraction --data DIR [--extractor newsbeam|boilerpipe|text] [--predictions OUT.jsonl]}:
 * runs the pipeline's extraction path (DocumentExtractor, the draft of ExtractContent, then
 * StripBoilerplate.clean) over a labelled folder ({@code labels.jsonl} with {@code with}/{@code without}
 * segments and optional {@code title}, {@code author}, {@code date}) and prints the segment metric plus
 * metadata accuracy. Without {@code --extractor} it runs newsbeam and boilerpipe side by side.
 */
public final class ExtractionEvaluation {
  private ExtractionEvaluation() {}

  /** Per-extractor figures. */
  public record Result(
      ExtractorKind kind, SegmentScores segments, int titles, int titlesRight, int authors, int authorsRight,
      int dates, int datesRight, int datesRightUtc, int failed, List<Map<String, Object>> predictions) {}

  public static void main(String[] args) throws IOException {
    Path data = null;
    List<ExtractorKind> kinds = new ArrayList<>();
    Path predictions = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.length ? args[i + 1] : null);
      boolean inline = a.contains("=");
      String name = inline ? a.substring(0, a.indexOf('=')) : a;
      switch (name) {
        case "--data" -> data = Path.of(require(name, value));
        case "--extractor" -> kinds.add(ExtractorKind.parse(require(name, value)));
        case "--predictions" -> predictions = Path.of(require(name, value));
        case "--help", "-h" -> {
          usage();
          return;
        }
        default -> fail("unknown option " + a);
      }
      if (!inline && !name.equals("--help")) {
        i++;
      }
    }
    if (data == null) {
      fail("--data DIR is required (a folder with labels.jsonl, e.g. ../shared/dev-data/extraction_html)");
    }
    Path labels = data.resolve("labels.jsonl");
    if (!Files.isRegularFile(labels)) {
      fail(labels + " does not exist: --data must name a folder holding labels.jsonl");
    }
    if (kinds.isEmpty()) {
      kinds = List.of(ExtractorKind.NEWSBEAM, ExtractorKind.BOILERPIPE);
    }
    List<JsonNode> rows = Jsonl.read(labels);
    System.out.printf(Locale.ROOT, "extraction on %s: %d pages%n", data, rows.size());
    System.out.printf(Locale.ROOT, "%-11s %6s %6s %6s %6s  %5s %5s %5s  %-14s %-14s %-14s %s%n",
        "extractor", "P", "R", "F1", "acc", "TP", "FP", "FN", "title", "author", "date", "date (UTC day)  failed");
    for (ExtractorKind kind : kinds) {
      Result r = run(data, rows, kind);
      System.out.printf(Locale.ROOT, "%-11s %6.3f %6.3f %6.3f %6.3f  %5d %5d %5d  %-14s %-14s %-14s %-15s %d%n",
          kind.name().toLowerCase(Locale.ROOT), r.segments().precision(), r.segments().recall(), r.segments().f1(),
          r.segments().accuracy(), r.segments().tp(), r.segments().fp(), r.segments().fn(),
          share(r.titlesRight(), r.titles()), share(r.authorsRight(), r.authors()), share(r.datesRight(), r.dates()),
          share(r.datesRightUtc(), r.dates()), r.failed());
      if (predictions != null) {
        Path out = kinds.size() == 1 || kind == kinds.get(0) ? predictions : sibling(predictions, kind);
        Jsonl.write(out, r.predictions());
        System.out.println("  predictions: " + out);
      }
    }
    System.out.println("(segment metric of ../shared/dev-data/README.md; title/author/date: share right among pages with that"
        + " label; date: the calendar date the page gives, in its own UTC offset; date (UTC day): published_at's UTC date)");
  }

  /** Runs one extractor over the labelled rows. */
  public static Result run(Path data, List<JsonNode> rows, ExtractorKind kind) throws IOException {
    DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.DEFAULTS, kind);
    LineClassifier classifier = new LineClassifier();
    SegmentScores scores = new SegmentScores();
    int titles = 0, titlesRight = 0, authors = 0, authorsRight = 0, dates = 0, datesRight = 0, datesRightUtc = 0;
    int failed = 0;
    List<Map<String, Object>> predictions = new ArrayList<>();
    for (JsonNode row : rows) {
      String file = row.get("file").asText();
      DocumentExtractor.Parsed[] parsed = new DocumentExtractor.Parsed[1];
      Article article = extract(extractor, classifier, data.resolve(file), file, parsed);
      String body = article == null ? null : article.getBody();
      if (article == null) {
        failed++;
      }
      scores.add(body, strings(row.get("with")), strings(row.get("without")));
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("file", file);
      p.put("text", body == null ? "" : body);
      if (article != null) {
        p.put("title", article.getTitle());
        p.put("authors", article.getAuthors().stream().map(CharSequence::toString).toList());
        p.put("published", article.getPublishedAt() == null ? null : Instant.ofEpochMilli(Times.millis(article.getPublishedAt())).toString());
      }
      predictions.add(p);
      String title = label(row, "title");
      if (title != null) {
        titles++;
        if (article != null && article.getTitle() != null && norm(article.getTitle()).equals(norm(title))) {
          titlesRight++;
        }
      }
      String author = label(row, "author");
      if (author != null) {
        authors++;
        if (article != null && sameAuthors(article.getAuthors(), author)) {
          authorsRight++;
        }
      }
      String date = label(row, "date");
      if (date != null) {
        dates++;
        String want = date.strip().substring(0, Math.min(10, date.strip().length()));
        String utc = article == null || article.getPublishedAt() == null ? null
            : Instant.ofEpochMilli(Times.millis(article.getPublishedAt())).atZone(ZoneOffset.UTC).toLocalDate().toString();
        // the label is the calendar date the page shows: compare the page's own date when newsbeam's HTML
        // extractor read one (offset kept), else the UTC date of published_at
        String local = parsed[0] != null && parsed[0].article() != null && parsed[0].article().publishedDate() != null
            && article != null && article.getPublishedAt() != null
            && java.util.Objects.equals(Times.millis(article.getPublishedAt()), parsed[0].article().publishedAt())
            ? parsed[0].article().publishedDate() : utc;
        p.put("date", local);
        if (want.equals(local)) {
          datesRight++;
        }
        if (want.equals(utc)) {
          datesRightUtc++;
        }
      }
    }
    return new Result(
        kind, scores, titles, titlesRight, authors, authorsRight, dates, datesRight, datesRightUtc, failed, predictions);
  }

  /** The pipeline's path for one file: parse, draft, clean. Null when the pipeline would reject it. */
  public static Article extract(
      DocumentExtractor extractor, LineClassifier classifier, Path path, String file, DocumentExtractor.Parsed[] parsedOut)
      throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    String uri = path.toAbsolutePath().toUri().toString();
    try {
      DocumentExtractor.Parsed parsed = extractor.parse(uri, bytes);
      parsedOut[0] = parsed;
      return StripBoilerplate.clean(ExtractContent.draft(file, uri, bytes.length, parsed), classifier);
    } catch (RejectedException e) {
      return null;
    }
  }

  static boolean sameAuthors(List<? extends CharSequence> predicted, String label) {
    Set<String> want = new LinkedHashSet<>();
    for (String a : label.split("\\s*[;,]\\s*")) {
      if (!a.isBlank()) {
        want.add(norm(a));
      }
    }
    Set<String> got = new LinkedHashSet<>();
    for (CharSequence a : predicted) {
      got.add(norm(a.toString()));
    }
    return want.equals(got);
  }

  private static String label(JsonNode row, String key) {
    JsonNode v = row.get(key);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  static String norm(String s) {
    return SegmentScores.collapse(s).toLowerCase(Locale.ROOT);
  }

  private static String share(int right, int all) {
    return all == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%d/%d)", (double) right / all, right, all);
  }

  private static Path sibling(Path predictions, ExtractorKind kind) {
    String name = predictions.getFileName().toString();
    String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    return predictions.resolveSibling(stem + "-" + kind.name().toLowerCase(Locale.ROOT) + ".jsonl");
  }

  private static String require(String option, String value) {
    if (value == null || value.isBlank()) {
      fail(option + " needs a value");
    }
    return value;
  }

  private static void usage() {
    System.out.println(
        "usage: pipelines/evaluate.sh extraction --data DIR [--extractor newsbeam|boilerpipe|text]... [--predictions OUT.jsonl]\n"
            + "  DIR holds labels.jsonl (file, with, without[, title, author, date]) and the pages it names.\n"
            + "  Without --extractor, newsbeam and boilerpipe run side by side; with several extractors the\n"
            + "  predictions of the second and later go to OUT-<extractor>.jsonl.");
  }

  private static void fail(String message) {
    System.err.println("evaluate extraction: " + message + " (see --help)");
    System.exit(2);
  }
}
