package io.newsbeam.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsbeam.NewsbeamPipeline;
import io.newsbeam.dedup.LocalDedup;
import io.newsbeam.options.NewsbeamOptions;
import io.newsbeam.output.AvroTables;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Reject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code pipelines/evaluate.sh dedup --data DIR [--pred FILE] [--keep DIR] [--reuse DIR] [--bodies DIR
 * [--explain N]]}: runs the whole pipeline (DirectRunner) on the documents of a labelled folder ({@code
 * DIR/labels.jsonl}, gold key {@code cluster_id}, optional {@code family}), reads the Avro back, takes each
 * duplicate's canonical article as its predicted cluster and prints pairwise precision/recall/F1 and ARI,
 * plus how many pairs of related but different stories (same {@code family}, different {@code cluster_id})
 * were merged.
 *
 * <p>{@code --bodies OUT} is the tuning loop: instead of a pipeline run it takes the records (articles and
 * duplicates, i.e. every extracted and cleaned body) of an earlier output and re-runs only the dedup step on
 * them in this JVM ({@link LocalDedup}: the same libraries and decisions as {@code CollapseDuplicates}), in
 * seconds. {@code --explain N} then lists up to N links that joined documents of different gold clusters,
 * with their signals, and the gold clusters that were split.
 */
public final class DedupEvaluation {
  private DedupEvaluation() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        usage("unexpected argument " + args[i]);
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    if (!opts.containsKey("data")) {
      usage("--data DIR is required");
    }
    Path data = Path.of(opts.get("data")).toAbsolutePath().normalize();
    Path labels = data.resolve("labels.jsonl");
    if (!Files.isRegularFile(labels)) {
      usage(labels + " not found: --data must be a labelled folder with labels.jsonl");
    }
    List<JsonNode> rows = Jsonl.read(labels);

    Path out;
    Map<String, String> predicted;
    LocalDedup.Result local = null;
    Map<String, String> fileOf = new TreeMap<>();
    if (opts.containsKey("bodies")) {
      out = Path.of(opts.get("bodies"));
      List<Article> records = new ArrayList<>();
      for (String table : List.of("articles", "duplicates")) {
        for (Article a : AvroTables.read(out.resolve(table), Article.class)) {
          records.add(a);
          fileOf.put(a.getArticleId(), relative(data, a.getSourceUri()));
        }
      }
      long t0 = System.nanoTime();
      local = LocalDedup.run(records);
      System.out.printf(Locale.ROOT, "dedup step in this JVM on %d extracted bodies of %s: %.1f s, %d candidate pairs, %d links%n",
          records.size(), out, (System.nanoTime() - t0) / 1e9, local.candidates(), local.links().size());
      predicted = new TreeMap<>();
      for (Map.Entry<String, String> e : local.canonicalOf().entrySet()) {
        predicted.put(fileOf.get(e.getKey()), e.getValue());
      }
      rejectsOf(data, out, predicted);
    } else if (opts.containsKey("reuse")) {
      out = Path.of(opts.get("reuse"));
      predicted = predictedClusters(data, out);
    } else {
      out = opts.containsKey("keep") ? Path.of(opts.get("keep")) : Files.createTempDirectory("newsbeam-dedup-eval");
      runPipeline(data, rows, out);
      predicted = predictedClusters(data, out);
    }

    List<String> gold = new ArrayList<>();
    List<String> pred = new ArrayList<>();
    List<String> family = new ArrayList<>();
    List<Map<String, String>> predRows = new ArrayList<>();
    int missing = 0;
    for (JsonNode row : rows) {
      String file = row.get("file").asText();
      String cluster = predicted.get(file);
      if (cluster == null) {
        missing++;
        cluster = "missing:" + file;
      }
      gold.add(row.get("cluster_id").asText());
      pred.add(cluster);
      family.add(row.hasNonNull("family") ? row.get("family").asText() : row.get("cluster_id").asText());
      predRows.add(Map.of("file", file, "cluster", cluster));
    }
    if (opts.containsKey("pred")) {
      Jsonl.write(Path.of(opts.get("pred")), predRows);
    }
    ClusteringScores scores = ClusteringScores.of(gold, pred);
    long familyMerged = 0;
    long wrongMerged = 0;
    Map<String, List<Integer>> byPred = new TreeMap<>();
    for (int i = 0; i < pred.size(); i++) {
      byPred.computeIfAbsent(pred.get(i), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> members : byPred.values()) {
      for (int x = 0; x < members.size(); x++) {
        for (int y = x + 1; y < members.size(); y++) {
          int i = members.get(x);
          int j = members.get(y);
          if (!gold.get(i).equals(gold.get(j))) {
            wrongMerged++;
            if (family.get(i).equals(family.get(j))) {
              familyMerged++;
            }
          }
        }
      }
    }
    System.out.println("dedup " + data.getFileName()
        + (local != null ? " (dedup step on the bodies of " : " (full pipeline, DirectRunner; output ") + out + ")");
    System.out.println(scores.summary());
    System.out.printf("wrongly_merged_pairs=%d family_pairs_merged=%d (related but different stories) documents_without_output=%d%n",
        wrongMerged, familyMerged, missing);
    if (local != null && opts.containsKey("explain")) {
      Map<String, String> goldOf = new TreeMap<>();
      for (JsonNode row : rows) {
        goldOf.put(row.get("file").asText(), row.get("cluster_id").asText());
      }
      explain(local, fileOf, goldOf, Integer.parseInt(opts.get("explain")));
    }
  }

  /** Links between different gold clusters, with their signals; then how each split gold cluster fell apart. */
  private static void explain(LocalDedup.Result local, Map<String, String> fileOf, Map<String, String> goldOf, int max) {
    int shown = 0;
    for (LocalDedup.Link l : local.links()) {
      String a = fileOf.get(l.from());
      String b = fileOf.get(l.to());
      if (goldOf.get(a).equals(goldOf.get(b))) {
        continue;
      }
      if (shown++ < max) {
        System.out.printf(Locale.ROOT, "wrong link %s [%s] -- %s [%s] %s %s%n",
            a, goldOf.get(a), b, goldOf.get(b), l.method(), l.signals());
      }
    }
    System.out.println("wrong_links=" + shown);
    Map<String, Map<String, Integer>> parts = new TreeMap<>();
    local.roots().forEach((id, root) ->
        parts.computeIfAbsent(goldOf.get(fileOf.get(id)), k -> new TreeMap<>()).merge(root, 1, Integer::sum));
    parts.forEach((gold, byRoot) -> {
      if (byRoot.size() > 1) {
        List<Integer> sizes = new ArrayList<>(byRoot.values());
        sizes.sort(java.util.Comparator.reverseOrder());
        System.out.println("split " + gold + " " + sizes);
      }
    });
  }

  private static void runPipeline(Path data, List<JsonNode> rows, Path out) {
    TreeSet<String> folders = new TreeSet<>();
    for (JsonNode row : rows) {
      Path parent = Path.of(row.get("file").asText()).getParent();
      folders.add(parent == null ? "" : parent.toString());
    }
    String input = folders.size() == 1 && !folders.first().isEmpty()
        ? data.resolve(folders.first()) + "/*"
        : data + "/**";
    NewsbeamOptions options = PipelineOptionsFactory.fromArgs(
            "--input=" + input, "--output=" + out, "--overwrite=true", "--runner=DirectRunner",
            "--excludePattern=(^|/)README(\\.md|\\.txt)?$|\\.md$|(^|/)labels\\.jsonl$")
        .withValidation().as(NewsbeamOptions.class);
    PipelineResult.State state = NewsbeamPipeline.run(options).waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("pipeline ended " + state);
    }
  }

  /** Rejected files as clusters of their own. */
  private static void rejectsOf(Path data, Path out, Map<String, String> predicted) {
    if (Files.isDirectory(out.resolve("rejects"))) {
      for (Reject r : AvroTables.read(out.resolve("rejects"), Reject.class)) {
        String file = relative(data, r.getSourceUri());
        predicted.put(file, "reject:" + file);
      }
    }
  }

  /** file (relative to the data folder) → canonical article id of its cluster. */
  static Map<String, String> predictedClusters(Path data, Path out) {
    Map<String, String> predicted = new TreeMap<>();
    for (Article a : AvroTables.read(out.resolve("articles"), Article.class)) {
      predicted.put(relative(data, a.getSourceUri()), a.getArticleId());
    }
    for (Article a : AvroTables.read(out.resolve("duplicates"), Article.class)) {
      predicted.put(relative(data, a.getSourceUri()), a.getDuplicateOf());
    }
    rejectsOf(data, out, predicted);
    return predicted;
  }

  private static String relative(Path data, String uri) {
    Path p = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
    return data.relativize(p.toAbsolutePath().normalize()).toString();
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: pipelines/evaluate.sh dedup --data DIR [--pred PRED.jsonl] [--keep OUT_DIR | --reuse OUT_DIR | --bodies OUT_DIR [--explain N]]");
    System.exit(2);
  }
}
