package io.newsbeam.cli;

import io.newsbeam.report.ProgressTracker;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls a running pipeline's counters from the launching process, feeds them to a {@link ProgressTracker} every
 * second and prints a progress line every {@code printSeconds}. The source can change during the run (on Flink:
 * the REST API while the job runs, then the finished job's Beam metrics). Nothing of this runs in the pipeline's
 * per-element path.
 */
final class ProgressMonitor implements AutoCloseable {
  private volatile ProgressSource source;
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
  private volatile boolean unsupported;
  private volatile boolean sampled;

  ProgressMonitor(ProgressSource source, ProgressTracker tracker, PrintWriter out, int printSeconds) {
    this.source = source;
    this.tracker = tracker;
    this.out = out;
    this.printMillis = printSeconds * 1000L;
    this.lastPrint = System.currentTimeMillis();
  }

  void start() {
    timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  /** From now on, samples come from {@code next} (e.g. the finished job's metrics). */
  synchronized void switchTo(ProgressSource next) {
    this.source = next;
    this.unsupported = false;
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

  /** Takes one sample; false when there is no source or it gives nothing (yet). */
  private boolean sample() {
    ProgressSource s = source;
    if (s == null || unsupported) {
      return false;
    }
    try {
      tracker.sample(System.currentTimeMillis(), s.counters());
      sampled = true;
      return true;
    } catch (UnsupportedOperationException e) {
      unsupported = true;
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false; // not ready yet (no metrics, job not submitted); the next tick retries
    }
  }

  /** Stops polling, takes a last sample and prints the final line. */
  @Override
  public synchronized void close() {
    timer.shutdownNow();
    if (sample() || sampled) {
      out.println(tracker.line(System.currentTimeMillis()));
    } else {
      out.println("newsbeam: this runner reported no metrics while running; see the manifest for the counts");
    }
    out.flush();
  }
}
