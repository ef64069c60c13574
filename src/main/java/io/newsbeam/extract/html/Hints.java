package io.newsbeam.extract.html;

import java.util.regex.Pattern;

/**
 * Class/id/role hints, language-neutral where possible (English and German words; the markup vocabulary of
 * CMS themes is mostly English). Matching is on the lower-cased "class id role itemprop" string.
 */
final class Hints {
  private Hints() {}

  /** Chrome: navigation, sharing, related links, comments, captions, promotion, footers. */
  private static final Pattern NEGATIVE =
      Pattern.compile(
          "(?:^|[^a-z])(?:nav|menu|menue|footer|foot|sidebar|aside|breadcrumbs?|pagination|pager|paging"
              + "|share|sharing|shares|social|socials|sns|related|recommend\\w*|comments?|kommentar\\w*|disqus|replies|reply"
              + "|respond|caption|figcaption|credits?|copyright|newsletter|subscribe|subscription|signup|promo\\w*"
              + "|advert\\w*|ads?|adv|anzeige|werbung|banner|sponsor\\w*|tags|tagcloud|tag-?list|keywords|categories"
              + "|meta|byline|author\\w*|autor\\w*|dateline|cookie\\w*|consent|popup|modal|login|search|suche|print"
              + "|toolbar|rating|popular|trending|outbrain|taboola|skip|jump|masthead|topbar|header"
              + "|teaser|more|morelinks|read-?more|weitere|empfehlung\\w*|seealso|see-also|also|bio|profile|avatar"
              + "|gallery-?nav|postmetadata|entry-meta|post-meta|article-meta|utility|utilities|tools|actions|toc"
              + "|button|btn|icons?|rss|feed|archive|calendar|links|linklist|blogroll|contact|impressum|legal"
              + "|disclaimer|notice|alert|overlay|lightbox|carousel|slider|ticker|teaserbox|infobox|box-?ad|sticky)"
              + "(?:$|[^a-z])"
              + "|sharebar|sharing|socialmedia|relatedpost|relatedarticle|related-?posts|related-?articles|comment"
              + "|newsletter|sidebar|breadcrumb|navbar|navigation|footer|advert|sponsored|shariff|addthis|sharethis"
              + "|outbrain|taboola|disqus|subnav|topnav|mainnav|megamenu|cookie|paywall|nachrichten-?ticker");

  /** Named main-content wrappers ("entry-content", "article-body"). */
  private static final Pattern STRONG_POSITIVE =
      Pattern.compile(
          "articlebody|article-?body|article_?body|article-?content|article-?text|articletext|post-?body|post-?content"
              + "|post-?text|entry-?content|entry-?body|story-?body|story-?content|storytext|main-?content"
              + "|content-?body|text-?content|hentry|h-entry|e-content|artikel-?text|beitrag-?text");

  /** Main-content wrappers, including generic words (scoring only). */
  private static final Pattern POSITIVE =
      Pattern.compile(
          STRONG_POSITIVE.pattern()
              + "|page-?content|blog-?post|single-?post|artikel|beitrag|inhalt"
              + "|(?:^|[^a-z])(?:article|content|entry|post|story|text|body|main|blog|news|copy|richtext|rte|prose)(?:$|[^a-z])");

  private static final Pattern BYLINE = Pattern.compile("byline|(?:^|[^a-z])(?:author|autor|writer|verfasser)(?:$|[^a-z-])|author-?name|article-?author|post-?author|entry-?author");
  private static final Pattern DATE =
      Pattern.compile("(?:^|[^a-z])(?:date|datum|time|published|pubdate|timestamp|posted-on|entry-date|post-date|article-date|meta-date|datetime|updated|dateline|created|post-created|submitted|erstellt|veroeffentlicht)(?:$|[^a-z])|publishdate|publish-date|post-?date|entry-?date|article-?date");

  static boolean isNegative(String hint) {
    return !hint.isEmpty() && cached(NEGATIVE_SEEN, NEGATIVE, hint);
  }

  private static final Pattern COMMENTS = Pattern.compile("comment|kommentar|disqus|(?:^|[^a-z])(?:replies|respond)(?:$|[^a-z])");

  /** Cookie and consent dialogs: never article text, whatever "content" word their classes also carry. */
  private static final Pattern CONSENT =
      Pattern.compile("cookie|gdpr|consent|onetrust|usercentrics|cookiebot|borlabs|didomi|(?:^|[^a-z])cmp(?:$|[^a-z])"
          + "|privacy-?(?:banner|notice|overlay|popup|bar)|datenschutz-?(?:banner|hinweis|overlay|popup)");

  static boolean isConsent(String hint) {
    return matches(hint, CONSENT_WORDS, CONSENT);
  }

  static boolean isComments(String hint) {
    return matches(hint, COMMENTS_WORDS, COMMENTS);
  }

  static boolean isPositive(String hint) {
    return !hint.isEmpty() && cached(POSITIVE_SEEN, POSITIVE, hint);
  }

  /** A named main-content wrapper ("entry-content", "article-body"), not only a generic word. */
  static boolean isStrongPositive(String hint) {
    return !hint.isEmpty() && STRONG_POSITIVE.matcher(hint).find();
  }

  static boolean isBylineHint(String hint) {
    return matches(hint, BYLINE_WORDS, BYLINE);
  }

  static boolean isDateHint(String hint) {
    return matches(hint, DATE_WORDS, DATE);
  }

  // Words every match of the pattern beside them contains: a plain substring search rules out most hints before
  // the pattern (a long alternation tried at every position) runs; bylines and dates are asked of every element.
  private static final String[] BYLINE_WORDS = {"byline", "author", "autor", "writer", "verfasser"};
  private static final String[] DATE_WORDS = {"date", "datum", "time", "publish", "posted", "updated", "created",
      "submitted", "erstellt", "veroeffentlicht"};
  private static final String[] CONSENT_WORDS = {"cookie", "gdpr", "consent", "onetrust", "usercentrics", "borlabs",
      "didomi", "cmp", "privacy", "datenschutz"};
  private static final String[] COMMENTS_WORDS = {"comment", "kommentar", "disqus", "replies", "respond"};

  private static boolean matches(String hint, String[] words, Pattern pattern) {
    if (hint.isEmpty()) {
      return false;
    }
    for (String w : words) {
      if (hint.contains(w)) {
        return pattern.matcher(hint).find();
      }
    }
    return false;
  }

  // The chrome and content patterns are long alternations asked of most elements; pages repeat their class
  // strings and a site's pages share them, so the answers are remembered (bounded: cleared past the limit).
  private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> NEGATIVE_SEEN =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> POSITIVE_SEEN =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int SEEN_LIMIT = 100_000;

  private static boolean cached(java.util.concurrent.ConcurrentHashMap<String, Boolean> seen, Pattern p, String hint) {
    Boolean known = seen.get(hint);
    if (known != null) {
      return known;
    }
    boolean found = p.matcher(hint).find();
    if (seen.size() >= SEEN_LIMIT) {
      seen.clear();
    }
    seen.put(hint, found);
    return found;
  }
}
