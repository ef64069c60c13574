package io.newsbeam.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry of {@code pipelines/evaluate.sh KIND --data DIR [...]}: runs the pipeline's own code on a labelled
 * folder and prints the figures. Each kind is a class with a {@code main(String[])}.
 */
public final class Evaluate {
  private Evaluate() {}

  /** kind → main class; each evaluation registers itself here. */
  static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("clustering", "io.newsbeam.eval.ScorePredictions");
    KINDS.put("dedup", "io.newsbeam.eval.DedupEvaluation");
    KINDS.put("seeds", "io.newsbeam.eval.SeedsEvaluation");
    KINDS.put("quotes", "io.newsbeam.eval.QuoteFigures");
    KINDS.put("extraction", "io.newsbeam.eval.ExtractionEvaluation");
    KINDS.put("events", "io.newsbeam.eval.EvaluateEvents");
  }

  /** The registered kinds (kind → main class), for the {@code newsbeam evaluate} command. */
  public static Map<String, String> kinds() {
    return java.util.Collections.unmodifiableMap(KINDS);
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !KINDS.containsKey(args[0])) {
      System.err.println("usage: pipelines/evaluate.sh KIND [options]   (KIND: " + String.join(", ", KINDS.keySet()) + ")");
      System.exit(args.length == 0 || args[0].equals("--help") ? 0 : 2);
    }
    Class.forName(KINDS.get(args[0]))
        .getMethod("main", String[].class)
        .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }
}
