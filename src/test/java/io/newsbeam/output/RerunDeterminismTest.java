package io.newsbeam.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.newsbeam.NewsbeamPipeline;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.Reject;
import io.newsbeam.testing.Paths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Reruns and determinism: the same input copied in opposite creation orders into two folders and run with
 * --targetParallelism=1 and =4 gives the same records and ids; a rerun into a finished output folder refuses
 * without --overwrite and replaces it with it; no staging folder is left behind.
 */
public class RerunDeterminismTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();

  private static Path inA;
  private static Path inB;
  private static Path outA;
  private static Path outB;

  @BeforeClass
  public static void runTwice() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(Paths.sampleInput())) {
      files = new ArrayList<>(s.sorted().toList());
    }
    inA = tmp.newFolder("a", "in").toPath();
    inB = tmp.newFolder("b", "in").toPath();
    for (Path f : files) {
      Files.copy(f, inA.resolve(f.getFileName()));
    }
    Collections.reverse(files);
    for (Path f : files) {
      Files.copy(f, inB.resolve(f.getFileName()));
    }
    outA = tmp.getRoot().toPath().resolve("a/out");
    outB = tmp.getRoot().toPath().resolve("b/out");
    run(inA, outA, "--targetParallelism=1");
    run(inB, outB, "--targetParallelism=4");
  }

  static void run(Path in, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--input=" + in + "/*", "--output=" + out, "--runner=DirectRunner", "--parseIsolation=none"));
    args.addAll(List.of(extra));
    NewsbeamPipeline.main(args.toArray(String[]::new));
  }

  /** Every record of every table as text, the input folder replaced by a placeholder, sorted. */
  static List<String> records(Path out, Path in) {
    List<String> all = new ArrayList<>();
    String folder = in.toString();
    AvroTables.read(out.resolve("articles"), Article.class).forEach(r -> all.add("article " + r));
    AvroTables.read(out.resolve("duplicates"), Article.class).forEach(r -> all.add("duplicate " + r));
    AvroTables.read(out.resolve("events"), Event.class).forEach(r -> all.add("event " + r));
    AvroTables.read(out.resolve("rejects"), Reject.class).forEach(r -> all.add("reject " + r));
    return all.stream().map(s -> s.replace(folder, "<input>")).sorted().toList();
  }

  static List<Path> staged(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().startsWith(OutputFolder.STAGING_PREFIX)).toList();
    }
  }

  @Test
  public void shuffledOrderAndParallelismGiveIdenticalRecordsAndIds() throws Exception {
    List<String> a = records(outA, inA);
    List<String> b = records(outB, inB);
    assertThat(a, not(empty()));
    assertEquals(a, b);
    assertTrue(Files.exists(outA.resolve("_SUCCESS")));
    assertTrue(Files.exists(outB.resolve("_SUCCESS")));
  }

  @Test
  public void noStagingFolderIsLeftAndTablesAreInPlace() throws Exception {
    assertThat(staged(outA), empty());
    assertThat(staged(outB), empty());
    for (String table : List.of("articles", "events", "rejects")) {
      assertTrue(table, Files.isDirectory(outA.resolve(table)));
    }
  }

  @Test
  public void aRerunRefusesWithoutOverwriteAndReplacesWithIt() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("rerun");
    run(inA, out);
    List<String> first = records(out, inA);
    StringWriter said = new StringWriter();
    StringWriter err = new StringWriter();
    int code = NewsbeamPipeline.launch(new String[] {"--input=" + inA + "/*", "--output=" + out,
        "--runner=DirectRunner", "--parseIsolation=none"}, new PrintWriter(said), new PrintWriter(err));
    assertEquals("a second run into a finished folder must refuse", 2, code);
    assertThat(err.toString(), containsString("already holds"));
    assertThat(err.toString(), containsString("--overwrite=true"));
    assertThat("refused before the runner started", said.toString(), not(containsString("running on")));
    Files.writeString(out.resolve("articles/stale-from-an-old-run.avro"), "stale");
    run(inA, out, "--overwrite=true");
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    assertTrue("the old file is gone", !Files.exists(out.resolve("articles/stale-from-an-old-run.avro")));
    assertEquals(first, records(out, inA));
    assertThat(staged(out), empty());
  }
}
