package io.newsbeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.eval.SegmentScores;
import io.newsbeam.testing.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ScoreBodies NAME BODIES.jsonl}: the segment-metric P/R/F1 of bodies an outside extractor wrote as
 * {@code {"file": …, "body": …}} lines for the extraction dev pages, scored as {@link PeerExtractors} scores its own
 * peers (a page with no line, or a null body, counts as failed and scores as an empty body).
 */
public final class ScoreBodies {
  private ScoreBodies() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ScoreBodies NAME BODIES.jsonl");
      System.exit(2);
    }
    Path data = Paths.shared().resolve("dev-data/extraction_html");
    ObjectMapper json = new ObjectMapper();
    Map<String, String> bodies = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      if (!line.isBlank()) {
        JsonNode row = json.readTree(line);
        JsonNode body = row.get("body");
        bodies.put(row.get("file").asText(), body == null || body.isNull() ? null : body.asText());
      }
    }
    SegmentScores s = new SegmentScores();
    int failed = 0;
    for (String line : Files.readAllLines(data.resolve("labels.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = json.readTree(line);
      String body = bodies.get(row.get("file").asText());
      if (body == null) {
        failed++;
      }
      s.add(body, PeerExtractors.strings(row.get("with")), PeerExtractors.strings(row.get("without")));
    }
    double p = s.tp() / (double) (s.tp() + s.fp());
    double r = s.tp() / (double) (s.tp() + s.fn());
    System.out.printf(Locale.ROOT, "%-16s precision=%.3f recall=%.3f f1=%.3f failed=%d%n",
        args[0], p, r, 2 * p * r / (p + r), failed);
  }
}
