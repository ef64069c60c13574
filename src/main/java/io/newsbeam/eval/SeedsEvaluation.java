package io.newsbeam.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.boilerplate.SiteRepeats;
import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.input.InputFiles;
import io.newsbeam.schema.Article;
import io.newsbeam.text.TextNormalizer;
import io.newsbeam.transforms.ExtractContent;
import io.newsbeam.transforms.StripBoilerplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code pipelines/evaluate.sh seeds [--gold FILE] [--seeds DIR] [--input DIR] [--extractor K]}: runs the
 * pipeline's extraction and cleaning code ({@link DocumentExtractor#parse}, {@link ExtractContent#draft},
 * {@link StripBoilerplate#clean} with the cross-document step counted over every document of the input folder)
 * and scores the bodies and fields against the hand-made seed gold. Prints every miss.
 *
 * <p>Lines are compared whitespace-collapsed, as substrings of the whitespace-collapsed body (the segment
 * metric of the extraction evaluation): a body line is found when it lies in the body; a boilerplate line is
 * absent when it does not lie in the body outside the gold body lines (a short credit such as "Russian Ministry
 * of Foreign Affairs" may also be part of a real sentence).
 */
public final class SeedsEvaluation {
  private SeedsEvaluation() {}

  /** Figures and misses of one run. */
  public record Result(
      int boilerplateLines, int boilerplateAbsent, int bodyLines, int bodyPresent,
      int titles, int titlesExact, int authorDocs, int authorsRight, int datedDocs, int datesRight,
      int undatedDocs, int undatedLeftEmpty, List<String> misses) {

    public boolean perfect() {
      return boilerplateAbsent == boilerplateLines && bodyPresent == bodyLines && titlesExact == titles
          && authorsRight == authorDocs && datesRight == datedDocs;
    }

    public String summary() {
      StringBuilder s = new StringBuilder();
      s.append(String.format("boilerplate lines absent from bodies: %d/%d = %.3f%n", boilerplateAbsent,
          boilerplateLines, share(boilerplateAbsent, boilerplateLines)));
      s.append(String.format("body lines present in bodies:         %d/%d = %.3f%n", bodyPresent, bodyLines,
          share(bodyPresent, bodyLines)));
      s.append(String.format("titles exact:                         %d/%d%n", titlesExact, titles));
      s.append(String.format("authors right (exact list):           %d/%d%n", authorsRight, authorDocs));
      s.append(String.format("published dates right (labelled):     %d/%d%n", datesRight, datedDocs));
      s.append(String.format("no date where the gold has none:      %d/%d%n", undatedLeftEmpty, undatedDocs));
      s.append("misses: ").append(misses.isEmpty() ? "none" : misses.size()).append('\n');
      for (String m : misses) {
        s.append("  ").append(m).append('\n');
      }
      return s.toString();
    }

    private static double share(int a, int b) {
      return b == 0 ? 1.0 : (double) a / b;
    }
  }

  public static void main(String[] args) throws Exception {
    Path gold = Path.of("../shared/gold/seeds.json");
    Path seeds = null;
    Path input = Path.of("sample-input");
    ExtractorKind kind = ExtractorKind.parse("newsbeam");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--gold" -> { gold = Path.of(required(a, v)); i++; }
        case "--seeds" -> { seeds = Path.of(required(a, v)); i++; }
        case "--input" -> { input = Path.of(required(a, v)); i++; }
        case "--extractor" -> { kind = ExtractorKind.parse(required(a, v)); i++; }
        case "--help", "-h" -> { usage(); return; }
        default -> {
          System.err.println("seeds: unknown argument '" + a + "'");
          usage();
          System.exit(2);
        }
      }
    }
    if (seeds == null) {
      seeds = gold.toAbsolutePath().getParent().resolveSibling("seeds");
    }
    for (Path p : List.of(gold, seeds, input)) {
      if (!Files.exists(p)) {
        System.err.println("seeds: " + p + " does not exist (see --help for the defaults)");
        System.exit(2);
      }
    }
    Result r = evaluate(gold, seeds, input, kind);
    System.out.println("seeds: gold " + gold + ", input " + input + " (cross-document step over the whole folder)");
    System.out.print(r.summary());
    System.out.print(SeedEvents.evaluate(gold, cleanFolder(input, kind)).summary());
  }

  private static String required(String option, String value) {
    if (value == null) {
      System.err.println("seeds: " + option + " needs a value");
      System.exit(2);
    }
    return value;
  }

  private static void usage() {
    System.err.println("usage: pipelines/evaluate.sh seeds [--gold ../shared/gold/seeds.json] [--seeds DIR]"
        + " [--input sample-input] [--extractor newsbeam|boilerpipe|text]");
    System.err.println("  --seeds defaults to the seeds/ folder beside the gold file's folder; --input is the folder"
        + " the pipeline would read (every file of it is extracted, and the cross-document step counts over all).");
  }

  /** Runs extraction and cleaning over every document of {@code input} and scores the gold's documents. */
  public static Result evaluate(Path goldFile, Path seedsDir, Path inputDir, ExtractorKind kind) throws IOException {
    Map<String, Article> cleaned = cleanFolder(inputDir, kind);
    JsonNode gold = new ObjectMapper().readTree(goldFile.toFile());
    int bp = 0, bpAbsent = 0, body = 0, bodyPresent = 0, titles = 0, titlesExact = 0;
    int authorDocs = 0, authorsRight = 0, dated = 0, datesRight = 0, undated = 0, undatedEmpty = 0;
    List<String> misses = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = gold.get("documents").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> doc = it.next();
      String file = doc.getKey();
      JsonNode g = doc.getValue();
      List<String> lines = Files.readAllLines(seedsDir.resolve(file), StandardCharsets.UTF_8);
      Article a = cleaned.get(file);
      String text = a == null ? "" : TextNormalizer.collapseWhitespace(a.getBody());
      if (a == null) {
        misses.add(file + ": no article (rejected or not in the input folder)");
      }
      // A short boilerplate line may also occur inside a real paragraph ("Russian Ministry of Foreign Affairs"
      // under a photo and in "The Russian Ministry of Foreign Affairs issued a statement"): look for it in what
      // is left of the body once the gold body lines are taken out.
      String rest = text;
      for (JsonNode n : g.get("body_lines")) {
        String line = TextNormalizer.collapseWhitespace(lines.get(n.asInt() - 1));
        if (!line.isEmpty()) {
          rest = rest.replace(line, "\n");
        }
      }
      for (JsonNode n : g.get("boilerplate_lines")) {
        String line = TextNormalizer.collapseWhitespace(lines.get(n.asInt() - 1));
        if (line.isEmpty()) {
          continue;
        }
        bp++;
        if (!rest.contains(line)) {
          bpAbsent++;
        } else {
          misses.add(file + ":" + n.asInt() + " boilerplate kept: " + clip(line));
        }
      }
      for (JsonNode n : g.get("body_lines")) {
        String line = TextNormalizer.collapseWhitespace(lines.get(n.asInt() - 1));
        if (line.isEmpty()) {
          continue;
        }
        body++;
        if (text.contains(line)) {
          bodyPresent++;
        } else {
          misses.add(file + ":" + n.asInt() + " body line lost: " + clip(line));
        }
      }
      if (g.hasNonNull("title")) {
        titles++;
        String want = g.get("title").asText();
        String got = a == null ? null : a.getTitle();
        if (want.equals(got)) {
          titlesExact++;
        } else {
          misses.add(file + " title: want \"" + want + "\", got " + quoted(got));
        }
      }
      if (g.has("authors")) {
        authorDocs++;
        List<String> want = new ArrayList<>();
        g.get("authors").forEach(x -> want.add(x.asText()));
        List<String> got = a == null ? List.of() : a.getAuthors();
        if (want.equals(got)) {
          authorsRight++;
        } else {
          misses.add(file + " authors: want " + want + ", got " + got);
        }
      }
      Long got = a == null || a.getPublishedAt() == null ? null : a.getPublishedAt().toEpochMilli();
      if (g.hasNonNull("published")) {
        dated++;
        long want = OffsetDateTime.parse(g.get("published").asText()).toInstant().toEpochMilli();
        if (Objects.equals(want, got)) {
          datesRight++;
        } else {
          misses.add(file + " published: want " + g.get("published").asText() + ", got "
              + (got == null ? "none" : a.getPublishedAt()));
        }
      } else {
        undated++;
        if (got == null) {
          undatedEmpty++;
        } else {
          misses.add(file + " published: the gold has no date, got " + a.getPublishedAt());
        }
      }
    }
    return new Result(bp, bpAbsent, body, bodyPresent, titles, titlesExact, authorDocs, authorsRight, dated,
        datesRight, undated, undatedEmpty, misses);
  }

  /**
   * Extracts and cleans every document of a folder as the pipeline does, the cross-document step counted over
   * all of them; keyed by file name (documents inside archives by their entry name).
   */
  public static Map<String, Article> cleanFolder(Path inputDir, ExtractorKind kind) throws IOException {
    DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.DEFAULTS, kind);
    List<Article> drafts = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(inputDir)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().matches("(?i)README.*|.*\\.md"))
          .sorted()
          .toList();
    }
    for (Path file : files) {
      String uri = file.toAbsolutePath().toString();
      try (InputStream in = Files.newInputStream(file)) {
        for (InputFiles.Entry e : InputFiles.documents(uri, file.getFileName().toString(), in,
            ExtractionLimits.DEFAULTS.maxInputBytes())) {
          if (e.isRejected()) {
            continue;
          }
          try {
            DocumentExtractor.Parsed parsed = extractor.parse(e.sourceUri(), e.bytes());
            drafts.add(ExtractContent.draft(e.articleId(), e.sourceUri(), e.bytes().length, parsed));
          } catch (RejectedException rejected) {
            // a reject of the pipeline: no article for it (the gold's documents are reported missing)
          }
        }
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot read " + file, ex);
      }
    }
    List<Article> cleaned = StripBoilerplate.cleanAll(drafts, SiteRepeats.Threshold.defaults());
    Map<String, Article> out = new TreeMap<>();
    for (int i = 0; i < drafts.size(); i++) {
      if (cleaned.get(i) != null) {
        String uri = drafts.get(i).getSourceUri();
        out.put(uri.substring(uri.lastIndexOf('/') + 1), cleaned.get(i));
      }
    }
    return out;
  }

  private static String clip(String s) {
    return s.length() <= 110 ? s : s.substring(0, 107) + "...";
  }

  private static String quoted(String s) {
    return s == null ? "none" : "\"" + s + "\"";
  }
}
