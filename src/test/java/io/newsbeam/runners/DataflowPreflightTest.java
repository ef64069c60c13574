package io.newsbeam.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DataflowPreflightTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static final String[] COMPLETE = {
    "--runner=DataflowRunner", "--project=news-project", "--region=europe-west1",
    "--tempLocation=gs://news-bucket/tmp", "--stagingLocation=gs://news-bucket/staging",
    "--input=gs://news-bucket/in/**", "--output=gs://news-bucket/out",
    "--workerMachineType=n2-standard-4", "--maxNumWorkers=10", "--numWorkers=2"
  };

  private Path homeWithAdc() throws Exception {
    Path home = tmp.newFolder().toPath();
    Path adc = home.resolve(".config/gcloud/application_default_credentials.json");
    Files.createDirectories(adc.getParent());
    Files.writeString(adc, "{}");
    return home;
  }

  private static String[] with(String... extra) {
    String[] all = new String[COMPLETE.length + extra.length];
    System.arraycopy(COMPLETE, 0, all, 0, COMPLETE.length);
    System.arraycopy(extra, 0, all, COMPLETE.length, extra.length);
    return all;
  }

  @Test
  public void aCompleteLaunchWithGcloudCredentialsPasses() throws Exception {
    assertThat(DataflowPreflight.problems(COMPLETE, Map.of(), homeWithAdc()), empty());
  }

  @Test
  public void aKeyFileNamedByTheEnvironmentCounts() throws Exception {
    Path key = tmp.newFile("key.json").toPath();
    Path emptyHome = tmp.newFolder("empty").toPath();
    Assume.assumeTrue("not on a Google machine", DataflowPreflight.credentialsSource(Map.of(), emptyHome) == null);
    assertThat(DataflowPreflight.problems(COMPLETE, Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString()), emptyHome),
        empty());
    List<String> p = DataflowPreflight.problems(
        COMPLETE, Map.of("GOOGLE_APPLICATION_CREDENTIALS", key + ".missing"), emptyHome);
    assertThat(p, hasSize(1));
    assertThat(p.get(0), containsString("names no readable file"));
  }

  @Test
  public void noCredentialsSaysHowToGetThem() throws Exception {
    Path emptyHome = tmp.newFolder("empty").toPath();
    Assume.assumeTrue("not on a Google machine", DataflowPreflight.credentialsSource(Map.of(), emptyHome) == null);
    List<String> p = DataflowPreflight.problems(COMPLETE, Map.of(), emptyHome);
    assertThat(p, hasSize(1));
    assertThat(p.get(0), containsString("gcloud auth application-default login"));
    assertThat(p.get(0), containsString("GOOGLE_APPLICATION_CREDENTIALS"));
  }

  @Test
  public void missingOptionsAreAllNamedAtOnce() throws Exception {
    List<String> p = DataflowPreflight.problems(new String[] {"--runner=DataflowRunner"}, Map.of(), homeWithAdc());
    assertThat(p, hasItem(containsString("--project is missing")));
    assertThat(p, hasItem(containsString("--region is missing")));
    assertThat(p, hasItem(containsString("--tempLocation is missing")));
    assertThat(p, hasItem(containsString("--input is missing")));
    assertThat(p, hasItem(containsString("--output is missing")));
    assertThat(p, hasSize(5));
  }

  @Test
  public void localPathsAndBadSizingAreRefused() throws Exception {
    List<String> p = DataflowPreflight.problems(
        with("--tempLocation=/tmp/x", "--output=out", "--maxNumWorkers=0", "--workerMachineType=huge",
            "--region=Europe", "--project=X"),
        Map.of(), homeWithAdc());
    assertThat(p, hasItem(containsString("--tempLocation=/tmp/x must be a gs:// location")));
    assertThat(p, hasItem(containsString("--output=out must be a gs:// location")));
    assertThat(p, hasItem(containsString("--maxNumWorkers=0 must be a positive whole number")));
    assertThat(p, hasItem(containsString("--workerMachineType=huge is not a Compute Engine machine type")));
    assertThat(p, hasItem(containsString("--region=Europe is not a region name")));
    assertThat(p, hasItem(containsString("--project=X is not a project id")));
    assertThat(DataflowPreflight.problems(with("--numWorkers=20"), Map.of(), homeWithAdc()),
        hasItem(containsString("--numWorkers=20 is more than --maxNumWorkers=10")));
  }

  @Test
  public void onlyDataflowLaunchesAreChecked() throws Exception {
    assertTrue(DataflowPreflight.selectsDataflow(new String[] {"--runner=DataflowRunner"}));
    assertTrue(DataflowPreflight.selectsDataflow(new String[] {"--runner=dataflow"}));
    assertTrue(DataflowPreflight.selectsDataflow(
        new String[] {"--runner=org.apache.beam.runners.dataflow.DataflowRunner"}));
    assertFalse(DataflowPreflight.selectsDataflow(new String[] {"--runner=FlinkRunner"}));
    assertFalse(DataflowPreflight.selectsDataflow(new String[] {"--input=x"}));
    DataflowPreflight.check(new String[] {"--runner=DirectRunner"}, Map.of(), tmp.getRoot().toPath());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataflowPreflight.check(new String[] {"--runner=DataflowRunner"}, Map.of(), tmp.getRoot().toPath()));
    assertThat(e.getMessage(), containsString("nothing was sent"));
    assertThat(e.getMessage(), containsString("--project is missing"));
  }

  @Test
  public void theLastValueOfAnOptionWins() {
    assertEquals("b", DataflowPreflight.parse(new String[] {"--x=a", "--x=b", "positional"}).get("x"));
    assertEquals("true", DataflowPreflight.parse(new String[] {"--flag"}).get("flag"));
    assertNull(DataflowPreflight.parse(new String[] {"positional"}).get("positional"));
  }
}
