package io.newsbeam.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.NewsbeamPipeline;
import io.newsbeam.options.NewsbeamOptions;
import io.newsbeam.output.AvroTables;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.ArticleQuote;
import io.newsbeam.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The seed quote figures: {@code pipelines/evaluate.sh quotes [--gold ../shared/gold/seeds.json] [--input
 * sample-input]}. Runs the whole pipeline (DirectRunner) on the input folder into a temporary folder, then, for
 * each gold quote cluster, checks that every member (doc + snippet) lies inside one of that document's quotes and
 * that they share one quote_cluster_id; scores the snippets as a clustering; checks that the not_same_statement
 * pairs are apart; and checks that no seed document became a duplicate of another seed document.
 */
public final class QuoteFigures {
  private QuoteFigures() {}

  /** What the pipeline did with one gold snippet. */
  public record Member(String doc, String snippet, String clusterId, String speaker) {
    boolean found() {
      return clusterId != null;
    }
  }

  /** One gold cluster and its members' predictions. */
  public record GoldCluster(String id, String speaker, List<Member> members) {
    boolean allFound() {
      return members.stream().allMatch(Member::found);
    }

    boolean together() {
      return allFound() && members.stream().map(Member::clusterId).distinct().count() == 1;
    }
  }

  /** A not_same_statement pair. */
  public record Negative(String why, Member a, Member b) {
    boolean apart() {
      return a.clusterId == null || b.clusterId == null || !a.clusterId.equals(b.clusterId);
    }
  }

  /** All figures. */
  public record Figures(List<GoldCluster> clusters, ClusteringScores snippets, List<Negative> negatives,
      List<String> collapsedSeeds) {
    public long clustersFound() {
      return clusters.stream().filter(GoldCluster::together).count();
    }

    public long negativesApart() {
      return negatives.stream().filter(Negative::apart).count();
    }
  }

  public static void main(String[] args) throws Exception {
    Path gold = Path.of("../shared/gold/seeds.json");
    Path input = Path.of("sample-input");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--gold" -> gold = Path.of(value(args, ++i));
        case "--input" -> input = Path.of(value(args, ++i));
        case "--help" -> {
          System.out.println("usage: pipelines/evaluate.sh quotes [--gold ../shared/gold/seeds.json] [--input sample-input]");
          return;
        }
        default -> fail("unknown argument " + args[i]);
      }
    }
    if (!Files.isRegularFile(gold)) {
      fail("no gold file at " + gold.toAbsolutePath() + ": pass --gold PATH to seeds.json");
    }
    if (!Files.isDirectory(input)) {
      fail("no input folder at " + input.toAbsolutePath() + ": pass --input DIR (the seed articles)");
    }
    Path out = Files.createTempDirectory("newsbeam-quotes-eval");
    try {
      List<Article> records = runPipeline(input, out);
      print(figures(new ObjectMapper().readTree(gold.toFile()), records));
    } finally {
      deleteTree(out);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      fail(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void fail(String message) {
    System.err.println("evaluate quotes: " + message);
    System.exit(2);
  }

  /** Runs the pipeline on {@code input} and returns its articles and duplicates. */
  public static List<Article> runPipeline(Path input, Path out) {
    NewsbeamOptions options = PipelineOptionsFactory.fromArgs(
        "--input=" + input.toAbsolutePath() + "/*", "--output=" + out.resolve("run"), "--runner=DirectRunner")
        .withValidation().as(NewsbeamOptions.class);
    PipelineResult.State state = NewsbeamPipeline.run(options).waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("pipeline ended " + state);
    }
    List<Article> records = new ArrayList<>(AvroTables.read(out.resolve("run/articles"), Article.class));
    records.addAll(AvroTables.read(out.resolve("run/duplicates"), Article.class));
    return records;
  }

  /** Scores the pipeline's articles and duplicates against the seeds gold. */
  public static Figures figures(JsonNode gold, List<Article> records) {
    List<GoldCluster> clusters = new ArrayList<>();
    List<String> goldLabels = new ArrayList<>();
    List<String> predLabels = new ArrayList<>();
    for (JsonNode c : gold.get("quote_clusters")) {
      List<Member> members = new ArrayList<>();
      for (JsonNode m : c.get("members")) {
        Member member = locate(records, m.get("doc").asText(), m.get("snippet").asText());
        members.add(member);
        goldLabels.add(c.get("id").asText());
        predLabels.add(member.found() ? member.clusterId() : "missing:" + c.get("id").asText() + ":" + members.size());
      }
      clusters.add(new GoldCluster(c.get("id").asText(), c.get("speaker").asText(), members));
    }
    List<Negative> negatives = new ArrayList<>();
    for (JsonNode n : gold.get("not_same_statement")) {
      negatives.add(new Negative(n.get("why").asText(),
          locate(records, n.get("a").get("doc").asText(), n.get("a").get("snippet").asText()),
          locate(records, n.get("b").get("doc").asText(), n.get("b").get("snippet").asText())));
    }
    List<String> seeds = new ArrayList<>();
    gold.get("documents").fieldNames().forEachRemaining(seeds::add);
    List<String> collapsed = new ArrayList<>();
    for (Article d : records) {
      if (d.getDuplicateOf() == null || !seeds.contains(file(d))) {
        continue;
      }
      records.stream().filter(a -> a.getArticleId().equals(d.getDuplicateOf())).map(QuoteFigures::file)
          .filter(seeds::contains).forEach(canonical -> collapsed.add(file(d) + " → " + canonical));
    }
    return new Figures(clusters, ClusteringScores.of(goldLabels, predLabels), negatives, collapsed);
  }

  /** The quote of {@code doc} (canonical or duplicate record) whose text contains the snippet. */
  static Member locate(List<Article> records, String doc, String snippet) {
    String needle = TextNormalizer.normalize(snippet);
    List<Article> candidates = records.stream().filter(a -> file(a).equals(doc))
        .sorted(Comparator.comparing(Article::getArticleId)).toList();
    for (Article a : candidates) {
      for (ArticleQuote q : a.getQuotes()) {
        if (TextNormalizer.normalize(q.getText()).contains(needle)) {
          return new Member(doc, snippet, q.getQuoteClusterId(), q.getSpeaker());
        }
      }
    }
    return new Member(doc, snippet, null, null);
  }

  private static String file(Article a) {
    String uri = a.getSourceUri();
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  static void print(Figures f) {
    System.out.println("quote clusters (all members found inside a quote and in one quote cluster):");
    for (GoldCluster c : f.clusters()) {
      long found = c.members().stream().filter(Member::found).count();
      System.out.printf(Locale.ROOT, "  %-4s %-36s found %d/%d  together %s%n", c.id(), c.speaker(), found,
          c.members().size(), c.together() ? "yes" : "NO");
      for (Member m : c.members()) {
        System.out.printf(Locale.ROOT, "         %-26s %-19s %-28s \"%s\"%n", m.doc(),
            m.found() ? m.clusterId() : "(not in a quote)", m.speaker() == null ? "-" : m.speaker(), m.snippet());
      }
    }
    System.out.printf(Locale.ROOT, "quote_clusters_found=%d/%d%n", f.clustersFound(), f.clusters().size());
    System.out.println("snippet clustering: " + f.snippets().summary());
    for (Negative n : f.negatives()) {
      System.out.printf(Locale.ROOT, "not_same_statement %s: %s vs %s → %s (%s)%n", n.apart() ? "apart" : "MERGED",
          n.a().clusterId(), n.b().clusterId(), n.apart() ? "ok" : "wrong", n.why());
    }
    System.out.printf(Locale.ROOT, "not_same_statement_apart=%d/%d%n", f.negativesApart(), f.negatives().size());
    System.out.printf(Locale.ROOT, "seed_documents_collapsed=%d %s%n", f.collapsedSeeds().size(),
        f.collapsedSeeds().isEmpty() ? "" : f.collapsedSeeds());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
