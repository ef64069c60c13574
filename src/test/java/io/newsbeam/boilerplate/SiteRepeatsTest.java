package io.newsbeam.boilerplate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class SiteRepeatsTest {
  private static final SiteRepeats.Threshold T = SiteRepeats.Threshold.defaults();
  private static final String CHROME = "The Harbor Gazette Weekend Edition";
  private static final String QUOTE =
      "“The more unstable the world is, the more we need to advance our cooperation,” she said.";

  private static String article(int i, String... extra) {
    List<String> lines = new ArrayList<>();
    lines.add("Story number " + i + " about the harbor");
    lines.add("Paragraph one of story " + i + " tells what happened at the harbor on day " + i + ".");
    lines.addAll(List.of(extra));
    lines.add("Paragraph two of story " + i + " tells what the mayor said about it afterwards.");
    return String.join("\n\n", lines);
  }

  @Test
  public void chromeNeedsFewDocumentsAndSentencesNeedMany() {
    String chrome = SiteRepeats.lineKey(CHROME);
    String sentence = SiteRepeats.lineKey(QUOTE);
    assertEquals('c', chrome.charAt(0));
    assertEquals('s', sentence.charAt(0));
    assertFalse(T.isBoilerplate(chrome, 2, 10));
    assertTrue(T.isBoilerplate(chrome, 3, 10));
    assertFalse("a share of the site is needed as well", T.isBoilerplate(chrome, 3, 1000));
    assertTrue(T.isBoilerplate(chrome, 20, 1000));
    assertFalse("the same quote in three articles is not boilerplate", T.isBoilerplate(sentence, 3, 10));
    assertFalse(T.isBoilerplate(sentence, 5, 100));
    assertTrue("a blurb under every article is", T.isBoilerplate(sentence, 100, 100));
  }

  @Test
  public void keysIgnoreCaseWhitespaceAndPunctuationButNotWords() {
    assertEquals(SiteRepeats.lineKey("MRC  Store"), SiteRepeats.lineKey("mrc store"));
    assertTrue(!SiteRepeats.lineKey("MRC Store").equals(SiteRepeats.lineKey("MRC Stores")));
    assertNull(SiteRepeats.lineKey(" * * * "));
  }

  @Test
  public void scopeIsTheSiteElseTheFolder() {
    assertEquals("site:The Ledger", SiteRepeats.scopeOf("The Ledger", "/in/a/x.html"));
    assertEquals("folder:/in/a", SiteRepeats.scopeOf(null, "/in/a/x.txt"));
    assertEquals("folder:/in/a/b.zip", SiteRepeats.scopeOf("", "/in/a/b.zip!/x.txt"));
  }

  @Test
  public void siteChromeIsFoundAndRepeatedQuotesAreNot() {
    SiteRepeats.Tally tally = new SiteRepeats.Tally();
    for (int i = 0; i < 10; i++) {
      tally.add("site:a", i < 3 ? article(i, CHROME, QUOTE) : article(i, CHROME));
    }
    tally.add("site:b", article(99, QUOTE));
    Set<String> repeated = tally.repeated("site:a", T);
    assertThat(repeated, hasItem(SiteRepeats.lineKey(CHROME)));
    assertThat(repeated, not(hasItem(SiteRepeats.lineKey(QUOTE))));
    assertEquals("another site does not count", Set.of(), tally.repeated("site:b", T));
  }

  @Test
  public void exactCopiesCountOnce() {
    SiteRepeats.Tally tally = new SiteRepeats.Tally();
    for (int i = 0; i < 5; i++) {
      tally.add("folder:/in", article(1, CHROME)); // the same file five times (a mirror, a gzip copy)
    }
    tally.add("folder:/in", article(2));
    assertEquals(Set.of(), tally.repeated("folder:/in", T));
  }

  @Test
  public void aCopyOfAStoryKeepsItsRepeatedProse() {
    // Six updated versions of one story on one site: the shared paragraphs are evidence for dedup.
    String p1 = "The council voted on Tuesday to close the old bridge to cars for the whole summer.";
    String p2 = "Engineers found cracks in two of the supporting piers during an inspection in May.";
    SiteRepeats.Tally tally = new SiteRepeats.Tally();
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      versions.add(String.join("\n\n", "Bridge closes (update " + i + ")", p1, p2, CHROME, "Update " + i + " added."));
      tally.add("site:a", versions.get(i));
    }
    Set<String> repeated = tally.repeated("site:a", T);
    assertThat(repeated, hasItem(SiteRepeats.lineKey(p1)));
    CleanText clean = new LineClassifier().classify(LineClassifier.blocksOf(versions.get(0)), null, repeated);
    assertThat(clean.body(), hasItem(p1));
    assertThat(clean.body(), hasItem(p2));
    assertThat(clean.body(), not(hasItem(CHROME)));
    assertThat(clean.removed(), hasItem(new CleanText.RemovedLine(CHROME, LineLabel.SITE_REPEATED)));
  }

  @Test
  public void rejectsNonsenseThresholds() {
    assertThrows(IllegalArgumentException.class, () -> new SiteRepeats.Threshold(1, 0.1, 5, 0.4));
    assertThrows(IllegalArgumentException.class, () -> new SiteRepeats.Threshold(3, 1.5, 5, 0.4));
  }
}
