package io.newsbeam.transforms;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.newsbeam.extract.ExtractionLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The glob is matched by newsbeam's own step (not FileIO.match) and every matched file is read once. */
public class ReadRawDocumentsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final TemporaryFolder dir = new TemporaryFolder();

  @Test
  public void everyMatchedFileIsReadOnce() throws IOException {
    for (int i = 0; i < 40; i++) {
      Files.writeString(dir.getRoot().toPath().resolve("doc" + i + ".txt"), "text of document " + i,
          StandardCharsets.UTF_8);
    }
    WithRejects<RawDocument> read =
        p.apply(ReadRawDocuments.from(dir.getRoot() + "/*.txt", "", ExtractionLimits.DEFAULTS));
    PCollection<String> texts = read.output().apply(MapElements.into(TypeDescriptors.strings())
        .via((RawDocument d) -> new String(d.bytes(), StandardCharsets.UTF_8)));
    java.util.List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      expected.add("text of document " + i);
    }
    PAssert.that(texts).containsInAnyOrder(expected);
    PAssert.that(read.rejects()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  public void aGlobMatchingNothingSaysSo() {
    Path missing = dir.getRoot().toPath().resolve("nothing-here");
    p.apply(ReadRawDocuments.from(missing + "/*.html", "", ExtractionLimits.DEFAULTS));
    Exception e = assertThrows(Exception.class, () -> p.run().waitUntilFinish());
    String messages = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages += t.getMessage() + "\n";
    }
    assertTrue(messages, messages.contains("matches no files"));
  }
}
