package io.newsbeam.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsbeam.NewsbeamPipeline;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code pipelines/evaluate.sh dedup --data DIR [--pred FILE] [--keep DIR] [--reuse DIR]}: runs the whole
 * pipeline (DirectRunner) on the documents of a labelled folder ({@code DIR/labels.jsonl}, gold key {@code
 * cluster_id}, optional {@code family}), reads the Avro back, takes each duplicate's canonical article as
 * its predicted cluster and prints pairwise precision/recall/F1 and ARI, plus how many pairs of related but
 * different stories (same {@code family}, different {@code cluster_id}) were merged.
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
    if (opts.containsKey("reuse")) {
      out = Path.of(opts.get("reuse"));
    } else {
      out = opts.containsKey("keep") ? Path.of(opts.get("keep")) : Files.createTempDirectory("newsbeam-dedup-eval");
      runPipeline(data, rows, out);
    }
    Map<String, String> predicted = predictedClusters(data, out);

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
    System.out.println("dedup " + data.getFileName() + " (full pipeline, DirectRunner; output " + out + ")");
    System.out.println(scores.summary());
    System.out.printf("wrongly_merged_pairs=%d family_pairs_merged=%d (related but different stories) documents_without_output=%d%n",
        wrongMerged, familyMerged, missing);
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

  /** file (relative to the data folder) → canonical article id of its cluster. */
  static Map<String, String> predictedClusters(Path data, Path out) {
    Map<String, String> predicted = new TreeMap<>();
    for (Article a : AvroTables.read(out.resolve("articles"), Article.class)) {
      predicted.put(relative(data, a.getSourceUri()), a.getArticleId());
    }
    for (Article a : AvroTables.read(out.resolve("duplicates"), Article.class)) {
      predicted.put(relative(data, a.getSourceUri()), a.getDuplicateOf());
    }
    if (Files.isDirectory(out.resolve("rejects"))) {
      for (Reject r : AvroTables.read(out.resolve("rejects"), Reject.class)) {
        String file = relative(data, r.getSourceUri());
        predicted.put(file, "reject:" + file);
      }
    }
    return predicted;
  }

  private static String relative(Path data, String uri) {
    Path p = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
    return data.relativize(p.toAbsolutePath().normalize()).toString();
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: pipelines/evaluate.sh dedup --data DIR [--pred PRED.jsonl] [--keep OUT_DIR | --reuse OUT_DIR]");
    System.exit(2);
  }
}
