package io.newsbeam;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.options.NewsbeamOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * newsbeam with the DataflowRunner, as far as it goes without Google Cloud (no network here): the runner
 * validates the options and translates the whole pipeline into a Dataflow job, written as a template file
 * instead of being submitted; and a launch without credentials fails at once, saying what to do, instead of
 * hanging in the SDK's retries. Run by {@code mvn -Pdataflow verify} (failsafe).
 */
public class DataflowOfflineIT {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();

  @Test(timeout = 300_000) // fails instead of hanging if the SDK reaches for the network after all
  public void translatesThePipelineIntoADataflowJobOffline() throws Exception {
    Path template = tmp.getRoot().toPath().resolve("template.json");
    Path staging = tmp.newFolder("staging").toPath();
    Path stageOne = Files.writeString(tmp.getRoot().toPath().resolve("stage-me.txt"), "staged");
    PipelineOptionsFactory.register(NewsbeamOptions.class);
    DataflowPipelineOptions options = PipelineOptionsFactory.fromArgs(
            "--runner=DataflowRunner",
            "--project=newsbeam-offline-test",
            "--region=europe-west1",
            "--tempLocation=gs://newsbeam-offline-test/tmp",
            // set, so the SDK does not look the bucket up (its soft-delete policy) to derive it
            "--gcpTempLocation=gs://newsbeam-offline-test/tmp",
            "--workerMachineType=n2-standard-4",
            "--maxNumWorkers=7",
            "--jobName=newsbeam-offline",
            "--input=gs://newsbeam-offline-test/news/*",
            // build() prepares the output folder on the client: a local one keeps this test off the network
            "--output=" + tmp.newFolder("out"),
            // offline stand-ins shipped by Beam for exactly this: no credential, no bucket check, local staging
            "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
            "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
            "--stagingLocation=" + staging,
            "--filesToStage=" + stageOne,
            "--templateLocation=" + template)
        .withValidation()
        .as(DataflowPipelineOptions.class);

    DataflowRunner.fromOptions(options);
    PipelineResult result = NewsbeamPipeline.run(options.as(NewsbeamOptions.class));
    assertNotEquals(null, result);

    String text = Files.readString(template, StandardCharsets.UTF_8);
    JsonNode job = new ObjectMapper().readTree(text);
    assertEquals("newsbeam-offline", job.path("name").asText());
    assertThat(text, containsString("n2-standard-4"));
    for (String step : List.of("ReadRawDocuments", "ExtractContent", "StripBoilerplate", "CollapseDuplicates",
        "AssignEvents", "WriteEventPartitions", "PublishManifest")) {
      assertTrue("job has no " + step + " step", text.contains(step) || stagedPipelineMentions(staging, step));
    }
  }

  private static boolean stagedPipelineMentions(Path staging, String step) throws Exception {
    try (var files = Files.walk(staging)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(step)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test(timeout = 300_000)
  public void withoutCredentialsTheBundledJarFailsAtOnceSayingWhatToDo() throws Exception {
    Path home = tmp.newFolder("home-without-credentials").toPath();
    Path jar = Path.of(System.getProperty("newsbeam.bundledJar", "target/newsbeam-bundled.jar"));
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-Duser.home=" + home, "-jar", jar.toString(),
        "--runner=DataflowRunner", "--project=newsbeam-offline-test", "--region=europe-west1",
        "--tempLocation=gs://newsbeam-offline-test/tmp", "--input=gs://newsbeam-offline-test/news/*",
        "--output=gs://newsbeam-offline-test/out"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.remove("GOOGLE_APPLICATION_CREDENTIALS");
    env.put("HOME", home.toString());
    env.put("CLOUDSDK_CONFIG", home.resolve("gcloud").toString());
    Path log = tmp.getRoot().toPath().resolve("no-credentials.log");
    pb.redirectOutput(log.toFile());

    long start = System.nanoTime();
    Process p = pb.start();
    boolean ended = p.waitFor(2, TimeUnit.MINUTES);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = Files.readString(log);
    assertTrue("the launch hung without credentials:\n" + out, ended);
    assertNotEquals(0, p.exitValue());
    assertThat(out, containsString("nothing was sent"));
    assertThat(out, containsString("no Google Cloud credentials found"));
    assertThat(out, containsString("gcloud auth application-default login"));
    assertThat(out, not(containsString("Submitted job")));
    assertThat(took, lessThan(Duration.ofSeconds(60)));
  }
}
