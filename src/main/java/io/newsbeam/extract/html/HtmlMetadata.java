package io.newsbeam.extract.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.extract.Dates;
import io.newsbeam.extract.TikaMetadata;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.metadata.Metadata;

/** Title, authors, publication time and site of an HTML page, from every place pages put them. */
final class HtmlMetadata {
  private HtmlMetadata() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern CANONICAL =
      Pattern.compile("<link[^>]*rel=[\"']?canonical[\"']?[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HREF = Pattern.compile("href=[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»«/]{1,2}\\s+");

  private static final List<String> DATE_KEYS =
      List.of(
          "article:published_time", "og:article:published_time", "og:published_time", "datePublished",
          "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
          "article.published", "dc.date.issued", "DC.date.issued", "dcterms.date", "DC.Date", "dc.date", "DC.date",
          "dc:date", "date", "sailthru.date", "parsely-pub-date", "article_date_original", "cXenseParse:recs:publishtime",
          "og:updated_time", "article:modified_time", "last-modified");

  static HtmlArticle read(
      PageModel page, List<PageModel.Paragraph> kept, Metadata md, String html, List<String> paragraphs) {
    List<JsonNode> ld = jsonLd(html);
    String canonical = canonical(html, md);
    String site = site(md, ld, canonical);
    String title = title(page, md, ld, site, canonical);
    List<String> authors = authors(page, md, ld);
    When published = published(page, md, ld, canonical, kept);
    return new HtmlArticle(paragraphs, title, authors, published == null ? null : published.millis(),
        published == null ? null : published.day(), site);
  }

  // ------------------------------------------------------------------ JSON-LD

  static List<JsonNode> jsonLd(String html) {
    List<JsonNode> objects = new ArrayList<>();
    // <script … type="application/ld+json" …>…</script>, found with plain searches (a case-insensitive pattern
    // over the whole page cost more than reading the JSON)
    boolean upper = html.indexOf("LD+JSON") >= 0;
    boolean upperClose = upper && html.indexOf("</SCRIPT") >= 0;
    int from = 0;
    while (true) {
      int at = upper ? earliest(html, "ld+json", "LD+JSON", from) : html.indexOf("ld+json", from);
      if (at < 0) {
        break;
      }
      int open = html.lastIndexOf('<', at);
      int gt = html.indexOf('>', at);
      if (gt < 0) {
        break;
      }
      if (open < 0 || !html.regionMatches(true, open, "<script", 0, 7) || html.indexOf('>', open) < at) {
        from = at + 7;
        continue;
      }
      int close = upperClose ? earliest(html, "</script", "</SCRIPT", gt + 1) : html.indexOf("</script", gt + 1);
      if (close < 0) {
        break;
      }
      try {
        collect(JSON.readTree(html.substring(gt + 1, close).strip()), objects, 0);
      } catch (Exception ignored) {
        // broken JSON-LD is common; the other sources still apply
      }
      from = close + 8;
    }
    return objects;
  }

  /** The first index at or after {@code from} of either spelling, or -1. */
  private static int earliest(String s, String a, String b, int from) {
    int i = s.indexOf(a, from);
    int j = s.indexOf(b, from);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }

  private static void collect(JsonNode node, List<JsonNode> out, int depth) {
    if (node == null || depth > 4) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        collect(n, out, depth + 1);
      }
    } else if (node.isObject()) {
      out.add(node);
      if (node.has("@graph")) {
        collect(node.get("@graph"), out, depth + 1);
      }
      if (node.has("mainEntity")) {
        collect(node.get("mainEntity"), out, depth + 1);
      }
    }
  }

  private static boolean isArticleType(JsonNode n) {
    JsonNode t = n.get("@type");
    String type = t == null ? "" : t.isArray() ? t.toString() : t.asText();
    return type.contains("Article") || type.contains("BlogPosting") || type.contains("Posting")
        || type.contains("Report") || type.contains("NewsArticle");
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null) {
      return null;
    }
    if (v.isArray() && v.size() > 0) {
      v = v.get(0);
    }
    return v.isValueNode() ? v.asText() : null;
  }

  // ------------------------------------------------------------------ site

  static String canonical(String html, Metadata md) {
    String og = md.get("og:url");
    if (og != null && og.startsWith("http")) {
      return og.strip();
    }
    // The first match of CANONICAL in the first 200,000 characters, tried only where a "<link" starts: a
    // case-insensitive search over the whole page was about a twentieth of a page's extraction time.
    int head = Math.min(html.length(), 200_000);
    Matcher m = CANONICAL.matcher(html);
    for (int at = html.indexOf('<'); at >= 0 && at < head; at = html.indexOf('<', at + 1)) {
      if (html.regionMatches(true, at, "<link", 0, 5) && m.region(at, head).lookingAt()) {
        Matcher h = HREF.matcher(m.group());
        if (h.find() && h.group(1).startsWith("http")) {
          return h.group(1).strip();
        }
        return null;
      }
    }
    return null;
  }

  private static String site(Metadata md, List<JsonNode> ld, String canonical) {
    String name = md.get("og:site_name");
    if (name != null && !name.isBlank()) {
      return PageModelBuilder.collapse(name);
    }
    for (JsonNode n : ld) {
      JsonNode pub = n.get("publisher");
      if (pub != null && pub.isObject() && pub.has("name") && isArticleType(n)) {
        return PageModelBuilder.collapse(pub.get("name").asText());
      }
    }
    String host = host(canonical);
    return host;
  }

  static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url.strip().replace(" ", "%20")).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ title

  private static String title(PageModel page, Metadata md, List<JsonNode> ld, String site, String canonical) {
    List<String> h1s = new ArrayList<>();
    for (String kind : List.of("h1", "title-heading")) {
      for (PageModel.Marked m : page.marked) {
        if (m.kind().equals(kind) && !m.text().isEmpty() && m.text().length() < 300) {
          h1s.add(m.text());
        }
      }
    }
    String og = first(md, "og:title", "twitter:title");
    String headline = null;
    for (JsonNode n : ld) {
      if (isArticleType(n) && text(n, "headline") != null) {
        headline = PageModelBuilder.collapse(text(n, "headline"));
        break;
      }
    }
    String tag = page.titleElement != null ? page.titleElement : TikaMetadata.title(md);
    // An <h1> that the document title or og:title also names is the article title.
    for (String h : h1s) {
      for (String t : new String[] {og, headline, tag}) {
        if (t != null && normalize(t).contains(normalize(h)) && normalize(h).length() >= 4) {
          return h;
        }
      }
    }
    if (og != null && !og.isBlank()) {
      return stripSite(PageModelBuilder.collapse(og), site, canonical);
    }
    if (headline != null && !headline.isBlank()) {
      return headline;
    }
    if (h1s.size() == 1) {
      return h1s.get(0);
    }
    if (tag != null && !tag.isBlank()) {
      return stripSite(PageModelBuilder.collapse(tag), site, canonical);
    }
    return h1s.isEmpty() ? null : h1s.get(0);
  }

  /** Removes a site name suffix or prefix ("Title | Site", "Site - Title"). */
  static String stripSite(String title, String site, String canonical) {
    String[] parts = TITLE_SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    String siteNorm = site == null ? "" : normalize(site);
    String host = host(canonical);
    String hostCore = host == null ? "" : host.replaceFirst("\\.[a-z]+$", "").replaceAll("[^a-z0-9]", "");
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      String n = normalize(p);
      String compact = n.replaceAll("[^\\p{L}\\p{N}]", "");
      boolean isSite = (!siteNorm.isEmpty() && (n.equals(siteNorm) || siteNorm.contains(n) && n.length() >= 3))
          || (!hostCore.isEmpty() && compact.length() >= 3 && (hostCore.contains(compact) || compact.contains(hostCore)));
      if (!isSite) {
        kept.add(p.strip());
      }
    }
    if (kept.isEmpty()) {
      return title;
    }
    if (kept.size() == parts.length) {
      // nothing recognisably the site: drop a short last part only ("Title | Foo")
      String last = parts[parts.length - 1];
      if (parts.length >= 2 && last.split("\\s+").length <= 3 && parts[0].length() > last.length() * 2) {
        return title.substring(0, title.lastIndexOf(last)).replaceFirst("\\s+[|\\-–—:·»«/]{1,2}\\s*$", "").strip();
      }
      return title;
    }
    return String.join(" - ", kept);
  }

  // ------------------------------------------------------------------ authors

  private static final Pattern BY_PREFIX =
      Pattern.compile("^(?:(?:written|posted|published|story|text|words|photos?|von|by|par|por|di|door|autor(?:in)?|author|verfasst von|geschrieben von|ein beitrag von)\\b[:\\s]*)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME_SPLIT = Pattern.compile("\\s*(?:,|;|\\||&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b)\\s*");
  private static final Pattern NOT_NAME =
      Pattern.compile("\\d|@|https?:|www\\.|\\b(?:editor|redakteur|correspondent|korrespondent|reporter|staff|professor|university|universität|minutes?|min read|updated|aktualisiert|posted|published|veröffentlicht|am|on|um|at|in|uhr|comments?|kommentare?|share|teilen|e-?mail|protected|redaktion\\w*|newsdesk|team)\\b", Pattern.CASE_INSENSITIVE);

  private static List<String> authors(PageModel page, Metadata md, List<JsonNode> ld) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode n : ld) {
      if (!isArticleType(n)) {
        continue;
      }
      JsonNode a = n.get("author");
      if (a == null) {
        a = n.get("creator");
      }
      if (a != null) {
        for (JsonNode one : a.isArray() ? a : List.of(a)) {
          String v = one.isObject() ? (one.has("name") ? one.get("name").asText() : null) : one.asText();
          addNames(v, names);
        }
      }
      if (!names.isEmpty()) {
        return new ArrayList<>(names);
      }
    }
    for (String key : List.of("author", "article:author", "dc.creator", "DC.creator", "dc:creator", "parsely-author", "sailthru.author", "byl", "citation_author")) {
      for (String v : md.getValues(key)) {
        addNames(v, names);
      }
      if (!names.isEmpty()) {
        return new ArrayList<>(names);
      }
    }
    for (String kind : List.of("author-prop", "author-link", "byline")) {
      for (PageModel.Marked m : page.marked) {
        if (m.kind().equals(kind) && m.text().length() <= 120) {
          addNames(m.text(), names);
        }
      }
      if (!names.isEmpty()) {
        return new ArrayList<>(names);
      }
    }
    return new ArrayList<>(names);
  }

  /** Adds the clean names found in a byline or author field. */
  static void addNames(String value, Set<String> names) {
    if (value == null || value.isBlank() || value.strip().startsWith("http")) {
      return;
    }
    String v = PageModelBuilder.collapse(value);
    v = BY_PREFIX.matcher(v).replaceFirst("");
    // a date or time ends the names: "Jane Roe | March 3, 2021", "Jane Roe, 3. März 2021"
    v = v.split("\\s+[|•·–—]\\s+|\\s+-\\s+|\\(")[0];
    for (String part : NAME_SPLIT.split(v)) {
      String p = BY_PREFIX.matcher(part.strip()).replaceFirst("").strip();
      p = p.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s&&[^.]]+$", "").strip();
      if (p.isEmpty() || p.length() > 60 || NOT_NAME.matcher(p).find()) {
        continue;
      }
      if (p.split("\\s+").length > 4) {
        continue;
      }
      names.add(p);
    }
  }

  // ------------------------------------------------------------------ publication time

  private static final Pattern MODIFIED = Pattern.compile("updated|modified|aktualisiert|geaendert|changed|last-?edit");
  private static final Pattern MODIFIED_TEXT =
      Pattern.compile("\\W*(?:last\\s+)?(?:updated|modified|edited|aktualisiert|geändert|zuletzt|actualizado|mis à jour|atualizado|aggiornato)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A publication time and the calendar day the page gives it (its own UTC offset kept, ISO yyyy-mm-dd). */
  record When(long millis, String day) {}

  /**
   * The publication time: machine-readable sources in order of trust (JSON-LD of the article, any JSON-LD, meta
   * tags, schema.org properties, the URL, {@code <time>}), else the visible date boxes, bylines and datelines.
   * The date the page shows at the head of the article then settles the calendar day: when it matches another
   * machine-readable publication time, that one is taken; when it is one day off the chosen time (a UTC timestamp
   * of an evening story in the Americas, a midnight story in Europe), the shown day is the page's calendar day.
   */
  static When published(PageModel page, Metadata md, List<JsonNode> ld, String canonical, List<PageModel.Paragraph> kept) {
    List<When> machine = machineTimes(page, md, ld, canonical, kept, false);
    List<When> shown = shownAtHead(page, kept, true);
    if (machine.isEmpty()) {
      // nothing machine-readable at the article: the date its head shows (not an "updated" box), then a <time>
      // just after the article (an author box), then date boxes and datelines anywhere
      List<When> published = shownAtHead(page, kept, false);
      if (!published.isEmpty()) {
        return published.get(0);
      }
      List<When> after = machineTimes(page, md, ld, canonical, kept, true);
      return after.isEmpty() ? visibleTime(page, md, kept) : after.get(0);
    }
    When chosen = machine.get(0);
    if (shown.isEmpty() || sameDay(shown, chosen.day())) {
      return chosen;
    }
    for (When w : machine) {
      if (sameDay(shown, w.day())) {
        return w;
      }
    }
    java.time.LocalDate day = java.time.LocalDate.parse(chosen.day());
    for (When s : shown) {
      if (Math.abs(java.time.LocalDate.parse(s.day()).toEpochDay() - day.toEpochDay()) == 1) {
        return new When(chosen.millis(), s.day());
      }
    }
    return chosen;
  }

  private static boolean sameDay(List<When> shown, String day) {
    for (When w : shown) {
      if (w.day().equals(day)) {
        return true;
      }
    }
    return false;
  }

  /** Machine-readable publication times, most trusted first (duplicates kept: only the order matters). */
  private static List<When> machineTimes(
      PageModel page, Metadata md, List<JsonNode> ld, String canonical, List<PageModel.Paragraph> kept, boolean after) {
    List<When> out = new ArrayList<>();
    int from = headStart(page, kept);
    int end = kept.isEmpty() ? Integer.MAX_VALUE : kept.get(kept.size() - 1).index + 1;
    if (after) {
      // a <time> shortly after the article's last paragraph (an author box, a post footer)
      for (PageModel.Marked m : page.marked) {
        if (m.kind().equals("time") && m.at() > end && m.at() <= end + 12) {
          machine(out, m.attribute() != null ? m.attribute() : m.text());
        }
      }
      return out;
    }
    for (JsonNode n : ld) {
      if (isArticleType(n)) {
        machine(out, text(n, "datePublished"));
      }
    }
    for (JsonNode n : ld) {
      if (!isArticleType(n)) {
        machine(out, text(n, "datePublished"));
      }
    }
    for (String key : DATE_KEYS.subList(0, DATE_KEYS.size() - 3)) {
      machine(out, md.get(key));
    }
    for (PageModel.Marked m : page.marked) {
      if (m.kind().equals("date-prop")) {
        machine(out, m.attribute() != null ? m.attribute() : m.text());
      }
    }
    Optional<Long> fromUrl = Dates.parseUrl(canonical);
    fromUrl.ifPresent(t -> out.add(new When(t, utcDay(t))));
    // a bare <time> counts from the head of the article to its end: one in a teaser list or a sidebar dates
    // another story
    for (PageModel.Marked m : page.marked) {
      if (m.kind().equals("time") && m.at() >= from && m.at() <= end) {
        machine(out, m.attribute() != null ? m.attribute() : m.text());
      }
    }
    // a date box with a machine-readable time (hAtom's <abbr class="published" title="…">), not an "updated" one
    for (PageModel.Marked m : page.marked) {
      if ((m.kind().equals("date-box") || m.kind().equals("byline")) && m.attribute() != null
          && !MODIFIED.matcher(m.node().hint).find() && m.at() >= from && m.at() <= end) {
        machine(out, m.attribute());
      }
    }
    return out;
  }

  /** No machine-readable time: date boxes and bylines, datelines at the head, then modification times. */
  private static When visibleTime(PageModel page, Metadata md, List<PageModel.Paragraph> kept) {
    List<When> out = new ArrayList<>();
    // date boxes: publication before modification ("updated", "modified", "aktualisiert" say which is which)
    for (boolean modified : new boolean[] {false, true}) {
      for (PageModel.Marked m : page.marked) {
        if ((m.kind().equals("date-box") || m.kind().equals("byline")) && MODIFIED.matcher(m.node().hint).find() == modified) {
          if (m.attribute() != null) {
            machine(out, m.attribute());
          } else {
            Dates.parseText(m.text()).ifPresent(t -> out.add(new When(t, utcDay(t))));
          }
          if (!out.isEmpty()) {
            return out.get(0);
          }
        }
      }
    }
    // a dateline among the first article paragraphs, or just before them
    int start = kept.isEmpty() ? 0 : Math.max(0, kept.get(0).index - 5);
    for (int i = start; i < Math.min(page.paragraphs.size(), start + 12); i++) {
      PageModel.Paragraph p = page.paragraphs.get(i);
      // a short line, or the head of a paragraph that opens with its dateline ("Pressemitteilung vom 25. Januar 2022 | Berlin – …")
      Optional<Long> t = Dates.parseText(p.chars <= 120 ? p.text : p.text.substring(0, 60));
      if (t.isPresent()) {
        return new When(t.get(), utcDay(t.get()));
      }
    }
    for (String key : DATE_KEYS.subList(DATE_KEYS.size() - 3, DATE_KEYS.size())) {
      machine(out, md.get(key));
    }
    for (PageModel.Marked m : page.marked) {
      if (m.kind().equals("time-modified")) {
        machine(out, m.attribute() != null ? m.attribute() : m.text());
      }
    }
    if (out.isEmpty()) {
      // last resort: a short line anywhere on the page that is a date ("last edited 2019-11-10", "Stand: 17.01.2021")
      for (PageModel.Paragraph p : page.paragraphs) {
        if (p.chars <= 80 && p.linkDensity() < 0.5) {
          Optional<Long> t = Dates.parseText(p.text);
          if (t.isPresent()) {
            return new When(t.get(), utcDay(t.get()));
          }
        }
      }
    }
    return out.isEmpty() ? null : out.get(0);
  }

  /**
   * The calendar days the page shows at the head of the article: the text of date boxes, bylines and
   * {@code <time>} elements, and short lines, from a few paragraphs before the first kept paragraph (and the
   * headline) to just after it. Nearest to the headline first.
   */
  static List<When> shownAtHead(PageModel page, List<PageModel.Paragraph> kept, boolean withModified) {
    List<When> days = new ArrayList<>();
    if (kept.isEmpty()) {
      return days;
    }
    int first = kept.get(0).index;
    int from = headStart(page, kept);
    int to = first + 3;
    List<Object[]> found = new ArrayList<>(); // position, text
    for (PageModel.Marked m : page.marked) {
      boolean dated = m.kind().equals("time") || m.kind().equals("date-box") || m.kind().equals("byline")
          || m.kind().equals("date-prop") || m.kind().equals("time-modified");
      boolean modified = m.kind().equals("time-modified") || MODIFIED.matcher(m.node().hint).find()
          || MODIFIED_TEXT.matcher(m.text()).lookingAt();
      if (dated && (withModified || !modified) && m.at() >= from && m.at() <= to && !m.text().isEmpty()
          && m.text().length() <= 200) {
        found.add(new Object[] {m.at(), m.text()});
      }
    }
    for (int i = from; i <= Math.min(to, page.paragraphs.size() - 1); i++) {
      PageModel.Paragraph p = page.paragraphs.get(i);
      if (p.chars <= 80 && (withModified || !MODIFIED_TEXT.matcher(p.text).lookingAt())) {
        found.add(new Object[] {i, p.text});
      }
    }
    // nearest to the headline (else the first kept paragraph) first: a teaser list above the article dates others
    int anchor = first;
    for (PageModel.Marked m : page.marked) {
      if (m.kind().equals("h1") && m.at() <= first + 3) {
        anchor = m.at();
      }
    }
    final int a = anchor;
    found.sort(java.util.Comparator.comparingInt((Object[] o) -> Math.abs((Integer) o[0] - a)).thenComparingInt(o -> (Integer) o[0]));
    for (Object[] f : found) {
      String text = (String) f[1];
      Optional<Long> exact = Dates.parseText(text);
      for (java.time.LocalDate d : Dates.shownDays(text)) {
        if (!sameDay(days, d.toString())) {
          long millis = exact.isPresent() && utcDay(exact.get()).equals(d.toString())
              ? exact.get() : d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
          days.add(new When(millis, d.toString()));
        }
      }
    }
    return days;
  }

  /** Where the head of the article starts: a few paragraphs before the first kept one or before its headline. */
  private static int headStart(PageModel page, List<PageModel.Paragraph> kept) {
    if (kept.isEmpty()) {
      return 0;
    }
    int first = kept.get(0).index;
    int from = first - 8;
    for (PageModel.Marked m : page.marked) {
      if (m.kind().equals("h1") && m.at() <= first + 3) {
        from = Math.min(from, m.at() - 10); // the last headline before the text: site logos come first
      }
    }
    return Math.max(0, from);
  }

  /** Adds a machine-readable time with the calendar day it is written in. */
  private static void machine(List<When> out, String value) {
    Optional<Long> t = Dates.parseMachine(value);
    if (t.isPresent()) {
      out.add(new When(t.get(), localDate(t.get(), value.strip())));
    }
  }

  private static String utcDay(long millis) {
    return java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
  }

  /** The calendar date as the page writes it ("2022-05-07T20:06-05:00" → 2022-05-07), else the UTC date. */
  static String localDate(Long millis, String raw) {
    if (millis == null) {
      return null;
    }
    if (raw != null && raw.matches("^\\d{4}-\\d{2}-\\d{2}.*")) {
      return raw.substring(0, 10);
    }
    return utcDay(millis);
  }

  private static String first(Metadata md, String... keys) {
    for (String k : keys) {
      String v = md.get(k);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  static String normalize(String s) {
    return PageModelBuilder.collapse(s).toLowerCase(Locale.ROOT);
  }
}
