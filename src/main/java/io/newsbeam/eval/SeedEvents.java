package io.newsbeam.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.dedup.LocalDedup;
import io.newsbeam.events.EventDoc;
import io.newsbeam.events.EventGrouping;
import io.newsbeam.events.EventParams;
import io.newsbeam.schema.Article;
import io.newsbeam.text.Times;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The events part of {@code pipelines/evaluate.sh seeds}: the cleaned articles of the input folder go through
 * the pipeline's dedup ({@link LocalDedup}) and event grouping ({@link EventGrouping}, both stages) in memory;
 * the gold's documents (a copy counts with its canonical's event) are scored as a clustering against the gold
 * events.
 */
public final class SeedEvents {
  private SeedEvents() {}

  /** Predicted events of the gold documents (file → event root), gold events (file → gold id) and the scores. */
  public record Result(Map<String, String> predicted, Map<String, String> gold, ClusteringScores scores) {
    /** True when the predicted events are exactly the gold events. */
    public boolean exact() {
      return scores.precision() == 1.0 && scores.recall() == 1.0 && scores.predClusters() == scores.goldClusters();
    }

    public String summary() {
      Map<String, TreeSet<String>> groups = new TreeMap<>();
      predicted.forEach((file, event) -> groups.computeIfAbsent(event, k -> new TreeSet<>()).add(file.substring(0, Math.min(3, file.length()))));
      List<String> shown = new ArrayList<>();
      groups.values().forEach(g -> shown.add("{" + String.join(", ", g) + "}"));
      return String.format(java.util.Locale.ROOT, "events of the gold documents:         %d predicted %s, %d gold; pairwise F1 %.3f, ARI %.3f%s%n",
          groups.size(), String.join(" ", shown), scores.goldClusters(), scores.f1(), scores.ari(),
          exact() ? " (exact)" : "");
    }
  }

  public static Result evaluate(Path goldFile, Map<String, Article> cleanedByFile) throws IOException {
    JsonNode gold = new ObjectMapper().readTree(goldFile.toFile()).get("documents");
    Map<String, String> fileOfId = new TreeMap<>();
    cleanedByFile.forEach((file, a) -> fileOfId.put(a.getArticleId(), file));
    Map<String, String> canonicalOf = LocalDedup.run(cleanedByFile.values()).canonicalOf();
    List<EventDoc> docs = new ArrayList<>();
    for (Article a : cleanedByFile.values()) {
      if (canonicalOf.get(a.getArticleId()).equals(a.getArticleId())) {
        docs.add(new EventDoc(a.getArticleId(), Times.millis(a.getPublishedAt()), a.getTitle(), a.getBody()));
      }
    }
    Map<String, String> eventOfId = new TreeMap<>();
    EventGrouping.group(docs, EventParams.defaults()).forEach((root, members) -> members.forEach(m -> eventOfId.put(m, root)));
    Map<String, String> predicted = new TreeMap<>();
    Map<String, String> goldOf = new TreeMap<>();
    List<String> g = new ArrayList<>();
    List<String> p = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> doc = it.next();
      Article a = cleanedByFile.get(doc.getKey());
      String event = a == null ? "missing:" + doc.getKey() : eventOfId.get(canonicalOf.get(a.getArticleId()));
      predicted.put(doc.getKey(), event);
      goldOf.put(doc.getKey(), doc.getValue().get("event").asText());
      g.add(doc.getValue().get("event").asText());
      p.add(event);
    }
    return new Result(predicted, goldOf, ClusteringScores.of(g, p));
  }
}
