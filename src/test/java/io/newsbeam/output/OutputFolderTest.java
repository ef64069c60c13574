package io.newsbeam.output;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Staging and publishing on the local filesystem through Beam's FileSystems. */
public class OutputFolderTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void publishMovesStagedFilesIntoPlaceAndRemovesTheStagingFolder() throws Exception {
    Path out = tmp.newFolder("out").toPath();
    String staging = OutputFolder.staging(out.toString(), "run/1 x");
    assertEquals(out + "/_temporary-run_1_x", staging);
    Path s = Path.of(staging);
    Files.createDirectories(s.resolve("articles/event=e1"));
    Files.writeString(s.resolve("articles/event=e1/part-0.avro"), "a");
    Files.createDirectories(s.resolve("rejects"));
    Files.writeString(s.resolve("rejects/part-0.avro"), "r");
    assertFalse(Files.exists(out.resolve("articles")));

    OutputFolder.publish(staging, out.toString());
    assertEquals("a", Files.readString(out.resolve("articles/event=e1/part-0.avro")));
    assertEquals("r", Files.readString(out.resolve("rejects/part-0.avro")));
    assertFalse("staging folder removed", Files.exists(s));

    OutputFolder.publish(staging, out.toString()); // a retried publish is harmless
    assertTrue(Files.exists(out.resolve("rejects/part-0.avro")));
  }

  @Test
  public void overwriteDeletesEverythingAndRefusalNamesTheOption() throws Exception {
    Path out = tmp.newFolder("old").toPath();
    Files.createDirectories(out.resolve("articles/event=x"));
    Files.writeString(out.resolve("articles/event=x/part.avro"), "x");
    Files.writeString(out.resolve("_SUCCESS"), "");
    try {
      OutputFolder.prepare(out.toString(), false);
      throw new AssertionError("must refuse");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("--overwrite=true"));
    }
    OutputFolder.prepare(out.toString(), true);
    assertFalse(Files.exists(out.resolve("_SUCCESS")));
    assertFalse(Files.exists(out.resolve("articles")));
  }
}
