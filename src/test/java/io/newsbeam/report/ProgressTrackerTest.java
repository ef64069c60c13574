package io.newsbeam.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ProgressTrackerTest {
  @Test
  public void lineShowsDoneTotalRatesAndEta() {
    ProgressTracker t = new ProgressTracker(0);
    t.sample(10_000, Map.of(ProgressTracker.MATCHED, 100L, ProgressTracker.FILES, 25L,
        ProgressTracker.BYTES, 5_000_000L, ProgressTracker.EXTRACTED, 20L, "newsbeam.extract/rejects_parse_error", 2L));
    String line = t.line(10_000);
    assertThat(line, containsString("files 25/100 (25%)"));
    assertThat(line, containsString("2.5 files/s"));
    assertThat(line, containsString("0.50 MB/s"));
    assertThat(line, containsString("extracted 20"));
    assertThat(line, containsString("rejects 2"));
    assertThat(line, containsString("ETA 0:30")); // 75 files left at 2.5 files/s
    assertThat(line, containsString("0:10 elapsed"));
  }

  @Test
  public void unknownTotalAndFinishedReading() {
    ProgressTracker t = new ProgressTracker(0);
    t.sample(1_000, Map.of(ProgressTracker.FILES, 3L));
    assertThat(t.line(1_000), containsString("files 3/?"));
    t.sample(2_000, Map.of(ProgressTracker.MATCHED, 4L, ProgressTracker.FILES, 4L));
    t.sample(8_000, Map.of(ProgressTracker.MATCHED, 4L, ProgressTracker.FILES, 4L));
    String line = t.line(8_000);
    assertThat(line, containsString("files 4/4 (100%)"));
    assertThat(line, containsString("all files read"));
    assertThat("rate over the reading window, not the whole run", line, containsString("2.0 files/s"));
  }

  @Test
  public void stageWindowsFromCounterChanges() {
    ProgressTracker t = new ProgressTracker(0);
    t.sample(1_000, Map.of("newsbeam.read/files", 2L, "newsbeam.read/documents", 2L));
    t.sample(2_000, Map.of("newsbeam.read/files", 5L, "newsbeam.read/documents", 6L, "newsbeam.extract/documents", 1L));
    t.sample(3_000, Map.of("newsbeam.read/files", 5L, "newsbeam.read/documents", 6L, "newsbeam.extract/documents", 4L));
    t.sample(4_000, Map.of("newsbeam.read/files", 5L, "newsbeam.read/documents", 6L, "newsbeam.extract/documents", 4L));
    List<RunReport.StageTiming> stages = t.stages();
    assertEquals(2, stages.size());
    assertEquals(new RunReport.StageTiming("read", 0, 2_000, 6), stages.get(0));
    assertEquals(new RunReport.StageTiming("extract", 1_000, 3_000, 4), stages.get(1));
  }
}
