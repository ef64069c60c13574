package io.newsbeam.boilerplate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.newsbeam.text.TextNormalizer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Runs every hand-made fixture in {@code src/test/resources/io/newsbeam/boilerplate/fixtures} (format in its
 * README): each names the lines that must leave the body (with their label), the lines that must stay, and the
 * expected fields.
 */
@RunWith(Parameterized.class)
public class LineClassifierFixturesTest {

  private final String name;
  private final Path file;

  public LineClassifierFixturesTest(String name, Path file) {
    this.name = name;
    this.file = file;
  }

  @Parameters(name = "{0}")
  public static List<Object[]> fixtures() throws IOException, URISyntaxException {
    Path dir = Path.of(LineClassifierFixturesTest.class.getResource("fixtures").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      List<Object[]> out = new ArrayList<>();
      s.filter(p -> p.toString().endsWith(".txt")).sorted()
          .forEach(p -> out.add(new Object[] {p.getFileName().toString(), p}));
      if (out.size() < 12) {
        throw new IllegalStateException("expected at least a dozen fixtures in " + dir + ", found " + out.size());
      }
      return out;
    }
  }

  @Test
  public void classifiesAsAnnotated() throws IOException {
    String all = Files.readString(file, StandardCharsets.UTF_8);
    int sep = all.indexOf("\n---\n");
    assertTrue(name + ": no '---' line", sep > 0);
    String header = all.substring(0, sep);
    String document = all.substring(sep + 5);
    String knownTitle = null;
    List<String[]> checks = new ArrayList<>();
    for (String line : header.split("\n")) {
      int colon = line.indexOf(": ");
      String key = line.substring(0, colon);
      String value = line.substring(colon + 2);
      if (key.equals("known-title")) {
        knownTitle = value;
      } else {
        checks.add(new String[] {key, value});
      }
    }
    CleanText clean = new LineClassifier().classify(LineClassifier.blocksOf(document), knownTitle);
    Set<String> body = clean.body().stream().map(TextNormalizer::collapseWhitespace).collect(Collectors.toSet());
    String explain = name + " → body " + clean.body() + "\n removed " + clean.removed();
    assertFalse(name + ": nothing to check", checks.isEmpty());
    for (String[] c : checks) {
      String key = c[0];
      String value = c[1];
      switch (key) {
        case "body" -> assertTrue("body line lost: " + value + "\n" + explain, body.contains(value));
        case "title" -> assertEquals(name, none(value), clean.title());
        case "subtitle" -> assertEquals(name, none(value), clean.subtitle());
        case "authors" -> assertEquals(name, value.equals("-") ? List.of() : Arrays.asList(value.split("; ")),
            clean.authors());
        case "published" -> assertEquals(name,
            value.equals("-") ? null : OffsetDateTime.parse(value).toInstant().toEpochMilli(), clean.publishedAt());
        default -> {
          assertTrue(name + ": unknown header " + key, key.startsWith("removed "));
          LineLabel label = LineLabel.valueOf(key.substring("removed ".length()));
          assertFalse("boilerplate kept: " + value + "\n" + explain, body.contains(value));
          assertTrue("not removed as " + label + ": " + value + "\n" + explain,
              clean.removed().contains(new CleanText.RemovedLine(value, label))
                  || clean.removed().stream().anyMatch(r -> r.label() == label
                      && TextNormalizer.collapseWhitespace(r.text()).equals(value)));
        }
      }
    }
  }

  private static String none(String v) {
    return v.equals("-") ? null : v;
  }
}
