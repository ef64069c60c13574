package io.newsbeam.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.Assert.assertEquals;

import io.newsbeam.testing.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

public class TextNormalizerTest {
  @Test
  public void foldsCasePunctuationAndWhitespace() {
    assertEquals("the more unstable the world", TextNormalizer.normalize("  “The more UNSTABLE,  the world…” "));
  }

  @Test
  public void typographicAndStraightQuotesNormaliseAlike() {
    assertEquals(TextNormalizer.normalize("China’s \"hegemony\""), TextNormalizer.normalize("China's “hegemony”"));
  }

  @Test
  public void keepsLettersOfEveryScriptAndDigits() {
    assertEquals("müller sagte 2021 北京", TextNormalizer.normalize("Müller sagte (2021): 北京!"));
  }

  @Test
  public void wordsOfEmptyTextIsEmpty() {
    assertEquals(List.of(), TextNormalizer.words(" ... "));
    assertEquals(List.of("a", "b"), TextNormalizer.words("A, b."));
  }

  @Test
  public void collapseWhitespaceKeepsPunctuation() {
    assertEquals("a, b. c", TextNormalizer.collapseWhitespace(" a,\n\tb.\u00A0 c "));
  }

  @Test
  public void shortHashIsStableAndSized() {
    assertEquals(Hashing.shortHash("abc", 8), Hashing.shortHash("abc", 8));
    assertEquals("ba7816bf", Hashing.shortHash("abc", 8));
  }

  @Test
  public void surrogatePairsAreKeptWholeAndLoneHalvesDropped() {
    assertEquals("ab x", TextNormalizer.normalize("𝐀𝐁 — x")); // NFKC folds mathematical bold letters
    assertEquals(reference("a\uD835 b \uDC00c 😀 d𠀀"), TextNormalizer.normalize("a\uD835 b \uDC00c 😀 d𠀀"));
    assertEquals("a b c d𠀀", TextNormalizer.normalize("a\uD835 b \uDC00c 😀 d𠀀"));
  }

  /** The one-code-point-at-a-time normalisation that {@link TextNormalizer#normalize} replaced: same answers. */
  private static String reference(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        out.appendCodePoint(cp);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) == ' ') {
      out.setLength(len - 1);
    }
    return out.toString();
  }

  @Test
  public void agreesWithTheCodePointNormalisationOnEveryDevFileLineAndWhole() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Paths.shared().resolve("dev-data"))) {
      files = s.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    int lines = 0;
    for (Path p : files) {
      String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      assertEquals(p.toString(), reference(text), TextNormalizer.normalize(text));
      for (String line : text.split("\n")) {
        assertEquals(p + ": " + line, reference(line), TextNormalizer.normalize(line));
        lines++;
      }
    }
    assertThat("lines compared", lines, greaterThan(10_000));
  }
}
