package io.newsbeam.bench;

import io.newsbeam.quotes.ExtractedQuote;
import io.newsbeam.quotes.MiniLmEmbedder;
import io.newsbeam.quotes.QuoteClusterer;
import io.newsbeam.quotes.QuoteExtractor;
import io.newsbeam.testing.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Quote extraction per article (the five seed articles, raw text), embedding of one quoted sentence with the
 * in-process MiniLM model, and clustering the seeds' statements as one block (extraction excluded).
 * Run: {@code pipelines/bench.sh jmh Quote}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class QuoteBenchmark {
  private final QuoteExtractor extractor = new QuoteExtractor();
  private List<String> articles;
  private List<QuoteClusterer.Mention> mentions;
  private List<String> sentences;
  private int next;

  @Setup
  public void setup() throws IOException {
    articles = new ArrayList<>();
    try (Stream<Path> s = Files.list(Paths.sampleInput())) {
      for (Path p : s.filter(p -> p.getFileName().toString().matches("00[0-4]_.*\\.txt")).sorted().toList()) {
        articles.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    mentions = new ArrayList<>();
    sentences = new ArrayList<>();
    for (int a = 0; a < articles.size(); a++) {
      List<ExtractedQuote> qs = extractor.extract(articles.get(a));
      for (int i = 0; i < qs.size(); i++) {
        mentions.add(new QuoteClusterer.Mention("a" + a, (long) a, i, qs.get(i).text(), qs.get(i).speaker()));
        sentences.add(qs.get(i).text());
      }
    }
    MiniLmEmbedder.shared().embed(List.of("warm up the model"));
  }

  /** Articles per second. */
  @Benchmark
  public int extractArticle() {
    String body = articles.get(next++ % articles.size());
    return extractor.extract(body).size();
  }

  /** Quoted sentences embedded per second (one call per sentence, sentences of the seeds in turn). */
  @Benchmark
  public float[] embedSentence() {
    return MiniLmEmbedder.shared().embed(List.of(sentences.get(next++ % sentences.size()))).get(0);
  }

  /** Blocks per second: every seed statement (about 100) embedded and compared within one block. */
  @Benchmark
  public int clusterSeedBlock() {
    return new QuoteClusterer(MiniLmEmbedder.shared()).cluster(mentions).size();
  }
}
