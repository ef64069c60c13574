package io.newsbeam.bench;

import io.newsbeam.boilerplate.CleanText;
import io.newsbeam.boilerplate.LineClassifier;
import io.newsbeam.boilerplate.SiteRepeats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Line classifier throughput in lines per second (one thread = one core with {@code pipelines/bench.sh jmh
 * LineClassifier}, which passes {@code -t 1}). The corpus is the five seed articles of sample-input, cut into
 * documents of exactly {@value #LINES_PER_DOC} non-empty lines and repeated to {@value #LINES} lines, so one
 * operation is one line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LineClassifierBenchmark {
  static final int LINES = 1200;
  static final int LINES_PER_DOC = 40;

  private final LineClassifier classifier = new LineClassifier();
  private final List<List<List<String>>> docs = new ArrayList<>();
  private final List<Set<String>> repeated = new ArrayList<>();

  @Setup
  public void load() throws IOException {
    Path dir = Path.of("sample-input");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("run from the project folder (sample-input/ not found)");
    }
    List<String> lines = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList()) {
        for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          if (!l.isBlank()) {
            lines.add(l);
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (int d = 0; d < LINES / LINES_PER_DOC; d++) {
      List<List<String>> blocks = new ArrayList<>();
      Set<String> keys = new java.util.HashSet<>();
      for (int i = 0; i < LINES_PER_DOC; i++) {
        String line = lines.get((d * LINES_PER_DOC + i) % lines.size());
        blocks.add(List.of(line));
        if (i % 10 == 9) {
          keys.add(SiteRepeats.lineKey(line)); // a few site-repeated lines, as the pipeline passes them
        }
      }
      docs.add(blocks);
      repeated.add(keys);
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public int classifyLines() {
    int kept = 0;
    for (int d = 0; d < docs.size(); d++) {
      CleanText c = classifier.classify(docs.get(d), null, repeated.get(d));
      kept += c.body().size();
    }
    return kept;
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public int lineKeys() {
    int n = 0;
    for (List<List<String>> doc : docs) {
      for (List<String> block : doc) {
        n += SiteRepeats.lineKey(block.get(0)).length();
      }
    }
    return n;
  }
}
