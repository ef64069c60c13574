package io.newsbeam.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Flink session cluster on loopback for tests: drives {@code pipelines/flink-cluster.sh} (JobManager and
 * TaskManagers as separate JVMs) and reads Flink's REST API. Submits newsbeam with the bundled jar, as users do.
 */
public final class FlinkCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private FlinkCluster(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a JobManager and {@code taskManagers} TaskManagers and waits until they registered. */
  public static FlinkCluster start(Path dir, int taskManagers) throws Exception {
    String out = script(dir, Duration.ofMinutes(4), "start", dir.toString(), Integer.toString(taskManagers));
    String[] lines = out.strip().split("\n");
    return new FlinkCluster(dir, Integer.parseInt(lines[lines.length - 1].strip()));
  }

  public int restPort() {
    return port;
  }

  public Path logs() {
    return dir.resolve("log");
  }

  public void killTaskManager() throws Exception {
    script(dir, Duration.ofSeconds(30), "kill-taskmanager", dir.toString());
  }

  public void addTaskManager() throws Exception {
    script(dir, Duration.ofMinutes(3), "add-taskmanager", dir.toString());
  }

  @Override
  public void close() throws Exception {
    script(dir, Duration.ofSeconds(60), "stop", dir.toString());
  }

  /** GET on the REST API, as JSON. */
  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + res.statusCode() + ": " + res.body());
    }
    return JSON.readTree(res.body());
  }

  /**
   * The state of job {@code id} once it is {@code expected}, polling for up to {@code timeout}: the REST API
   * serves job details from a cache, so right after the client got the job's result it can still say RUNNING.
   * Returns the last state seen (the caller asserts it).
   */
  public String awaitJobState(String id, String expected, Duration timeout) throws IOException, InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    String state = get("/jobs/" + id).path("state").asText();
    while (!state.equals(expected) && System.nanoTime() < end) {
      Thread.sleep(1000);
      state = get("/jobs/" + id).path("state").asText();
    }
    return state;
  }

  /** The id of the job named {@code name}, or null while there is none. */
  public String jobId(String name) throws IOException, InterruptedException {
    for (JsonNode job : get("/jobs/overview").path("jobs")) {
      if (name.equals(job.path("name").asText())) {
        return job.path("jid").asText();
      }
    }
    return null;
  }

  /**
   * Starts {@code java -jar newsbeam-bundled.jar} on this cluster with {@code args} and the options of
   * {@code pipelines/flink.sh} (FlinkRunner, parallelism 2, fasterCopy; parses in child JVMs of the TaskManager),
   * with a progress line every 2 seconds;
   * its output goes to {@code log}.
   */
  public Process submit(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        javaBin(), "-Xmx768m", "-jar", bundledJar().toString(),
        "--runner=FlinkRunner", "--flinkMaster=localhost:" + port, "--parallelism=2", "--fasterCopy=true",
        "--progressSeconds=2"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits for a submitted run; fails with the end of its output when it did not succeed in time. */
  public static void awaitSuccess(Process run, Path log, Duration timeout) throws Exception {
    if (!run.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      run.destroyForcibly();
      throw new AssertionError("the Flink run did not end within " + timeout + "; output:\n" + tail(log));
    }
    if (run.exitValue() != 0) {
      throw new AssertionError("the Flink run failed (exit " + run.exitValue() + "); output:\n" + tail(log));
    }
  }

  public static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** The jar built by {@code mvn -Pflink package} (failsafe passes its path). */
  public static Path bundledJar() {
    Path jar = Path.of(System.getProperty("newsbeam.bundledJar",
        Paths.project().resolve("target/newsbeam-bundled.jar").toString()));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with mvn -Pflink package");
    }
    return jar;
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String script(Path dir, Duration timeout, String... args) throws Exception {
    Files.createDirectories(dir);
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.project().resolve("pipelines/flink-cluster.sh").toString());
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "script-", ".log");
    Process p = new ProcessBuilder(cmd)
        .redirectError(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("flink-cluster.sh " + String.join(" ", args) + " did not end within " + timeout);
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("flink-cluster.sh " + String.join(" ", args) + " failed:\n" + Files.readString(log));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
