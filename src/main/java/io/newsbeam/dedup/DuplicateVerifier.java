package io.newsbeam.dedup;

import java.io.Serializable;

/**
 * Decides whether two LSH candidates are copies of one story, with signals tuned for news syndication.
 * Wire copies are re-headlined, trimmed and lightly edited, so they often share only 30-50 % of their
 * 3-grams (Jaccard); what they keep is most of the shorter copy's text (containment) and the lead.
 * Different stories on one topic (three tsunami stories of one week) share names and phrases but little
 * running text.
 *
 * <p>Rule (defaults in {@link #DEFAULT}): a body without a story ({@link DocFeatures#story()}: extraction kept
 * only the page's template) is never a near copy (identical bodies are handled by {@link ExactCopies}); the
 * shorter body must have at least {@code minShingles} shingles
 * (else only a near-exact match with agreeing titles counts) and
 *
 * <ul>
 *   <li>containment (shared shingles / shingles of the shorter body) at least {@code strongContainment}, or
 *   <li>containment at least {@code containment} and a matching lead (share of either lead's shingles found
 *       in the other body at least {@code lead}) under titles that share a content word (or an untitled
 *       document), or similar titles (content-word Jaccard at least {@code title}). A matching lead under
 *       titles with nothing in common is what site chrome that survived cleaning (a promo or widget block at
 *       the top of two pages of one site) looks like; a re-headlined wire copy keeps a name or key word;
 *   <li>when both publication times are known and further apart than {@code maxDaysApart}, only the
 *       strong rule applies (a rerun weeks later is a copy only when nearly identical).
 * </ul>
 *
 * Plain Java.
 */
public record DuplicateVerifier(
    int minShingles, double strongContainment, double containment, double lead, double title, int maxDaysApart)
    implements Serializable {

  public static final DuplicateVerifier DEFAULT = new DuplicateVerifier(15, 0.6, 0.3, 0.5, 0.5, 7);

  /** The signals of one pair. */
  public record Signals(
      double containment, double jaccard, double lead, double title, Long daysApart, int minShingles, boolean stories,
      boolean titled) {}

  public static Signals signals(DocFeatures x, DocFeatures y) {
    int shared = Shingles.overlap(x.shingles(), y.shingles());
    int min = Math.min(x.shingles().length, y.shingles().length);
    int union = x.shingles().length + y.shingles().length - shared;
    double containment = min == 0 ? 0 : (double) shared / min;
    double jaccard = union == 0 ? 0 : (double) shared / union;
    double lead = Math.max(share(x.lead(), y.shingles()), share(y.lead(), x.shingles()));
    double title = jaccard(x.title(), y.title());
    Long days = x.publishedMillis() == null || y.publishedMillis() == null
        ? null
        : Math.abs(x.publishedMillis() - y.publishedMillis()) / 86_400_000L;
    return new Signals(containment, jaccard, lead, title, days, min, x.story() && y.story(),
        x.title().length > 0 && y.title().length > 0);
  }

  /** Whether the pair is a copy of one story. */
  public boolean isDuplicate(DocFeatures x, DocFeatures y) {
    return isDuplicate(signals(x, y));
  }

  public boolean isDuplicate(Signals s) {
    if (!s.stories()) {
      return false;
    }
    if (s.minShingles() < minShingles) {
      return s.jaccard() >= 0.9 && s.title() >= title;
    }
    if (s.containment() >= strongContainment) {
      return true;
    }
    if (s.daysApart() != null && s.daysApart() > maxDaysApart) {
      return false;
    }
    boolean leadUnderRelatedTitles = s.lead() >= lead && (!s.titled() || s.title() > 0);
    return s.containment() >= containment && (leadUnderRelatedTitles || s.title() >= title);
  }

  /** The similarity reported on a duplicate: containment of the shorter body's shingles in the other. */
  public static double similarity(DocFeatures x, DocFeatures y) {
    return Math.round(signals(x, y).containment() * 10_000) / 10_000.0;
  }

  private static double share(long[] part, long[] whole) {
    return part.length == 0 ? 0 : (double) Shingles.overlap(part, whole) / part.length;
  }

  private static double jaccard(long[] a, long[] b) {
    int shared = Shingles.overlap(a, b);
    int union = a.length + b.length - shared;
    return union == 0 ? 0 : (double) shared / union;
  }
}
