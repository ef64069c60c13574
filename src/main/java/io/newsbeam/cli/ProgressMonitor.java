package io.newsbeam.cli;

import io.newsbeam.report.ProgressTracker;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Polls a running pipeline's metrics from the launching process (attempted counter values: fine for
 * progress), feeds them to a {@link ProgressTracker} every second and prints a progress line every
 * {@code printSeconds}. Nothing of this runs in the pipeline's per-element path.
 */
final class ProgressMonitor implements AutoCloseable {
  private final PipelineResult result;
  private final ProgressTracker tracker;
  private final PrintWriter out;
  private final long printMillis;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsbeam-progress");
        t.setDaemon(true);
        return t;
      });
  private long lastPrint;
  private volatile boolean metricsUnsupported;

  ProgressMonitor(PipelineResult result, ProgressTracker tracker, PrintWriter out, int printSeconds) {
    this.result = result;
    this.tracker = tracker;
    this.out = out;
    this.printMillis = printSeconds * 1000L;
    this.lastPrint = System.currentTimeMillis();
  }

  void start() {
    timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  private synchronized void tick() {
    if (!sample()) {
      return;
    }
    long now = System.currentTimeMillis();
    if (printMillis > 0 && now - lastPrint >= printMillis) {
      lastPrint = now;
      out.println(tracker.line(now));
      out.flush();
    }
  }

  /** Takes one sample; false when the runner gives no metrics (then progress stays silent). */
  private boolean sample() {
    if (metricsUnsupported) {
      return false;
    }
    try {
      tracker.sample(System.currentTimeMillis(), counters(result));
      return true;
    } catch (UnsupportedOperationException e) {
      metricsUnsupported = true;
      return false;
    } catch (RuntimeException e) {
      return false; // metrics not ready yet on some runners; the next tick retries
    }
  }

  static Map<String, Long> counters(PipelineResult result) {
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder().build());
    Map<String, Long> counters = new TreeMap<>();
    for (MetricResult<Long> c : q.getCounters()) {
      String key = c.getName().getNamespace() + "/" + c.getName().getName();
      Long v = attempted(c);
      if (v != null) {
        counters.merge(key, v, Long::sum);
      }
    }
    return counters;
  }

  private static Long attempted(MetricResult<Long> c) {
    try {
      return c.getAttempted();
    } catch (UnsupportedOperationException e) {
      return c.getCommitted();
    }
  }

  /** Stops polling, takes a last sample and prints the final line. */
  @Override
  public synchronized void close() {
    timer.shutdownNow();
    if (sample()) {
      out.println(tracker.line(System.currentTimeMillis()));
    } else {
      out.println("newsbeam: this runner reported no metrics while running; see the manifest for the counts");
    }
    out.flush();
  }
}
