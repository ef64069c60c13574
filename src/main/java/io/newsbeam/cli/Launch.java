package io.newsbeam.cli;

import io.newsbeam.NewsbeamPipeline;
import io.newsbeam.input.InputFiles;
import io.newsbeam.options.NewsbeamOptions;
import io.newsbeam.report.ProgressTracker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Runs the pipeline from a launching process with progress lines, on any runner: the DirectRunner is started
 * without blocking and its metrics polled; a Flink job is watched through the JobManager's REST API (for an
 * embedded {@code [local]} cluster the launcher gives it a REST port through {@code --flinkConfDir}); other runners
 * are polled through {@link PipelineResult#metrics()}. Used by {@code NewsbeamPipeline.main} and {@code newsbeam run}.
 */
public final class Launch {
  private Launch() {}

  /** How a run ended: its state, wall time and the progress samples (stage windows for the report). */
  public record Outcome(NewsbeamOptions options, PipelineResult.State state, long wallMillis, ProgressTracker tracker) {}

  /** Parses {@code args} (newsbeam and Beam options), runs, prints progress to {@code out}, waits for the end. */
  public static Outcome run(String[] args, PrintWriter out) {
    List<String> argv = new ArrayList<>(List.of(args));
    URI flinkRest = prepareFlinkRest(argv);
    PipelineOptionsFactory.register(NewsbeamOptions.class);
    NewsbeamOptions options =
        PipelineOptionsFactory.fromArgs(argv.toArray(String[]::new)).withValidation().as(NewsbeamOptions.class);
    boolean direct = options.getRunner().getSimpleName().equals("DirectRunner");
    if (direct) {
      DirectOptions d = options.as(DirectOptions.class);
      if (!given(argv, "blockOnRun")) {
        d.setBlockOnRun(false); // return at once so progress can be polled
      }
      // The DirectRunner's model checks re-walk the whole transform graph for every bundle (immutability) and
      // re-encode every element (encodability): on this ~300-step graph that is most of a run's CPU. They are
      // development checks of DoFns, which the transform tests (TestPipeline) keep on; a user can turn them on.
      if (!given(argv, "enforceImmutability")) {
        d.setEnforceImmutability(false);
      }
      if (!given(argv, "enforceEncodability")) {
        d.setEnforceEncodability(false);
      }
    }
    NewsbeamPipeline.validate(options);
    long matched = checkInput(options);
    int every = options.getProgressSeconds();
    long start = System.currentTimeMillis();
    ProgressTracker tracker = new ProgressTracker(start);
    out.println("newsbeam: running on " + options.getRunner().getSimpleName() + ", input " + options.getInput()
        + ", output " + options.getOutput());
    out.flush();
    ProgressSource during = flinkRest == null ? null
        : new FlinkRestProgress(flinkRest, options.getJobName(), Math.max(0, matched));
    PipelineResult.State state;
    try (ProgressMonitor monitor = new ProgressMonitor(during, tracker, out, every)) {
      monitor.start();
      PipelineResult result = NewsbeamPipeline.run(options); // blocks on Flink until the job is done
      if (flinkRest == null) {
        monitor.switchTo(ProgressSource.beamMetrics(result));
      }
      state = result.waitUntilFinish();
    }
    return new Outcome(options, state, System.currentTimeMillis() - start, tracker);
  }

  /**
   * On the FlinkRunner, where the Flink REST API will be: {@code http://HOST:PORT} of {@code --flinkMaster=HOST:PORT};
   * for {@code [local]} (or no master) a free loopback port written into a Flink configuration that is added as
   * {@code --flinkConfDir} (unless the user gave one: then no progress lines). Null when not on Flink.
   */
  static URI prepareFlinkRest(List<String> argv) {
    String runner = value(argv, "runner");
    if (runner == null || !(runner.equals("FlinkRunner") || runner.endsWith(".FlinkRunner"))) {
      return null;
    }
    String master = value(argv, "flinkMaster");
    if (master != null && master.matches("(https?://)?[^\\[\\]/]+:\\d+")) {
      return URI.create(master.startsWith("http") ? master : "http://" + master);
    }
    if (value(argv, "flinkConfDir") != null || (master != null && !master.equals("[local]") && !master.equals("[auto]"))) {
      return null;
    }
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      Path conf = Files.createTempDirectory("newsbeam-flink-conf");
      Files.writeString(conf.resolve("flink-conf.yaml"), String.join("\n",
          "# written by newsbeam: the embedded cluster's REST API on loopback, for progress lines",
          "rest.address: 127.0.0.1", "rest.bind-address: 127.0.0.1",
          "rest.port: " + port, "rest.bind-port: " + port, ""), StandardCharsets.UTF_8);
      conf.toFile().deleteOnExit();
      conf.resolve("flink-conf.yaml").toFile().deleteOnExit();
      argv.add("--flinkConfDir=" + conf);
      return URI.create("http://127.0.0.1:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the embedded Flink cluster's REST port for progress", e);
    }
  }

  /** Whether the user gave {@code --name} (with or without a value). */
  private static boolean given(List<String> argv, String name) {
    return argv.stream().anyMatch(a -> a.equals("--" + name) || a.startsWith("--" + name + "="));
  }

  private static String value(List<String> argv, String name) {
    String v = null;
    for (String a : argv) {
      if (a.startsWith("--" + name + "=")) {
        v = a.substring(name.length() + 3);
      }
    }
    return v;
  }

  /**
   * The number of files the run will read (the read step matches again), or -1 when the launcher cannot tell (the
   * filesystem is not reachable from here: the read step reports it). Fails with what to do when the glob matches
   * nothing or {@code --excludePattern} excludes every file it matches.
   */
  static long checkInput(NewsbeamOptions options) {
    String glob = options.getInput();
    MatchResult m;
    try {
      FileSystems.setDefaultPipelineOptions(options);
      m = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    } catch (IOException e) {
      return -1;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--input=" + glob + ": " + e.getMessage(), e);
    }
    if (m.status() != MatchResult.Status.OK) {
      return -1;
    }
    List<MatchResult.Metadata> files;
    try {
      files = m.metadata();
    } catch (IOException e) {
      return -1;
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(InputFiles.noMatch(glob));
    }
    long kept = files.stream()
        .filter(md -> !InputFiles.excluded(options.getExcludePattern(), md.resourceId().toString()))
        .count();
    if (kept == 0) {
      throw new IllegalArgumentException("--input=" + glob + " matches " + files.size() + " files and --excludePattern="
          + options.getExcludePattern() + " excludes every one of them");
    }
    return kept;
  }
}
