package io.newsbeam.text;

import static org.junit.Assert.assertEquals;

import java.util.List;
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
}
