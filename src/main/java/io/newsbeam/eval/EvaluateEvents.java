package io.newsbeam.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsbeam.events.EventDoc;
import io.newsbeam.events.EventGrouping;
import io.newsbeam.events.EventParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code pipelines/evaluate.sh events --data DIR [--threshold T] [--split all|odd|even] [--sweep [split]] [--splitSimilarity R] [--splitRounds N] [--predictions FILE]}:
 * groups the labelled texts of DIR (labels.jsonl with file, event_id, topic_id) with the pipeline's grouping
 * library and prints pairwise precision/recall/F1 and ARI. {@code --split odd|even} scores only the topics
 * with an odd or even number (for tuning on one half and reporting on the other).
 */
public final class EvaluateEvents {
  private EvaluateEvents() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    if (!o.containsKey("data")) {
      System.err.println("usage: pipelines/evaluate.sh events --data DIR [--threshold T] [--split all|odd|even] [--sweep [split]] [--splitSimilarity R] [--splitRounds N] [--predictions FILE]");
      System.exit(2);
    }
    Path dir = Path.of(o.get("data"));
    Path labels = dir.resolve("labels.jsonl");
    if (!Files.isRegularFile(labels)) {
      throw new IllegalArgumentException(labels + " not found: --data must be a folder with labels.jsonl (e.g. ../shared/dev-data/events_ecbplus)");
    }
    String split = o.getOrDefault("split", "all");
    EventParams base = EventParams.defaults();
    if (o.containsKey("threshold")) {
      base = base.withThreshold(Double.parseDouble(o.get("threshold")));
    }
    if (o.containsKey("weights")) { // term,entity,day,number weights (exploration)
      String[] w = o.get("weights").split(",");
      base = base.withWeights(Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2]), Double.parseDouble(w[3]));
    }
    if (o.containsKey("splitSimilarity") || o.containsKey("splitRounds")) {
      base = base.withSplit(Double.parseDouble(o.getOrDefault("splitSimilarity", Double.toString(base.splitRatio()))),
          Integer.parseInt(o.getOrDefault("splitRounds", Integer.toString(base.splitRounds()))));
    }
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode r : Jsonl.read(labels)) {
      if (inSplit(r, split)) {
        rows.add(r);
      }
    }
    List<EventDoc> docs = new ArrayList<>();
    for (JsonNode r : rows) {
      docs.add(new EventDoc(r.get("file").asText(), null, null, read(dir.resolve(r.get("file").asText()))));
    }
    if ("split".equals(o.get("sweep"))) {
      for (double t = 0.10; t <= 0.601; t += 0.05) {
        System.out.println(String.format(Locale.ROOT, "splitSimilarity=%.2f ", t)
            + score(rows, docs, base.withSplit(t, base.splitRounds())).summary());
      }
      return;
    }
    if (o.containsKey("sweep")) {
      for (double t = 0.10; t <= 0.451; t += 0.025) {
        System.out.println(String.format(Locale.ROOT, "threshold=%.3f ", t) + score(rows, docs, base.withThreshold(t)).summary());
      }
      return;
    }
    long start = System.nanoTime();
    Map<String, String> pred = predict(docs, base);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println(String.format(Locale.ROOT, "events %s split=%s threshold=%.3f splitSimilarity=%.2f splitRounds=%d grouping_ms=%d",
        dir, split, base.threshold(), base.splitRatio(), base.splitRounds(), ms));
    System.out.println(scoreOf(rows, pred).summary());
    if (o.containsKey("predictions")) {
      List<Map<String, ?>> out = new ArrayList<>();
      for (JsonNode r : rows) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", r.get("file").asText());
        row.put("cluster", pred.get(r.get("file").asText()));
        out.add(row);
      }
      Jsonl.write(Path.of(o.get("predictions")), out);
      System.out.println("wrote " + o.get("predictions"));
    }
  }

  static boolean inSplit(JsonNode r, String split) {
    if (split.equals("all")) {
      return true;
    }
    int topic = Integer.parseInt(r.get("topic_id").asText().replaceAll("\\D", ""));
    return split.equals("odd") == (topic % 2 == 1);
  }

  static Map<String, String> predict(List<EventDoc> docs, EventParams p) {
    Map<String, String> pred = new HashMap<>();
    EventGrouping.group(docs, p).forEach((root, members) -> members.forEach(m -> pred.put(m, root)));
    return pred;
  }

  static ClusteringScores score(List<JsonNode> rows, List<EventDoc> docs, EventParams p) {
    return scoreOf(rows, predict(docs, p));
  }

  static ClusteringScores scoreOf(List<JsonNode> rows, Map<String, String> pred) {
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (JsonNode r : rows) {
      gold.add(r.get("event_id").asText());
      predicted.add(pred.get(r.get("file").asText()));
    }
    return ClusteringScores.of(gold, predicted);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      String k = a.substring(2);
      if (k.contains("=")) {
        o.put(k.substring(0, k.indexOf('=')), k.substring(k.indexOf('=') + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        o.put(k, args[++i]);
      } else {
        o.put(k, "true");
      }
    }
    return o;
  }
}
