package io.newsbeam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.report.ProgressTracker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Progress of a running Flink job from the JobManager's REST API. The FlinkRunner hands Beam's counters to the
 * launcher only when a batch job is finished (and updates Flink's copies of them when a task's partition is done),
 * so while the job runs progress comes from Flink's own live record counts per job vertex: files done = records
 * that entered the vertex reading the files ({@code ReadRawDocuments/ReadBytes}); the total is the number of files
 * the launcher matched before submitting. Each vertex also counts as the stage of the first newsbeam step in its
 * name ({@code newsbeam.ExtractContent/records}) so the run report gets stage windows, and the line says how many
 * of the job's vertices (Flink's units of scheduling: chains of Beam steps) are finished.
 */
final class FlinkRestProgress implements ProgressSource {
  static final String READ_STEP = "ReadRawDocuments/ReadBytes";
  private static final Pattern STEP = Pattern.compile("([A-Z][A-Za-z0-9]+)/");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI rest;
  private final String jobName;
  private final long filesMatched;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private String jobId;

  FlinkRestProgress(URI rest, String jobName, long filesMatched) {
    this.rest = rest;
    this.jobName = jobName;
    this.filesMatched = filesMatched;
  }

  @Override
  public Map<String, Long> counters() throws IOException, InterruptedException {
    if (jobId == null) {
      jobId = findJob(get("/jobs/overview"), jobName);
      if (jobId == null) {
        throw new IOException("job " + jobName + " is not submitted yet");
      }
    }
    return counters(get("/jobs/" + jobId), filesMatched);
  }

  /** The id of the newest job named {@code name} in a {@code /jobs/overview} answer, or null. */
  static String findJob(JsonNode overview, String name) {
    String id = null;
    long newest = Long.MIN_VALUE;
    for (JsonNode job : overview.path("jobs")) {
      if (name.equals(job.path("name").asText()) && job.path("start-time").asLong() > newest) {
        newest = job.path("start-time").asLong();
        id = job.path("jid").asText();
      }
    }
    return id;
  }

  /** Progress counters from a {@code /jobs/<id>} answer. */
  static Map<String, Long> counters(JsonNode job, long filesMatched) {
    Map<String, Long> counters = new TreeMap<>();
    counters.put(ProgressTracker.MATCHED, filesMatched);
    long files = 0;
    long vertices = 0;
    long finishedVertices = 0;
    for (JsonNode v : job.path("vertices")) {
      vertices++;
      String name = v.path("name").asText();
      long in = v.path("metrics").path("read-records").asLong();
      long out = v.path("metrics").path("write-records").asLong();
      boolean finished = v.path("status").asText().equals("FINISHED");
      finishedVertices += finished ? 1 : 0;
      if (name.contains(READ_STEP)) {
        files = Math.max(files, finished ? filesMatched : Math.min(in, filesMatched));
      }
      Matcher m = STEP.matcher(name);
      if (m.find()) {
        counters.merge("newsbeam." + m.group(1) + "/records", Math.max(in, out), Long::sum);
      }
    }
    counters.put(ProgressTracker.FILES, files);
    counters.put(ProgressTracker.STEPS, vertices);
    counters.put(ProgressTracker.STEPS_DONE, finishedVertices);
    return counters;
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(rest.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + res.statusCode());
    }
    return JSON.readTree(res.body());
  }
}
