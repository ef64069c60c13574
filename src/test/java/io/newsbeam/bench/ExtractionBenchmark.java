package io.newsbeam.bench;

import io.newsbeam.boilerplate.LineClassifier;
import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.schema.Article;
import io.newsbeam.testing.Paths;
import io.newsbeam.transforms.ExtractContent;
import io.newsbeam.transforms.StripBoilerplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HTML extraction throughput on the dev pages ({@code ../shared/dev-data/extraction_html/html}), one page per
 * operation, so ops/s is pages/s (per core with {@code -t 1}, as {@code pipelines/bench.sh jmh} runs):
 * newsbeam's extractor, the same followed by the line classifier (the pipeline's full cleaning path), and
 * Tika + boilerpipe's ArticleExtractor (the reference), all through {@link DocumentExtractor} parsing in this JVM.
 * Both sides pay the same per-page costs: one type detection, a fresh Metadata/ParseContext/handler, and the hand-off
 * to the parse thread (tens of microseconds against milliseconds of parsing); parsers, detectors and patterns are
 * built once per trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Warm-up of 25 s: on the shared 2-core machine the JIT needs 20-30 s to compile Tika, jsoup and the extractors
// (10 s measured the compiling, with errors larger than the scores)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ExtractionBenchmark {
  private List<byte[]> pages;
  private int next;
  private DocumentExtractor newsbeam;
  private DocumentExtractor boilerpipe;
  private final LineClassifier classifier = new LineClassifier();

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path dir = Paths.shared().resolve("dev-data/extraction_html/html");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(dir + " is missing: the benchmark needs ../shared/dev-data/extraction_html");
    }
    pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        pages.add(Files.readAllBytes(f));
      }
    }
    // in this JVM: the figure is the extractors' own cost per core, not the child-JVM round trip of the
    // pipeline's default --parseIsolation=process (a parse child under JMH's fork would also need its classpath)
    newsbeam = new DocumentExtractor(ExtractionLimits.DEFAULTS.inProcess(), ExtractorKind.NEWSBEAM);
    boilerpipe = new DocumentExtractor(ExtractionLimits.DEFAULTS.inProcess(), ExtractorKind.BOILERPIPE);
  }

  private byte[] page() {
    byte[] p = pages.get(next);
    next = (next + 1) % pages.size();
    return p;
  }

  @Benchmark
  public Object newsbeamExtract() {
    return parse(newsbeam, page());
  }

  @Benchmark
  public Object newsbeamExtractAndClassifyLines() {
    DocumentExtractor.Parsed parsed = parse(newsbeam, page());
    if (parsed == null) {
      return null;
    }
    Article draft = ExtractContent.draft("id", "file:///page.html", 0, parsed);
    return StripBoilerplate.clean(draft, classifier);
  }

  @Benchmark
  public Object tikaBoilerpipeArticleExtractor() {
    return parse(boilerpipe, page());
  }

  private static DocumentExtractor.Parsed parse(DocumentExtractor extractor, byte[] bytes) {
    try {
      return extractor.parse("file:///page.html", bytes);
    } catch (RejectedException e) {
      return null;
    }
  }
}
