package io.newsbeam.quotes;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;

import java.util.Map;
import org.junit.Test;

public class ParagraphHashesTest {
  @Test
  public void sameParagraphSameHashDespiteCaseAndPunctuation() {
    Map<Integer, String> a = ParagraphHashes.of(
        "Short line.\n\nThe council approved the protected bike lanes on Mill Street by seven votes to two.");
    Map<Integer, String> b = ParagraphHashes.of(
        "THE COUNCIL approved the protected bike lanes on Mill Street, by seven votes to two!\n\nAnother ending paragraph with enough words in it.");
    assertFalse("short paragraphs are not hashed", a.containsKey(0));
    assertEquals(a.get(1), b.get(0));
    assertNotEquals(b.get(0), b.get(1));
  }
}
