package io.newsbeam.bench;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The benchmark corpus generator: renaming rounds, determinism, and that the default pool is unchanged by them. */
public class CorpusGeneratorTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void roundsRenameNamesButNotSentenceOpenings() {
    assertEquals("", CorpusGenerator.suffix(0));
    assertEquals("b", CorpusGenerator.suffix(1));
    assertEquals("ba", CorpusGenerator.suffix(26));
    String text = "Police in Springfield said John Smith was held. \"The Mayor\" spoke: Residents left.";
    assertEquals(text, CorpusGenerator.renamedText(text, 0));
    assertEquals("Police in Springfieldc said Johnc Smithc was held. \"The Mayorc\" spoke: Residents left.",
        CorpusGenerator.renamedText(text, 2));
  }

  @Test
  public void htmlIsRenamedInTextNodesOnly() {
    String html = "<html><head><title>Fire In Dover</title><style>.Main{}</style></head><body>"
        + "<p class=\"Lead\">Mayor Jones met <a href=\"/Paris\">Paris</a> officials.</p>"
        + "<script>var Name = \"Foo Bar\";</script><!-- Kept Here --><p>Crews from Kent came.</p></body></html>";
    assertEquals("<html><head><title>Fire Inb Doverb</title><style>.Main{}</style></head><body>"
        + "<p class=\"Lead\">Mayor Jonesb met <a href=\"/Paris\">Parisb</a> officials.</p>"
        + "<script>var Name = \"Foo Bar\";</script><!-- Kept Here --><p>Crews from Kentb came.</p></body></html>",
        CorpusGenerator.renamedHtml(html, 1));
  }

  @Test
  public void copiesGrowThePoolWithNAndTheSameSeedGivesTheSameFiles() throws IOException {
    Path shared = tmp.newFolder("shared").toPath();
    Path html = Files.createDirectories(shared.resolve("dev-data/extraction_html/html"));
    Files.writeString(html.resolve("a.html"), "<html><body><p>Ministers in Berlin met Anna Weber.</p></body></html>");
    Path txt = Files.createDirectories(shared.resolve("dev-data/events_ecbplus/txt"));
    for (int k = 0; k < 3; k++) {
      Files.writeString(txt.resolve("t" + k + ".txt"),
          "Storm Hits Coast " + k + "\n\nThe storm reached Galveston on Monday, officials in Texas said.\n\n"
              + "Governor Abbott ordered shelters opened.\n");
    }
    Path sample = tmp.newFolder("sample").toPath();
    CorpusGenerator pooled = new CorpusGenerator(shared, sample, 7L, 0);
    CorpusGenerator grown = new CorpusGenerator(shared, sample, 7L, 2);
    assertEquals(1, pooled.rounds(400));
    assertEquals(50, grown.rounds(400)); // 400 documents / (2 per story x 4 stories: 1 page, 3 texts)

    Path a = tmp.getRoot().toPath().resolve("a");
    Path b = tmp.getRoot().toPath().resolve("b");
    new CorpusGenerator(shared, sample, 7L, 2).generate(400, a);
    new CorpusGenerator(shared, sample, 7L, 2).generate(400, b);
    List<Path> filesA = files(a);
    assertEquals(400, filesA.size());
    assertEquals(filesA.stream().map(a::relativize).toList(), files(b).stream().map(b::relativize).toList());
    for (Path f : filesA) {
      assertArrayEquals(f.toString(), Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))));
    }
    Set<String> places = new TreeSet<>();
    for (Path f : filesA) {
      if (f.toString().endsWith(".txt")) {
        String s = text(f);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Galveston[a-z]*").matcher(s);
        while (m.find()) {
          places.add(m.group());
        }
      }
    }
    assertTrue("the same story in many rounds: " + places, places.size() > 10);

    Path c = tmp.getRoot().toPath().resolve("c");
    pooled.generate(400, c);
    Set<String> pooledPlaces = new TreeSet<>();
    for (Path f : files(c)) {
      if (f.toString().endsWith(".txt") && text(f).contains("Galveston")) {
        pooledPlaces.add(text(f).contains("Galvestonb") ? "renamed" : "original");
      }
    }
    assertEquals(Set.of("original"), pooledPlaces);
    assertNotEquals(files(c).size(), 0);
  }

  /** Lenient: broken files are noise. */
  private static String text(Path f) throws IOException {
    return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
