package io.newsbeam.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a clustering prediction file against labels: {@code clustering LABELS.jsonl PRED.jsonl --gold-key K}.
 * Documents missing from the prediction count as singletons, as in score_clustering.py.
 */
public final class ScorePredictions {
  private ScorePredictions() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: pipelines/evaluate.sh clustering LABELS.jsonl PRED.jsonl [--gold-key KEY]");
      System.exit(2);
    }
    String key = "event_id";
    for (int i = 2; i < args.length - 1; i++) {
      if (args[i].equals("--gold-key")) {
        key = args[i + 1];
      }
    }
    System.out.println(score(Path.of(args[0]), Path.of(args[1]), key).summary());
  }

  public static ClusteringScores score(Path labels, Path predictions, String goldKey) {
    Map<String, String> pred = new HashMap<>();
    for (JsonNode row : Jsonl.read(predictions)) {
      pred.put(row.get("file").asText(), row.get("cluster").asText());
    }
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (JsonNode row : Jsonl.read(labels)) {
      JsonNode g = row.get(goldKey);
      if (g == null || g.isNull()) {
        continue;
      }
      String file = row.get("file").asText();
      gold.add(g.asText());
      predicted.add(pred.getOrDefault(file, "singleton:" + file));
    }
    return ClusteringScores.of(gold, predicted);
  }
}
