package io.newsbeam.extract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.newsbeam.testing.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.Test;

/** The fast path answers only where Tika's own detection gives the same type. */
public class FastTypesTest {
  private final Detector tika = new AutoDetectParser().getDetector();

  private MediaType tika(byte[] bytes, String name) throws IOException {
    Metadata m = new Metadata();
    m.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    return tika.detect(TikaInputStream.get(bytes), m);
  }

  @Test
  public void agreesWithTikaOnEveryPageAndDocumentAtHand() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(Paths.shared().resolve("dev-data"), Paths.sampleInput(),
        Paths.project().resolve("src/test/resources"))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.filter(Files::isRegularFile).filter(p -> p.toString().matches("(?i).*\\.(html?|pdf)$")).forEach(files::add);
        }
      }
    }
    int answered = 0;
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      String name = f.getFileName().toString();
      MediaType fast = FastTypes.detect(bytes, name);
      if (fast != null) {
        answered++;
        assertEquals(f.toString(), tika(bytes, name), fast);
      }
    }
    // the dev data's pages are mostly plain HTML: the fast path must answer for most of them
    assertThat(answered, greaterThan(files.size() / 2));
  }

  @Test
  public void leavesXhtmlXmlAndOtherNamesToTika() throws IOException {
    String xhtml = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
        + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\">";
    assertNull(FastTypes.detect(xhtml.getBytes(StandardCharsets.UTF_8), "page.html"));
    assertNull(FastTypes.detect("<?xml version=\"1.0\"?><html>".getBytes(StandardCharsets.UTF_8), "page.html"));
    assertNull(FastTypes.detect("<html xmlns=\"http://www.w3.org/1999/xhtml\">".getBytes(StandardCharsets.UTF_8), "a.htm"));
    assertNull(FastTypes.detect("<!doctype html><p>hi".getBytes(StandardCharsets.UTF_8), "notes.txt"));
    assertNull(FastTypes.detect("%PDF-1.7".getBytes(StandardCharsets.UTF_8), "scan.bin"));
    byte[] page = "\ufeff \n<!DOCTYPE html><html><body><p>Hello</p></body></html>".getBytes(StandardCharsets.UTF_8);
    assertEquals(MediaType.TEXT_HTML, FastTypes.detect(page, "story.HTML"));
    assertEquals(tika(page, "story.HTML"), FastTypes.detect(page, "story.HTML"));
  }
}
