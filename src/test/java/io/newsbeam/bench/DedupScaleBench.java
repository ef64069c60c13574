package io.newsbeam.bench;

import io.newsbeam.dedup.LocalDedup;
import io.newsbeam.schema.Article;
import io.newsbeam.testing.Paths;
import io.newsbeam.testing.Syndication;
import io.newsbeam.testing.TestArticles;
import io.newsbeam.transforms.CollapseDuplicates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;

/**
 * Scaling benchmark of the dedup step: {@code pipelines/bench.sh dedup N [beam|library] [SEED]}.
 *
 * <p>Generates N documents deterministically from SEED: stories of 14 sentences drawn from the real
 * sentences of ../shared/dev-data/events_ecbplus (about a third of each sentence's words replaced at random, so
 * unrelated stories do not share whole sentences; {@code -Dnewsbeam.bench.reword=0} turns that off), each published 1-5 times as syndicated variants
 * ({@link Syndication}: new headline, edits, trims, chrome lines). Then times the dedup step alone:
 * {@code beam} runs CollapseDuplicates on the DirectRunner, {@code library} runs {@link LocalDedup}, the same libraries and
 * decisions in one thread (exact groups, features, MinHash, LSH buckets, verification, star contraction, folding). Prints seconds, the
 * process CPU seconds of the step (all threads, GC included: steadier than wall time on a shared machine), the
 * number of duplicates found and the pairwise precision/recall of the generated clusters.
 */
public final class DedupScaleBench {
  private DedupScaleBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: pipelines/bench.sh dedup N [beam|library] [SEED]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    String mode = args.length > 1 ? args[1] : "beam";
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    Map<String, String> story = new TreeMap<>();
    List<Article> docs = generate(n, seed, story);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Map<String, String> predicted = mode.equals("library") ? library(docs) : beam(docs);
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpuSecs = (os.getProcessCpuTime() - cpu0) / 1e9;
    long dups = predicted.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue())).count();
    List<String> gold = new ArrayList<>();
    List<String> pred = new ArrayList<>();
    for (Article a : docs) {
      gold.add(story.get(a.getArticleId()));
      pred.add(predicted.getOrDefault(a.getArticleId(), a.getArticleId()));
    }
    io.newsbeam.eval.ClusteringScores s = io.newsbeam.eval.ClusteringScores.of(gold, pred);
    System.out.printf(Locale.ROOT, "dedup mode=%s documents=%d stories=%d seconds=%.1f cpu_seconds=%.1f docs_per_s=%.0f duplicates=%d pairwise_precision=%.4f pairwise_recall=%.4f%n",
        mode, n, s.goldClusters(), secs, cpuSecs, n / secs, dups, s.precision(), s.recall());
  }

  static List<Article> generate(int n, long seed, Map<String, String> storyOf) throws IOException {
    List<String> pool = new ArrayList<>();
    try (Stream<Path> s = Files.list(Paths.shared().resolve("dev-data/events_ecbplus/txt"))) {
      for (Path p : s.sorted().toList()) {
        for (String line : Files.readAllLines(p)) {
          if (line.split(" ").length >= 8) {
            pool.add(line.strip());
          }
        }
      }
    }
    List<String> vocabulary = pool.stream().flatMap(l -> java.util.Arrays.stream(l.split(" "))).distinct().sorted().toList();
    Random r = new Random(seed);
    List<Article> docs = new ArrayList<>(n);
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    int storyNo = 0;
    while (docs.size() < n) {
      List<String> paragraphs = new ArrayList<>();
      List<String> sentences = new ArrayList<>();
      for (int i = 0; i < 14; i++) {
        sentences.add(reworded(pool.get(r.nextInt(pool.size())), vocabulary, r));
      }
      String[] titleWords = sentences.get(0).split(" ");
      paragraphs.add(String.join(" ", java.util.Arrays.copyOf(titleWords, Math.min(10, titleWords.length))));
      for (int i = 0; i < sentences.size(); i += 2) {
        paragraphs.add(sentences.get(i) + " " + sentences.get(i + 1));
      }
      int copies = 1 + r.nextInt(5);
      Instant published = t0.plusSeconds(storyNo * 600L);
      for (int c = 0; c < copies && docs.size() < n; c++) {
        String id = String.format("s%07d-%d", storyNo, c);
        List<String> text = c == 0 ? paragraphs : Syndication.paragraphs(Syndication.variant(paragraphs, r.nextLong(), 0.05));
        String title = c == 0 ? text.get(0) : text.get(1);
        String body = String.join("\n\n", text.subList(c == 0 ? 1 : 2, text.size()));
        docs.add(TestArticles.article(id, title, body, published.plusSeconds(c * 60L)));
        storyOf.put(id, "s" + storyNo);
      }
      storyNo++;
    }
    return docs;
  }

  /**
   * A pool sentence with about a third of its words replaced by random words of the pool, so each story has
   * its own wording. Without it a 100k corpus drew every pool sentence about 140 times into unrelated stories,
   * which real news does not do, and the benchmark measured that artefact (candidate pairs per document growing
   * with N) instead of the dedup step.
   */
  static String reworded(String sentence, List<String> vocabulary, Random r) {
    String[] words = sentence.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (r.nextDouble() < REWORDED_SHARE) {
        words[i] = vocabulary.get(r.nextInt(vocabulary.size()));
      }
    }
    return String.join(" ", words);
  }

  static final double REWORDED_SHARE = Double.parseDouble(System.getProperty("newsbeam.bench.reword", "0.35"));

  /** article_id → canonical id, from CollapseDuplicates on the DirectRunner. */
  static Map<String, String> beam(List<Article> docs) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    var out = p.apply(Create.of(docs).withCoder(AvroCoder.of(Article.class))).apply(CollapseDuplicates.create());
    Map<String, String> predicted = new java.util.concurrent.ConcurrentHashMap<>();
    out.get(CollapseDuplicates.DUPLICATES).apply(org.apache.beam.sdk.transforms.ParDo.of(new Collect()));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    predicted.putAll(Collect.SEEN);
    MetricQueryResults m = result.metrics().queryMetrics(
        MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace("newsbeam.dedup")).build());
    m.getCounters().forEach(c -> System.out.println("counter " + c.getName().getName() + "=" + c.getAttempted()));
    return predicted;
  }

  static final class Collect extends org.apache.beam.sdk.transforms.DoFn<Article, Void> {
    static final Map<String, String> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    @ProcessElement
    public void process(@Element Article a) {
      SEEN.put(a.getArticleId(), a.getDuplicateOf());
    }
  }

  /**
   * The same libraries and decisions in one thread without Beam ({@link LocalDedup}, which mirrors
   * CollapseDuplicates step for step): article_id → canonical id for every duplicate.
   */
  static Map<String, String> library(List<Article> docs) {
    LocalDedup.Result r = LocalDedup.run(docs);
    System.out.println("candidates=" + r.candidates() + " links=" + r.links().size());
    Map<String, String> predicted = new TreeMap<>(r.canonicalOf());
    predicted.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
    return predicted;
  }
}
