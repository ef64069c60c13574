package io.newsbeam.extract.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the article paragraphs of a page. Signals: text and comma density propagated to ancestors
 * (readability's scoring), link density, paragraph structure, class/id hints, structural tags (nav, aside,
 * footer, figcaption, form), headings, and boilerpipe's ArticleExtractor decision per paragraph as one
 * signal among several. Plain Java; deterministic (no hash-order iteration reaches the output).
 */
final class ContentScorer {
  private ContentScorer() {}

  /** Structural elements that never hold article text when found inside the chosen container. */
  private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "figcaption", "form", "menu", "dialog", "caption");

  static List<PageModel.Paragraph> select(PageModel page) {
    // cookie and consent dialogs hold long, comma-rich prose that would outscore short articles
    List<PageModel.Paragraph> paragraphs = new ArrayList<>(page.paragraphs.size());
    for (PageModel.Paragraph p : page.paragraphs) {
      if (!p.owner.inConsent()) {
        paragraphs.add(p);
      }
    }
    if (paragraphs.isEmpty()) {
      return List.of();
    }
    // 1. Score: each substantial paragraph credits its ancestors (parent fully, then less with distance).
    List<PageModel.Node> candidates = new ArrayList<>();
    for (PageModel.Paragraph p : paragraphs) {
      if (p.chars < 25 || p.heading > 0 || p.linkDensity() > 0.5) {
        continue;
      }
      double s = 1 + commas(p.text) + Math.min(p.chars / 100.0, 3.0);
      if (p.boilerpipeContent) {
        s += 1;
      }
      PageModel.Node a = p.owner;
      for (int level = 0; a != null && level < 5; level++, a = a.parent) {
        if (!a.scored) {
          a.scored = true;
          a.score = initialScore(a);
          candidates.add(a);
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        a.score += s / divider;
      }
    }
    PageModel.Node top = null;
    double best = Double.NEGATIVE_INFINITY;
    List<double[]> finals = new ArrayList<>();
    Map<PageModel.Node, Double> finalScore = new IdentityHashMap<>();
    for (PageModel.Node n : candidates) {
      double ld = n.chars == 0 ? 0 : (double) n.linkChars / n.chars;
      double f = n.score * (1 - ld);
      finalScore.put(n, f);
      if (f > best || (f == best && top != null && n.order < top.order)) {
        best = f;
        top = n;
      }
    }
    if (top == null) {
      return fallback(paragraphs);
    }
    // 2. Several strong candidates under one ancestor: the article is spread over siblings.
    List<PageModel.Node> strong = new ArrayList<>();
    for (PageModel.Node n : candidates) {
      if (n != top && finalScore.get(n) >= best * 0.75) {
        strong.add(n);
      }
    }
    strong.sort(Comparator.comparingInt(n -> n.order));
    if (strong.size() >= 2) {
      for (PageModel.Node a = top.parent; a != null && !a.tag.equals("body") && !a.tag.equals("html"); a = a.parent) {
        int contained = 0;
        for (PageModel.Node s : strong) {
          if (a.isAncestorOf(s)) {
            contained++;
          }
        }
        if (contained >= 2) {
          top = a;
          break;
        }
      }
    }
    // A winner with next to no substantial text (short paragraphs score nothing: a post of short lines loses to a
    // like button) inside a named main-content wrapper ("entry-content") a few levels up: the wrapper is the
    // article (chrome inside it still goes).
    if (top.goodChars < 100) {
      int up = 0;
      for (PageModel.Node a = top.parent; a != null && up < 3 && !a.tag.equals("body"); a = a.parent, up++) {
        if (Hints.isStrongPositive(a.hint) && !a.chromeHint() && a.chars >= 3 * top.chars
            && a.linkChars < a.chars * 0.5) {
          top = a;
          break;
        }
      }
    }
    // A wrapper that only holds the candidate: climb.
    while (top.parent != null && !top.parent.tag.equals("body") && top.parent.chars <= top.chars * 1.05) {
      top = top.parent;
    }
    final PageModel.Node chosen = top;
    double topScore = finalScore.getOrDefault(top, best);
    double siblingThreshold = Math.max(10, topScore * 0.2);

    // A chrome word that the elements holding most of the region's prose all carry ("caption" on every
    // paragraph of a slideshow article) misleads: text under such a hint is no chrome (comments stay chrome).
    java.util.Set<String> misleading = misleadingHints(paragraphs, chosen);

    // 3. Keep paragraphs under the top candidate or an accepted sibling of it, minus chrome inside.
    Map<PageModel.Node, Boolean> siblingDecision = new IdentityHashMap<>();
    List<PageModel.Paragraph> kept = new ArrayList<>();
    for (PageModel.Paragraph p : paragraphs) {
      PageModel.Node root = regionRoot(p.owner, chosen);
      boolean inside;
      if (root == chosen) {
        inside = true;
      } else if (root != null) {
        inside = siblingDecision.computeIfAbsent(root, r -> acceptSibling(r, chosen, finalScore, siblingThreshold));
      } else {
        inside = false;
      }
      boolean keep;
      if (inside) {
        keep = !chromeBetween(p.owner, root, chosen, misleading) && acceptParagraph(p, root);
      } else {
        keep = rescue(p);
      }
      if (keep) {
        kept.add(p);
      }
    }
    kept = addLead(page.paragraphs, kept);
    kept = dropDanglingLeadIns(page.paragraphs, kept);
    // The chosen region holds next to no text (a dateline, a caption) while the page has real paragraphs:
    // the scoring went wrong, take the paragraphs boilerpipe or text density vouch for instead.
    int keptChars = kept.stream().mapToInt(p -> p.chars).sum();
    if (keptChars < 150) {
      List<PageModel.Paragraph> fb = fallback(paragraphs);
      if (fb.stream().mapToInt(p -> p.chars).sum() >= Math.max(100, keptChars * 2)) {
        return dropDanglingLeadIns(page.paragraphs, fb);
      }
    }
    return kept;
  }

  /**
   * The lead (standfirst, excerpt, "chapo", intro box): prose right under the headline and above the first
   * article paragraph that the region left out, since pages put it in the article header or in a wrapper whose
   * class reads as chrome ("teaser", "intro"). Up to two paragraphs within ten of the last {@code <h1>} before the
   * article text, under an element both share below the body; captions, bylines, comments, promotion and
   * navigation are not leads.
   */
  static List<PageModel.Paragraph> addLead(List<PageModel.Paragraph> all, List<PageModel.Paragraph> kept) {
    PageModel.Paragraph first = null;
    for (PageModel.Paragraph p : kept) {
      if (p.heading == 0 && p.chars >= 50 && p.linkDensity() < 0.5) {
        first = p;
        break;
      }
    }
    if (first == null) {
      return kept;
    }
    int anchor = -1;
    for (int i = first.index - 1; i >= 0 && i >= first.index - 80; i--) {
      if (all.get(i).heading == 1) {
        anchor = i;
        break;
      }
    }
    if (anchor < 0) {
      return kept;
    }
    PageModel.Node shared = commonAncestor(all.get(anchor).owner, first.owner);
    if (shared == null || shared.tag.equals("body") || shared.tag.equals("html")) {
      return kept;
    }
    boolean[] isKept = new boolean[all.size()];
    for (PageModel.Paragraph p : kept) {
      isKept[p.index] = true;
    }
    int added = 0;
    int last = -1;
    for (int i = anchor + 1; i < first.index && i <= anchor + 10 && added < 2; i++) {
      PageModel.Paragraph p = all.get(i);
      // a second paragraph only right after the first: a lead runs on, a teaser further down is another story
      if (!isKept[i] && (added == 0 || i == last + 1) && isLead(p, shared)) {
        isKept[i] = true;
        added++;
        last = i;
      }
    }
    if (added == 0) {
      return kept;
    }
    List<PageModel.Paragraph> out = new ArrayList<>(kept.size() + added);
    for (PageModel.Paragraph p : all) {
      if (isKept[p.index]) {
        out.add(p);
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern LEAD_CHROME =
      java.util.regex.Pattern.compile("caption|credit|comment|kommentar|newsletter|subscri|abonn|related|share|sharing"
          + "|social|cookie|consent|promo|advert|anzeige|sponsor|author|autor|byline|breadcrumb|nav|menu|footer"
          + "|sidebar|login|signup|paywall|disclaimer|copyright|modal|overlay|popup|pushlayer|notif|dialog|alert");

  private static boolean isLead(PageModel.Paragraph p, PageModel.Node shared) {
    if (p.heading == 1 || p.linkDensity() >= 0.1 || p.owner.inConsent() || !shared.isAncestorOf(p.owner)) {
      return false;
    }
    String t = p.text.strip();
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    // a closing parenthesis ends captions and credits ("(Symbolbild: …)", "(archive photo)"), not leads
    boolean sentence = ".!?\"»“”…".indexOf(last) >= 0;
    if (last == ')' || !(p.chars >= 100 || (p.chars >= 80 && sentence && p.heading == 0))) {
      return false;
    }
    for (PageModel.Node a = p.owner; a != null && a != shared; a = a.parent) {
      if (CHROME_TAGS.contains(a.tag) || a.tag.equals("figure") || (!a.hint.isEmpty() && LEAD_CHROME.matcher(a.hint).find())) {
        return false;
      }
    }
    return true;
  }

  private static PageModel.Node commonAncestor(PageModel.Node a, PageModel.Node b) {
    for (PageModel.Node x = a; x != null; x = x.parent) {
      if (x.isAncestorOf(b)) {
        return x;
      }
    }
    return null;
  }

  /**
   * A short line ending in a colon ("Weitere Informationen:", "Read also:", "Kontakt:") announces what follows;
   * when what follows on the page was not kept (a link list, a contact box), the lead-in is chrome too.
   */
  static List<PageModel.Paragraph> dropDanglingLeadIns(List<PageModel.Paragraph> all, List<PageModel.Paragraph> kept) {
    boolean[] isKept = new boolean[all.size()];
    for (PageModel.Paragraph p : kept) {
      isKept[p.index] = true;
    }
    List<PageModel.Paragraph> out = new ArrayList<>(kept.size());
    for (PageModel.Paragraph p : kept) {
      String t = p.text.strip();
      boolean leadIn = p.chars <= 60 && (t.endsWith(":") || t.endsWith("："));
      if (leadIn && (p.index + 1 >= all.size() || !isKept[p.index + 1])) {
        continue;
      }
      out.add(p);
    }
    // The article ends in text: a heading or a short question or lead-in left at its end announces what the
    // page puts after it (related links, a newsletter box, comments): "Schon gelesen?", "Weitere Tipps".
    while (!out.isEmpty() && isTrailingLeadIn(out.get(out.size() - 1)) && out.size() > 1) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static boolean isTrailingLeadIn(PageModel.Paragraph p) {
    if (p.chars > 80) {
      return false;
    }
    String t = p.text.strip();
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    return p.heading > 0 || last == '?' || last == ':' || last == '…' || t.endsWith("...");
  }

  /** The ancestor of {@code owner} that is {@code top} or a sibling of it, else null. */
  private static PageModel.Node regionRoot(PageModel.Node owner, PageModel.Node top) {
    for (PageModel.Node a = owner; a != null; a = a.parent) {
      if (a == top) {
        return top;
      }
      if (a.parent == top.parent) {
        return a;
      }
    }
    return null;
  }

  private static boolean acceptSibling(
      PageModel.Node s, PageModel.Node top, Map<PageModel.Node, Double> finalScore, double threshold) {
    if (CHROME_TAGS.contains(s.tag) || s.chromeHint()) {
      return false;
    }
    double bonus = !top.hint.isEmpty() && top.hint.equals(s.hint) ? threshold * 0.2 : 0;
    Double f = finalScore.get(s);
    if (f != null && f + bonus >= threshold) {
      return true;
    }
    double ld = s.chars == 0 ? 0 : (double) s.linkChars / s.chars;
    boolean subheading = s.tag.length() == 2 && s.tag.charAt(0) == 'h' && s.tag.charAt(1) >= '2' && s.tag.charAt(1) <= '6';
    if (s.tag.equals("p") || s.tag.equals("blockquote") || s.tag.equals("pre") || subheading) {
      return (s.chars > 80 && ld < 0.25) || (s.chars > 0 && ld == 0 && subheading);
    }
    return false;
  }

  /** True when an element between the paragraph and the region root is navigation, sharing, comments… */
  private static boolean chromeBetween(
      PageModel.Node owner, PageModel.Node root, PageModel.Node top, java.util.Set<String> misleading) {
    for (PageModel.Node a = owner; a != null && a != root; a = a.parent) {
      if (CHROME_TAGS.contains(a.tag)) {
        return true;
      }
      if (misleading.contains(a.hint)) {
        continue;
      }
      // A hinted wrapper that holds most of the article's substantial text ("sticky-sidebar" or
      // "intext-links" around the article) is no chrome; comment sections are chrome whatever their size.
      if (a.chromeHint()
          && (a.goodChars < top.goodChars * 0.5 || Hints.isComments(a.hint)) && !isProse(a)) {
        return true;
      }
      if ((a.tag.equals("ul") || a.tag.equals("ol") || a.tag.equals("table") || a.tag.equals("div"))
          && a.chars > 0 && (double) a.linkChars / a.chars > 0.6) {
        return true;
      }
    }
    return false;
  }

  /**
   * Chrome-hinted class strings under the chosen region whose elements together hold at least half of its
   * substantial text, in two or more elements (one wrapper is handled by {@link #isProse}).
   */
  private static java.util.Set<String> misleadingHints(List<PageModel.Paragraph> paragraphs, PageModel.Node top) {
    Map<String, int[]> byHint = new java.util.HashMap<>();
    Map<PageModel.Node, Boolean> seen = new IdentityHashMap<>();
    for (PageModel.Paragraph p : paragraphs) {
      if (p.chars < 25 || p.heading > 0 || p.linkDensity() >= 0.5) {
        continue;
      }
      PageModel.Node hinted = null;
      boolean under = false;
      for (PageModel.Node a = p.owner; a != null; a = a.parent) {
        if (a == top) {
          under = true;
          break;
        }
        if (hinted == null && a.chromeHint() && !Hints.isComments(a.hint)) {
          hinted = a;
        }
      }
      if (under && hinted != null) {
        int[] sum = byHint.computeIfAbsent(hinted.hint, h -> new int[2]);
        sum[0] += p.chars;
        if (seen.put(hinted, Boolean.TRUE) == null) {
          sum[1]++;
        }
      }
    }
    java.util.Set<String> out = new java.util.HashSet<>();
    for (Map.Entry<String, int[]> e : byHint.entrySet()) {
      if (e.getValue()[1] >= 2 && e.getValue()[0] >= top.goodChars * 0.5) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * A hinted wrapper inside the article that holds paragraphs of prose and next to no links ("intext-links",
   * "text-box"): the hint word misleads. Comments, bios, newsletter and promotion boxes stay chrome.
   */
  private static boolean isProse(PageModel.Node a) {
    return a.goodChars >= 250 && a.goodChars >= a.chars * 0.8 && a.linkChars <= a.chars * 0.1
        && !Hints.isComments(a.hint) && !PROSE_CHROME.matcher(a.hint).find();
  }

  private static final java.util.regex.Pattern PROSE_CHROME =
      java.util.regex.Pattern.compile("bio|author|autor|newsletter|subscri|promo|advert|anzeige|sponsor|caption|credit"
          + "|copyright|disclaimer|notice|consent|cookie|related|recommend|teaser|footer|sidebar|signup|paywall|legal");

  private static boolean acceptParagraph(PageModel.Paragraph p, PageModel.Node root) {
    double ld = p.linkDensity();
    if (ld > 0.5 && !(p.chars > 200 && ld < 0.7)) {
      return false;
    }
    if (p.heading > 0) {
      return p.linkChars == 0 || ld < 0.5;
    }
    if (p.chars < 40 && ld > 0 && !(p.boilerpipeContent && ld < 0.3)) {
      return false;
    }
    return true;
  }

  /** Outside the chosen region, a long low-link paragraph that boilerpipe also takes and no hint rejects. */
  private static boolean rescue(PageModel.Paragraph p) {
    if (!p.boilerpipeContent || p.chars < 100 || p.linkDensity() > 0.2 || p.heading > 0) {
      return false;
    }
    for (PageModel.Node a = p.owner; a != null; a = a.parent) {
      if (CHROME_TAGS.contains(a.tag) || a.chromeHint()) {
        return false;
      }
    }
    return true;
  }

  private static List<PageModel.Paragraph> fallback(List<PageModel.Paragraph> paragraphs) {
    List<PageModel.Paragraph> kept = new ArrayList<>();
    for (PageModel.Paragraph p : paragraphs) {
      if (p.boilerpipeContent || (p.chars >= 40 && p.linkDensity() < 0.3)) {
        kept.add(p);
      }
    }
    return kept;
  }

  private static double initialScore(PageModel.Node n) {
    double s =
        switch (n.tag) {
          case "article", "main" -> 10;
          case "div", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          case "nav", "aside", "footer" -> -25;
          default -> 0;
        };
    if (!n.hint.isEmpty() && !n.tag.equals("body") && !n.tag.equals("html")) {
      if (n.positiveHint()) {
        s += 25;
      }
      if (Hints.isNegative(n.hint)) {
        s -= 25;
      }
    }
    if ("articlebody".equalsIgnoreCase(n.itemprop)) {
      s += 25;
    }
    return s;
  }

  private static int commas(String text) {
    int c = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == ',' || ch == '，' || ch == '、') {
        c++;
      }
    }
    return c;
  }
}
