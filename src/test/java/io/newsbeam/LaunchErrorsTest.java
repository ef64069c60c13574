package io.newsbeam;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;

import io.newsbeam.testing.Paths;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What {@code pipelines/direct.sh} (NewsbeamPipeline.main) prints for bad options and input: one line, exit 2. */
public class LaunchErrorsTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private record Result(int code, String out, String err) {}

  private Result launch(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = NewsbeamPipeline.launch(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  public void anUnknownExtractorIsOneLineBeforeTheRunnerStarts() {
    Result r = launch("--input=" + Paths.sampleInput() + "/*", "--output=" + tmp.getRoot() + "/out",
        "--runner=DirectRunner", "--extractor=foo");
    assertEquals(2, r.code());
    assertThat(r.err(), containsString("newsbeam: --extractor=foo is not known; use one of newsbeam, boilerpipe, text"));
    assertThat(r.err(), not(containsString("\tat ")));
    assertThat(r.out(), not(containsString("running on")));
  }

  @Test
  public void aMisspelledOptionAndAnEmptyGlobAreClearErrors() throws Exception {
    Result typo = launch("--input=" + Paths.sampleInput() + "/*", "--output=" + tmp.getRoot() + "/out",
        "--runner=DirectRunner", "--eventSimilarty=0.5");
    assertEquals(2, typo.code());
    assertThat(typo.err(), containsString("eventSimilarty"));
    Result none = launch("--input=" + tmp.newFolder("in") + "/*.html", "--output=" + tmp.getRoot() + "/out",
        "--runner=DirectRunner");
    assertEquals(2, none.code());
    assertThat(none.err(), containsString("matches no files"));
  }
}
