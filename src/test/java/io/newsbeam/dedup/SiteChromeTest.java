package io.newsbeam.dedup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.newsbeam.schema.Article;
import io.newsbeam.testing.Syndication;
import io.newsbeam.testing.TestArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Site chrome that survived extraction and cleaning must not make different stories copies: template-only
 * bodies, script shown as text, lists of sections or names, promo blocks at the top of pages of one site.
 */
public class SiteChromeTest {
  private static final Instant T0 = Instant.parse("2007-01-10T12:00:00Z");

  /** A site's section list: 200 words, one question mark ("Why Not?"), no sentence. */
  private static final String SECTIONS = sections();
  private static final String SCRIPT = "<SCRIPT LANGUAGE='JavaScript1.1'>if (document.layers) {document.write('<SCR' + "
      + "'IPT language=JavaScript1.1 SRC=/Global/ad.asp?type=single&cls1=News&src1=loc&spct1=100&sz1=wnsz_20"
      + "&callType=script />'); document.close();}</SCRIPT>";
  private static final String PROMO = "A clean, uncluttered resume can help you get the job. Find out how to clean up "
      + "your resume and make an impact! Whether you want to pay off some bills, remodel, or get a better rate, you "
      + "can refinance your home in minutes. Just enter your name and other important information and get a handful "
      + "of approval values and rates in minutes. Do you have the best deal on insurance for your car? Find out online.";

  private static String sections() {
    StringBuilder b = new StringBuilder("All Sources Why Not?");
    String[] words = {"Business", "Markets", "Technology", "Autos", "Health", "Travel", "Opinion", "Lifestyle",
        "Wine Club", "Best Of The Web", "Careers", "Real Estate", "Sports Feature", "Stock Of The Week"};
    for (int i = 0; b.toString().split(" ").length < 200; i++) {
      b.append(' ').append(words[i % words.length]).append(' ').append("Section ").append(i);
    }
    return b.toString();
  }

  @Test
  public void scriptListsAndShortLinesAreNotProse() {
    assertFalse(DocFeatures.isProse(SCRIPT, 30));
    assertFalse(DocFeatures.isProse(SECTIONS, 200));
    assertFalse(DocFeatures.isProse("Text Size", 2));
    String names = "Columnists: Frank J. Gaffney, Jr. Harry R. Jackson, Jr. Dr. Elizabeth Kantor Janet M. LaRue "
        + "Debra J. Saunders Clinton W. Taylor Caroline B. Glick Larry J. Sabato Robert D. Novak Thomas P. Kilgannon "
        + "Walter E. Williams William F. Buckley William R. Maurer Peter J. Wallison Mark M. Alexander Patrick J. "
        + "Buchanan Lee S. Wishing, III Joel C. Rosenberg Johannes L. Jacobse James J. Kilpatrick";
    assertFalse("initials end no sentence", DocFeatures.isProse(names, 61));
    List<String> seed = DedupTestTexts.paragraphs("002");
    for (String p : seed.subList(1, seed.size())) {
      int words = io.newsbeam.text.TextNormalizer.words(p).size();
      if (words >= DocFeatures.MIN_PARAGRAPH_WORDS) {
        assertTrue(p, DocFeatures.isProse(p, words));
      }
    }
  }

  @Test
  public void templateOnlyPagesAreCopiesOnlyWhenIdenticalUnderTheSameTitle() {
    String template = "Search: Example.com Quotes Video\n\n" + SECTIONS + "\n\nSearch message boards: Close Window";
    Article a = TestArticles.article("a", "Aide to premier arrested - Example.com", template, null);
    Article b = TestArticles.article("b", "Winter no relief for allergy sufferers - Example.com", template, null);
    Article c = TestArticles.article("c", "Aide to premier arrested - Example.com", template, null);
    assertFalse(DocFeatures.of(a).story());
    ExactCopies.Result r = ExactCopies.of(List.of(b, c, a));
    assertEquals(Map.of("c", "a"), r.links());
    assertEquals(List.of("a", "b"), new ArrayList<>(r.representatives().keySet()));
    // one line of difference: not an exact copy, and never a near copy
    Article d = TestArticles.article("d", "Aide to premier arrested - Example.com", "Burt Prelutsky\n\n" + template, null);
    assertFalse(DuplicateVerifier.DEFAULT.isDuplicate(DocFeatures.of(a), DocFeatures.of(d)));
  }

  @Test
  public void aStoryBodyIsOneStoryWhateverItsTitle() {
    List<String> p = DedupTestTexts.paragraphs("002");
    String body = String.join("\n\n", p.subList(1, p.size()));
    Article a = TestArticles.article("a", "One headline", body, T0);
    Article b = TestArticles.article("b", "Something else entirely", body, T0);
    assertTrue(DocFeatures.of(a).story());
    assertEquals(Map.of("b", "a"), ExactCopies.of(List.of(a, b)).links());
  }

  @Test
  public void scriptAndPromoChromeDoNotJoinDifferentStoriesButCopiesStillMatch() {
    List<String> x = DedupTestTexts.paragraphs("002");
    List<String> y = DedupTestTexts.paragraphs("003");
    String chromeX = String.join("\n\n", List.of(PROMO, SCRIPT, String.join("\n\n", x.subList(1, 6)), SCRIPT, PROMO));
    String chromeY = String.join("\n\n", List.of(PROMO, SCRIPT, String.join("\n\n", y.subList(1, 6)), SCRIPT, PROMO));
    DocFeatures fx = DocFeatures.of("x", x.get(0), chromeX, null);
    DocFeatures fy = DocFeatures.of("y", y.get(0), chromeY, null);
    DuplicateVerifier.Signals s = DuplicateVerifier.signals(fx, fy);
    assertFalse(s.toString(), DuplicateVerifier.DEFAULT.isDuplicate(s));
    // a re-headlined copy of x on the same site: same chrome, edited text
    List<String> edited = Syndication.paragraphs(Syndication.variant(x.subList(1, 6), 3, 0.06));
    String copy = String.join("\n\n", List.of(PROMO, SCRIPT, String.join("\n\n", edited), SCRIPT, PROMO));
    assertTrue(DuplicateVerifier.DEFAULT.isDuplicate(fx, DocFeatures.of("x2", x.get(0) + " (update)", copy, null)));
  }

  @Test
  public void aMatchingLeadNeedsTitlesWithAWordInCommon() {
    // same lead and 40 % of the text: a copy under related titles, chrome under unrelated ones
    DuplicateVerifier v = DuplicateVerifier.DEFAULT;
    DuplicateVerifier.Signals unrelated = new DuplicateVerifier.Signals(0.42, 0.2, 0.83, 0.0, null, 200, true, true);
    DuplicateVerifier.Signals related = new DuplicateVerifier.Signals(0.42, 0.2, 0.83, 0.1, null, 200, true, true);
    DuplicateVerifier.Signals untitled = new DuplicateVerifier.Signals(0.42, 0.2, 0.83, 0.0, null, 200, true, false);
    assertFalse(v.isDuplicate(unrelated));
    assertTrue(v.isDuplicate(related));
    assertTrue(v.isDuplicate(untitled));
    assertFalse("template-only bodies", v.isDuplicate(new DuplicateVerifier.Signals(1.0, 1.0, 1.0, 1.0, null, 200, false, true)));
  }
}
