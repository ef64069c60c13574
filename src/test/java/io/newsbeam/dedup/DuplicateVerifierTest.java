package io.newsbeam.dedup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.newsbeam.testing.Syndication;
import java.util.List;
import org.junit.Test;

public class DuplicateVerifierTest {
  private final DuplicateVerifier v = DuplicateVerifier.DEFAULT;

  @Test
  public void exactCopiesAreDuplicates() {
    DocFeatures a = DedupTestTexts.features("a", DedupTestTexts.seed("002"));
    DocFeatures b = DedupTestTexts.features("b", DedupTestTexts.seed("002"));
    assertTrue(v.isDuplicate(a, b));
    assertEquals(1.0, DuplicateVerifier.similarity(a, b), 0.0);
  }

  @Test
  public void editedWireCopiesAreDuplicates() {
    for (String seed : List.of("000", "001", "002", "003", "004")) {
      List<String> p = DedupTestTexts.paragraphs(seed);
      DocFeatures original = DedupTestTexts.features("o", String.join("\n", p));
      for (long variant = 1; variant <= 5; variant++) {
        DocFeatures copy = DedupTestTexts.features("c", Syndication.variant(p, variant, 0.08));
        DuplicateVerifier.Signals s = DuplicateVerifier.signals(original, copy);
        assertTrue(seed + " variant " + variant + " " + s, v.isDuplicate(s));
        // edits at 8 % of words leave well under the 0.8 Jaccard of web-scale defaults
        assertTrue(seed + " " + s, s.jaccard() < 0.8);
      }
    }
  }

  @Test
  public void differentStoriesOfOneEventStayApart() {
    // seeds 000, 001, 003 and 004 report the same talks (Guilin, March 2021) in different articles
    List<String> seeds = List.of("000", "001", "003", "004", "002");
    for (String x : seeds) {
      for (String y : seeds) {
        if (x.compareTo(y) < 0) {
          DuplicateVerifier.Signals s = DuplicateVerifier.signals(
              DedupTestTexts.features(x, DedupTestTexts.seed(x)), DedupTestTexts.features(y, DedupTestTexts.seed(y)));
          assertFalse(x + " vs " + y + " " + s, v.isDuplicate(s));
        }
      }
    }
  }

  @Test
  public void sameTopicSameTitleButNewTextStaysApart() {
    // a follow-up that reuses the headline and one sentence but is otherwise another story
    List<String> p = DedupTestTexts.paragraphs("002");
    List<String> q = DedupTestTexts.paragraphs("000");
    String followUp = p.get(0) + "\n" + p.get(2) + "\n" + String.join("\n", q.subList(1, q.size()));
    DuplicateVerifier.Signals s = DuplicateVerifier.signals(
        DedupTestTexts.features("a", String.join("\n", p)), DedupTestTexts.features("b", followUp));
    assertFalse(s.toString(), v.isDuplicate(s));
  }

  @Test
  public void datesFarApartNeedNearIdenticalText() {
    // half of 002's text under 002's headline, the rest from another story: a partial match
    List<String> p = DedupTestTexts.paragraphs("002");
    List<String> q = DedupTestTexts.paragraphs("000");
    String body = String.join("\n\n", p.subList(1, p.size()));
    String mixed = String.join("\n\n", p.subList(1, 7)) + "\n\n" + String.join("\n\n", q.subList(1, 10));
    DocFeatures a = DocFeatures.of("a", p.get(0), body, 0L);
    DocFeatures near = DocFeatures.of("b", p.get(0), mixed, 86_400_000L);
    DocFeatures far = DocFeatures.of("c", p.get(0), mixed, 30L * 86_400_000L);
    DuplicateVerifier.Signals s = DuplicateVerifier.signals(a, near);
    assertTrue(s.toString(), s.containment() < 0.6 && s.containment() >= 0.3);
    assertTrue(v.isDuplicate(a, near));
    assertFalse(v.isDuplicate(a, far));
    assertTrue(v.isDuplicate(a, DocFeatures.of("d", p.get(0), body, 30L * 86_400_000L)));
  }

  @Test
  public void shortChromeLinesAreNotShingled() {
    String prose = String.join("\n\n", DedupTestTexts.paragraphs("002").subList(1, 6));
    DocFeatures plain = DocFeatures.of("a", "t", prose, null);
    DocFeatures chrome = DocFeatures.of("b", "t", "Home | News | Sports\n\nShare this\n\n" + prose + "\n\nMost read\n\nAdvertisement", null);
    assertEquals(plain.shingles().length, chrome.shingles().length);
    assertEquals(1.0, DuplicateVerifier.signals(plain, chrome).containment(), 0.0);
  }
}
