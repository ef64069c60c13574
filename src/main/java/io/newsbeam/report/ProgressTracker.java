package io.newsbeam.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns samples of a run's counters ({@code namespace/name → value}, e.g. {@code newsbeam.read/files}) into
 * progress lines (files done/total, rates, ETA) and stage activity windows. Fed by the launching process from
 * polled pipeline metrics: nothing here runs per element.
 */
public final class ProgressTracker {
  public static final String MATCHED = "newsbeam.read/files_matched";
  public static final String FILES = "newsbeam.read/files";
  public static final String BYTES = "newsbeam.read/bytes";
  public static final String EXTRACTED = "newsbeam.extract/documents";
  public static final String CLEANED = "newsbeam.clean/articles";
  /** Runner-level progress where the runner tells it (Flink: job vertices), not a newsbeam stage. */
  public static final String STEPS = "runner/steps";
  public static final String STEPS_DONE = "runner/steps_done";

  private final long startMillis;
  private final Map<String, long[]> stages = new TreeMap<>(); // stage → {first, last change, total}
  private Map<String, Long> last = Map.of();
  private long lastMillis;
  private final long[] filesDoneAt = new long[2]; // files read, and when (ms since start) that count was reached

  public ProgressTracker(long startMillis) {
    this.startMillis = startMillis;
    this.lastMillis = startMillis;
  }

  /** Records one sample of the counters taken at {@code nowMillis}. */
  public void sample(long nowMillis, Map<String, Long> counters) {
    Map<String, Long> perStage = new TreeMap<>();
    counters.forEach((k, v) -> {
      if (k.startsWith("newsbeam.") && !k.equals(MATCHED) && !k.equals(BYTES)) {
        perStage.merge(stageOf(k), v, Math::max); // a stage's size: its largest counter
      }
    });
    long t = nowMillis - startMillis;
    perStage.forEach((stage, total) -> {
      if (total <= 0) {
        return;
      }
      long[] w = stages.get(stage);
      if (w == null) {
        // First seen: it began at most one sampling interval ago.
        stages.put(stage, new long[] {Math.max(0, lastMillis - startMillis), t, total});
      } else if (total != w[2]) {
        w[1] = t;
        w[2] = total;
      }
    });
    long files = counters.getOrDefault(FILES, 0L);
    if (files != filesDoneAt[0]) {
      filesDoneAt[0] = files;
      filesDoneAt[1] = t;
    }
    last = new TreeMap<>(counters);
    lastMillis = nowMillis;
  }

  /** One human line: {@code files 40/120 (33%) · 4.1 files/s · 2.3 MB/s · extracted 38 · ETA 0:19 · 0:10 elapsed}. */
  public String line(long nowMillis) {
    long done = last.getOrDefault(FILES, 0L);
    Long total = last.get(MATCHED);
    double secs = Math.max(0.001, (nowMillis - startMillis) / 1000.0);
    double readSecs = done == filesDoneAt[0] && filesDoneAt[1] > 0 ? Math.max(0.001, filesDoneAt[1] / 1000.0) : secs;
    double rate = done / (total != null && done >= total ? readSecs : secs);
    StringBuilder sb = new StringBuilder("newsbeam: files ").append(done);
    if (total != null && total > 0) {
      sb.append('/').append(total).append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
    } else {
      sb.append("/?");
    }
    sb.append(String.format(Locale.ROOT, " · %.1f files/s", rate));
    // Counters a runner does not report while running (Flink: only files) are left out, not printed as 0.
    if (last.containsKey(BYTES)) {
      sb.append(String.format(Locale.ROOT, " · %.2f MB/s", last.get(BYTES) / 1e6 / secs));
    }
    if (last.containsKey(EXTRACTED) || last.containsKey(CLEANED)) {
      sb.append(" · extracted ").append(last.getOrDefault(EXTRACTED, 0L));
      sb.append(" · cleaned ").append(last.getOrDefault(CLEANED, 0L));
      long rejects = last.entrySet().stream().filter(e -> e.getKey().contains("/rejects_")).mapToLong(Map.Entry::getValue).sum();
      sb.append(" · rejects ").append(rejects);
    }
    if (last.containsKey(STEPS)) {
      sb.append(" · ").append(last.getOrDefault(STEPS_DONE, 0L)).append('/').append(last.get(STEPS)).append(" steps done");
    }
    if (total != null && total > 0 && rate > 0 && done < total) {
      sb.append(" · ETA ").append(clock(Math.round((total - done) / rate)));
    } else if (total != null && total > 0 && done >= total) {
      sb.append(" · all files read");
    }
    sb.append(" · ").append(clock(Math.round(secs))).append(" elapsed");
    return sb.toString();
  }

  /** Stage windows seen so far, in order of their start. */
  public List<RunReport.StageTiming> stages() {
    List<RunReport.StageTiming> out = new ArrayList<>();
    stages.forEach((s, w) -> out.add(new RunReport.StageTiming(s, w[0], w[1], w[2])));
    out.sort((a, b) -> a.startMillis() != b.startMillis()
        ? Long.compare(a.startMillis(), b.startMillis()) : a.stage().compareTo(b.stage()));
    return out;
  }

  /** {@code newsbeam.extract/documents} → {@code extract}. */
  static String stageOf(String key) {
    String ns = key.substring(0, key.indexOf('/'));
    return ns.substring("newsbeam.".length());
  }

  static String clock(long seconds) {
    return seconds >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
