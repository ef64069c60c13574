package io.newsbeam.extract.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.newsbeam.testing.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.junit.Test;

/** The canonical link is found where a "<link" starts, with the same answer as a search of the whole head. */
public class HtmlMetadataTest {
  private static final Pattern CANONICAL =
      Pattern.compile("<link[^>]*rel=[\"']?canonical[\"']?[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HREF = Pattern.compile("href=[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

  /** The plain definition: the first match in the first 200,000 characters. */
  private static String bySearch(String html) {
    Matcher m = CANONICAL.matcher(html.substring(0, Math.min(html.length(), 200_000)));
    if (m.find()) {
      Matcher h = HREF.matcher(m.group());
      if (h.find() && h.group(1).startsWith("http")) {
        return h.group(1).strip();
      }
    }
    return null;
  }

  @Test
  public void findsTheFirstCanonicalLinkInAnyCase() {
    Metadata none = new Metadata();
    String page = "<html><head><link rel=\"stylesheet\" href=\"https://a.example/s.css\">"
        + "<LINK REL='Canonical' HREF='https://a.example/story'><link rel=canonical href=\"https://b.example/\">";
    assertEquals("https://a.example/story", HtmlMetadata.canonical(page, none));
    assertNull(HtmlMetadata.canonical("<link rel=\"canonical\" href=\"/relative/path\">", none));
    assertNull(HtmlMetadata.canonical("<p>no links</p><lin", none));
    String late = "x".repeat(200_000) + "<link rel=\"canonical\" href=\"https://a.example/late\">";
    assertNull("only the first 200,000 characters are read", HtmlMetadata.canonical(late, none));
    Metadata og = new Metadata();
    og.set("og:url", "https://a.example/og");
    assertEquals("https://a.example/og", HtmlMetadata.canonical(page, og));
  }

  @Test
  public void agreesWithASearchOfTheWholeHeadOnEveryPageAtHand() throws IOException {
    List<Path> pages;
    try (Stream<Path> s = Files.walk(Paths.shared().resolve("dev-data"))) {
      pages = s.filter(Files::isRegularFile).filter(p -> p.toString().matches("(?i).*\\.html?$"))
          .collect(Collectors.toList());
    }
    int found = 0;
    for (Path p : pages) {
      String html = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      String expected = bySearch(html);
      assertEquals(p.toString(), expected, HtmlMetadata.canonical(html, new Metadata()));
      found += expected == null ? 0 : 1;
    }
    assertThat("pages with a canonical link", found, greaterThan(10));
  }
}
