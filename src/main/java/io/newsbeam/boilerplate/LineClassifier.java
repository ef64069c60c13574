package io.newsbeam.boilerplate;

import io.newsbeam.extract.Dates;
import io.newsbeam.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line and block classifier for text that reached us without markup (plain text, PDF, DOCX, e-mail, and the
 * blocks an HTML extractor kept). It removes captions and photo credits, tag lines, navigation and page
 * furniture, calls to action and newsletter prompts, store and ad lines, "Related"/"About us" tails, publisher
 * blurbs and trailing source lines, and lines repeated across the documents of a site ({@link SiteRepeats}); it
 * moves title, standfirst, byline and dateline into fields.
 *
 * <p>Input is a list of blocks in reading order; a block may hold several lines (lines that were not separated
 * by a blank line). The rules rest on general signals only: the wording of a line, its length and punctuation,
 * its position (head, tail), its block, and its neighbours. A line that reads as prose in the middle of an
 * article stays body unless an explicit pattern (a caption credit, a call to action) says otherwise.
 *
 * <p>Plain Java, no Beam; stateless and thread-safe.
 */
public final class LineClassifier {

  // ---------------------------------------------------------------- line-local patterns

  /** Captions ending in a credit: "… (Photo by …)", "… [Image: …]" (tried on lines ending in a bracket). */
  private static final Pattern CAPTION_END =
      Pattern.compile("[(\\[]\\s*(?:photo|photograph|image|picture|pic|file photo|credit|foto|bild|video)s?\\b"
          + "[^)\\]]*[)\\]]\\s*$", Pattern.CASE_INSENSITIVE);

  /** Captions opening with a credit word: "Photo: …", "Image by …", "Pictured: …". */
  private static final Pattern CAPTION_START =
      Pattern.compile("^\\s*[(\\[]?(?:photo|photograph|image|picture|pictured|file photo|top photo|main photo|caption"
          + "|foto|bild|video)s?\\s*(?:by\\b|:|©|credit|courtesy)", Pattern.CASE_INSENSITIVE);

  /** Picture agencies in a line (tried only when the lower-cased line holds one of {@link #AGENCY_HINTS}). */
  private static final Pattern CAPTION_AGENCY =
      Pattern.compile("\\b(?:getty images|shutterstock|ap photo|afp via|afp/getty|reuters/|/reuters\\b|epa-efe"
          + "|istock(?:photo)?|alamy|imago images|picture alliance|dpa/|xinhua/|sputnik/)");

  private static final String[] AGENCY_HINTS = {
      "getty", "shutterstock", "ap photo", "afp", "reuters", "epa-efe", "istock", "alamy", "imago", "picture alliance",
      "dpa/", "xinhua/", "sputnik/"};

  /** A credit line of its own: "Credit: …", "Courtesy of …", "© Jane Roe". */
  private static final Pattern CREDIT =
      Pattern.compile("^\\s*(?:credits?\\s*:|courtesy(?:\\s+of)?\\s|©\\s*(?!\\s*(?:19|20)\\d\\d)\\p{Lu})",
          Pattern.CASE_INSENSITIVE);

  /** A short line wholly in parentheses: "(Wire service)", "(AP)", "(Reuters)". */
  private static final Pattern PARENTHESISED = Pattern.compile("^\\s*\\([^()]{1,60}\\)\\s*$");

  /** News tickers above the article: "Breaking: …", "Just in: …". */
  private static final Pattern TICKER =
      Pattern.compile("^\\s*(?:breaking(?: news)?|just in|news alert|eilmeldung|derni[eè]re minute|[úu]ltima hora)"
          + "\\s*[:：|]", Pattern.CASE_INSENSITIVE);

  /** Tag lines with a label: "Tags: …", "Topics: …", "Filed under …". */
  private static final Pattern TAG_PREFIX =
      Pattern.compile("^\\s*(?:tags?|topics?|keywords?|categories|category|filed under|schlagw[öo]rter|themen|"
          + "etiquetas|mots-cl[ée]s)\\s*[:：]?\\s+\\S", Pattern.CASE_INSENSITIVE);

  /** Calls to action at the start: "You can read the full … here.", "Subscribe …", "Sign up …". */
  private static final Pattern CTA_START =
      Pattern.compile(
          "^(?:you can |please |to )?(?:read|watch|listen to|view|see|download|find|get|check out)\\s+"
              + "(?:the|our|more|this|a|all|it)\\b.{0,140}\\b(?:here|online|below)\\s*[.!:]?$"
              + "|^(?:subscribe|sign up|register|join us|follow us|like us|download (?:our|the) app|get (?:our|the) app"
              + "|support (?:our|us|independent)|donate|become a (?:member|subscriber|patron))\\b",
          Pattern.CASE_INSENSITIVE);

  /** Calls to action anywhere in a line (tried only on lines holding one of {@link #CTA_HINTS}). */
  private static final Pattern CTA_ANYWHERE =
      Pattern.compile(
          "\\b(?:click|tap)\\s+(?:here|on the link|the link|below)\\b"
              + "|\\b(?:follow us on|like us on facebook|get the app|subscribe (?:now|today))\\b"
              + "|\\bunsubscribe\\b|\\bview (?:this email )?in (?:your )?browser\\b"
              + "|\\bmanage (?:your )?(?:preferences|subscription)\\b|\\bupdate your preferences\\b");

  private static final String[] CTA_HINTS = {
      "click", "tap ", "follow us", "like us", "get the app", "subscribe", "browser", "preferences", "subscription"};

  private static final String[] NEWSLETTER_HINTS = {"newsletter", "inbox", "mailing list"};

  private static final String[] COPYRIGHT_HINTS = {"©", "copyright", "rights reserved", "rechte vorbehalten"};

  private static final String[] BLURB_HINTS = {
      " by ", " is a", " are a", "offices", "information", "please "};

  /** Newsletter prompts need both a newsletter word and an action word. */
  private static final Pattern NEWSLETTER = Pattern.compile("\\b(?:newsletters?|inbox|mailing list)\\b",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern NEWSLETTER_ACTION =
      Pattern.compile("\\b(?:sign up|signup|subscribe|register|delivered|receive|join|get)\\b", Pattern.CASE_INSENSITIVE);

  /** Reported speech: a line that quotes or reports someone is body, not a prompt. */
  private static final Pattern REPORTED = Pattern.compile("[“”\"]|\\b(?:said|says|told|according to)\\b",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern COPYRIGHT =
      Pattern.compile("©\\s*(?:19|20)\\d\\d|\\bcopyright\\s*(?:©\\s*)?(?:\\(c\\)\\s*)?(?:19|20)\\d\\d|\\ball rights reserved\\b"
          + "|\\balle rechte vorbehalten\\b", Pattern.CASE_INSENSITIVE);

  /** "Source: …", "Sources: …" lines. */
  private static final Pattern SOURCE_LINE =
      Pattern.compile("^\\s*(?:sources?|quellen?|fuentes?|via)\\s*[:：]\\s*\\S", Pattern.CASE_INSENSITIVE);

  /** "This article was originally published on …", "This article has been translated from …". */
  private static final Pattern REPUBLISHED =
      Pattern.compile("^\\s*(?:this|the) (?:article|story|post|piece|report|interview|text) (?:was|has been|is|first)\\b"
          + ".{0,40}\\b(?:published|republished|translated|appeared|adapted|syndicated|reproduced|reprinted)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Publisher blurbs: "X is written by Y", "The firm has 28 offices", "For … please contact". */
  private static final Pattern BLURB =
      Pattern.compile(
          "\\bis (?:written|published|produced|edited|brought to you|powered|owned|operated) by\\b"
              + "|\\b(?:is|are) an? (?:[\\w-]+ ){0,4}(?:publication|news (?:agency|service|organi[sz]ation|site|outlet)"
              + "|media (?:company|group|outlet)|publisher|magazine|think tank|consultancy|law firm)\\b"
              + "|\\bhas \\d+ offices\\b|\\bfor (?:more|further) information\\b|\\bplease (?:contact|visit|email|write to)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Author bio at the end: "Jane Roe is a professor of … at …". */
  private static final Pattern AUTHOR_BIO =
      Pattern.compile(
          "^\\p{Lu}[\\p{L}'’.-]+(?: \\p{Lu}[\\p{L}'’.-]+){1,3},? (?:is|was|has been|serves as) (?:an?|the) .{0,100}\\b"
              + "(?:professor|fellow|journalist|reporter|correspondent|editor|writer|author|director|analyst|"
              + "researcher|columnist|contributor|lecturer|scholar|freelancer|economist)\\b");

  /** "By …", "Posted by …", "Written by …" (the rest holds the names, maybe a date). */
  private static final Pattern BYLINE =
      Pattern.compile("^\\s*(?:by|posted by|written by|words by|story by|reporting by|text by|von|par|por|door|av)\\b"
          + "\\s*[:：]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  /** A byline remainder whose names are followed by prose after a colon or dash: the text after the separator. */
  private static final Pattern BYLINE_THEN_PROSE =
      Pattern.compile("^[^:–—]{3,60}?\\s*(?::|\\s[–—]\\s)\\s*(\\p{Lu}.*[.!?…\"”“]\\s*)$");

  /** An update stamp under the article: "Aktualisiert am …", "Last updated: …", "Stand: …", "Mis à jour le …". */
  private static final Pattern UPDATE_STAMP =
      Pattern.compile("^\\s*(?:(?:zuletzt|last|letzte|dernière|última|ultimo)\\s+)?(?:updated|update|modified|edited|aktualisiert"
          + "|aktualisierung|geändert|bearbeitet|stand|actualizado|actualización|mis à jour|mise à jour|aggiornato|aggiornamento)"
          + "(?:\\s+(?:am|on|le|el|il|vom))?\\s*[:：]?\\s*", Pattern.CASE_INSENSITIVE);

  /** "Author: …", "Autor: …". */
  private static final Pattern AUTHOR_FIELD =
      Pattern.compile("^\\s*(?:authors?|autor(?:in|en)?|auteur|reporter|writer)\\s*[:：]\\s*(.+)$",
          Pattern.CASE_INSENSITIVE);

  /** E-mail header lines as Tika prints converted messages. */
  private static final Pattern EMAIL_HEADER =
      Pattern.compile("^\\s*(?:from|to|cc|bcc|sent|date|subject|reply-to|von|an|betreff|gesendet|datum)\\s*:\\s*\\S",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SUBJECT = Pattern.compile("^\\s*(?:subject|betreff)\\s*:\\s*(?:(?:re|fwd?|aw|wg)\\s*:\\s*)*(.+)$",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern EMAIL_DATE =
      Pattern.compile("^\\s*(?:date|sent|datum|gesendet)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);

  private static final Pattern EMAIL_SEPARATOR =
      Pattern.compile("^-{2,}\\s*(?:forwarded message|original message|weitergeleitete nachricht)?\\s*-*$|^--$",
          Pattern.CASE_INSENSITIVE);

  /** Page numbers of converted documents: "3", "- 3 -", "Page 3 of 12", "Seite 3". (on the normalised line) */
  private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:page |seite |p )?\\d{1,4}(?: (?:of|von|/) \\d{1,4})?$");

  /** Headings that open the tail: related links, recommendations. (on the normalised line) */
  private static final Pattern RELATED_HEADING =
      Pattern.compile(
          "^(?:related(?: reading| articles?| stories| posts| content| news| coverage| links| topics| video)?"
              + "|more (?:from|on|about|in|stories|news)(?: .{0,40})?|(?:you|you might|you may) (?:also )?"
              + "(?:like|enjoy|be interested in)|recommended(?: for you| reading| stories| articles)?"
              + "|most (?:popular|read|viewed|shared)|trending(?: now| stories)?|latest (?:news|stories|articles|posts)"
              + "|further reading|read (?:also|more|next)|see also|also read|what to read next|editor s picks"
              + "|top stories|don t miss|in other news|popular (?:stories|articles|posts)|weitere artikel|mehr zum thema"
              + "|lesen sie auch|das k[oö]nnte sie auch interessieren|sur le m[eê]me sujet|[àa] lire aussi|te puede interesar"
              + "|comments?(?: \\d+)?|leave a (?:comment|reply))$");

  /** Headings that open an "about" section. (on the normalised line) */
  private static final Pattern ABOUT_HEADING =
      Pattern.compile("^(?:about us|about the authors?|about (?:this|the) (?:site|publication|newsletter|blog)"
          + "|who we are|contact us|[üu]ber uns|impressum|qui sommes nous|qui[eé]nes somos)$");

  /** Inline related links: "Related: …", "Read more: …". */
  private static final Pattern RELATED_LINE =
      Pattern.compile("^\\s*(?:related|read more|read also|see also|also read|more|recommended|watch|listen|"
          + "lesen sie auch|mehr zum thema|lire aussi)\\s*[:：|»>]\\s*\\S", Pattern.CASE_INSENSITIVE);

  private static final Set<String> NAVIGATION =
      Set.of(
          "top of page", "bottom of page", "back to top", "go to top", "return to top", "to top", "top",
          "skip to content", "skip to main content", "skip navigation", "jump to", "main menu", "menu",
          "navigation", "toggle navigation", "home", "search", "log in", "login", "sign in", "log out", "register",
          "subscribe", "share", "share this", "share this article", "share this story", "share on facebook",
          "share on twitter", "tweet", "email", "e mail", "print", "print this article", "print this page",
          "comments", "comment", "leave a comment", "next", "previous", "prev", "next article", "previous article",
          "next post", "previous post", "continue reading", "read more", "show more", "load more", "see more",
          "read full article", "view comments", "close", "open", "facebook", "twitter", "linkedin", "whatsapp",
          "instagram", "youtube", "pinterest", "reddit", "telegram", "copy link", "link copied", "listen",
          "listen to this article", "font size", "text size", "zoom", "enlarge", "expand", "view gallery",
          "image", "photo", "video", "audio", "gallery", "more", "less", "reply", "follow", "like", "save",
          "bookmark", "nach oben", "teilen", "drucken", "weiterlesen", "partager", "imprimer", "compartir");

  private static final Set<String> SOCIAL =
      Set.of("share", "facebook", "twitter", "x", "linkedin", "email", "e", "mail", "print", "whatsapp", "reddit",
          "copy", "link", "pinterest", "telegram", "messenger", "flipboard", "tumblr", "this", "article", "story",
          "on", "via", "sms", "instagram", "youtube", "follow", "us", "tweet", "google", "xing", "teilen", "diesen",
          "artikel", "beitrag", "partager", "cet", "compartir", "condividi");

  private static final Pattern ADVERT_NORM =
      Pattern.compile("^(?:advertisement|advertising|advert|anzeige|werbung|publicit[ée]|publicidad|sponsored"
          + "(?: content| post| story| by .{1,40})?|paid (?:content|post|partner(?:ship)?)|promoted(?: content| stories)?"
          + "|partner content|ads? by .{1,30}|shop now|buy now|story continues below(?: advertisement)?"
          + "|article continues below(?: advertisement)?|continue reading below)$");

  private static final Set<String> STORE_WORDS = Set.of("store", "shop", "shopping", "marketplace", "boutique", "merch");

  private static final Set<String> TRAILER_WORDS = Set.of("source", "sources", "via", "quelle", "fuente");

  /** Words that make a capitalised line an organisation or agency name (a photo credit when lone). */
  private static final Set<String> ORG_WORDS =
      Set.of("ministry", "ministerium", "agency", "agencies", "office", "department", "press", "images", "image",
          "photo", "photos", "photography", "news", "service", "handout", "archive", "archives", "library",
          "foundation", "government", "embassy", "council", "police", "army", "forces", "defense", "defence",
          "museum", "institute", "reuters", "afp", "ap", "xinhua", "tass", "ria", "epa", "getty", "dpa", "anadolu",
          "kremlin", "pool", "courtesy", "navy", "command", "committee", "commission", "administration",
          "presidency", "secretariat", "bureau", "sputnik", "wikimedia", "commons", "unsplash", "pixabay");

  /** Words that are never part of a person's name in a byline (organisations, job titles). */
  private static final Set<String> NOT_NAME_WORDS =
      Set.of("press", "news", "agency", "staff", "reuters", "afp", "times", "post", "journal", "daily", "herald",
          "tribune", "media", "network", "service", "office", "team", "desk", "bureau", "correspondent",
          "correspondents", "reporter", "reporters", "editor", "editors", "writer", "writers", "professor", "university",
          "ministry", "department", "institute", "center", "centre", "foundation", "group", "international", "online",
          "magazine", "radio", "tv", "television", "contributor", "columnist", "senior", "chief", "associate",
          "fellow", "director", "analyst", "researcher", "updated", "published", "posted", "admin", "administrator",
          "guest", "associated", "wire", "the", "and", "in", "at", "for", "with", "from", "monday", "tuesday",
          "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "january", "february",
          "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
          "minutes", "min", "read", "ago", "hours", "comments");

  private static final Set<String> NAME_PARTICLES =
      Set.of("van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "al", "el", "ter",
          "dos", "das", "y", "zu");

  private static final Set<String> MINOR_WORDS =
      Set.of("of", "for", "and", "the", "de", "&", "du", "des", "der", "die", "und", "la", "el", "via", "on", "in",
          "at", "to");

  // ---------------------------------------------------------------- classification

  /** Classifies a document given as blocks of lines. {@code knownTitle} (from metadata) may be null. */
  public CleanText classify(List<List<String>> blocks, String knownTitle) {
    return classify(blocks, knownTitle, Set.of());
  }

  /**
   * Classifies a document given as blocks of lines. {@code siteRepeated} holds the {@link SiteRepeats#lineKey}s of
   * the lines that recur across the documents of this document's site; they are labelled SITE_REPEATED (unless a
   * more specific label applies). When repeated prose makes up most of the document, the document is a copy of
   * another rather than chrome around an article: then only repeated chrome lines go.
   */
  public CleanText classify(List<List<String>> blocks, String knownTitle, Set<String> siteRepeated) {
    Doc doc = new Doc(blocks);
    List<Line> lines = doc.lines;
    String title = knownTitle == null || knownTitle.isBlank() ? null : knownTitle.strip().replaceAll("\\s+", " ");
    Head head = new Head(title);

    labelLineLocal(doc);
    labelPageFurniture(doc);
    labelSiteRepeated(doc, siteRepeated);
    labelEmailHeader(doc, head);
    labelHead(doc, head);
    labelCaptionBlocks(doc);
    labelTail(doc);

    List<String> body = new ArrayList<>();
    List<CleanText.RemovedLine> removed = new ArrayList<>();
    for (Line l : lines) {
      if (l.label == LineLabel.BODY) {
        body.add(l.text);
      } else {
        removed.add(new CleanText.RemovedLine(l.text, l.label));
      }
    }
    return new CleanText(head.title, head.subtitle, new ArrayList<>(head.authors), head.published, body, removed);
  }

  /** Pass 1: what a line is by itself. */
  private void labelLineLocal(Doc doc) {
    List<Line> lines = doc.lines;
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      String text = line.text;
      String norm = line.norm;
      int words = line.words;
      if (norm.isEmpty()) {
        line.label = LineLabel.NAVIGATION;
      } else if (i > 0 && norm.equals(lines.get(i - 1).norm)) {
        line.label = LineLabel.DUPLICATE_LINE;
      } else if (words <= 6 && (NAVIGATION.contains(norm) || isSocialLine(norm) || isBreadcrumb(text))) {
        line.label = LineLabel.NAVIGATION;
      } else if (words <= 20 && TICKER.matcher(text).lookingAt()) {
        line.label = LineLabel.NAVIGATION;
      } else if (words <= 6 && PARENTHESISED.matcher(text).matches()) {
        line.label = LineLabel.CREDIT;
      } else if (words <= 8 && (ADVERT_NORM.matcher(norm).matches() || isStoreLine(line))) {
        line.label = LineLabel.ADVERT;
      } else if (words <= 60 && isCaption(line)) {
        line.label = LineLabel.CAPTION;
      } else if (words <= 12 && !line.sentence && CREDIT.matcher(text).lookingAt()) {
        line.label = isCopyright(line) ? LineLabel.TRAILER : LineLabel.CREDIT;
      } else if (isTagLine(line)) {
        line.label = LineLabel.TAGS;
      } else if (words <= 40 && isPrompt(line)) {
        line.label = LineLabel.PROMO;
      } else if (words <= 30 && isCopyright(line)) {
        line.label = LineLabel.TRAILER;
      } else if (words <= 12 && SOURCE_LINE.matcher(text).lookingAt()) {
        line.label = LineLabel.TRAILER;
      } else if (words <= 25 && RELATED_LINE.matcher(text).lookingAt()) {
        line.label = LineLabel.RELATED;
      }
    }
  }

  /** Page numbers, and short lines that recur three or more times within one document (running heads). */
  private void labelPageFurniture(Doc doc) {
    Map<String, Integer> counts = new HashMap<>();
    for (Line l : doc.lines) {
      if (l.label == LineLabel.BODY && l.words <= 10 && !l.sentence) {
        counts.merge(l.norm, 1, Integer::sum);
      }
    }
    for (Line l : doc.lines) {
      if (l.label != LineLabel.BODY) {
        continue;
      }
      if (PAGE_NUMBER.matcher(l.norm).matches() || counts.getOrDefault(l.norm, 0) >= 3) {
        l.label = LineLabel.PAGE_FURNITURE;
      }
    }
  }

  private void labelSiteRepeated(Doc doc, Set<String> siteRepeated) {
    if (siteRepeated.isEmpty()) {
      return;
    }
    int totalWords = 0;
    int repeatedProse = 0;
    String[] keys = new String[doc.lines.size()];
    for (int i = 0; i < keys.length; i++) {
      Line l = doc.lines.get(i);
      keys[i] = SiteRepeats.lineKey(l.text, l.norm);
      totalWords += l.words;
      if (keys[i] != null && keys[i].charAt(0) == SiteRepeats.SENTENCE && siteRepeated.contains(keys[i])) {
        repeatedProse += l.words;
      }
    }
    // Mostly repeated prose: this document is a copy (evidence for dedup), not chrome around an article.
    boolean copy = repeatedProse * 2 > totalWords;
    for (int i = 0; i < keys.length; i++) {
      Line l = doc.lines.get(i);
      if (l.label == LineLabel.BODY && keys[i] != null && siteRepeated.contains(keys[i])
          && !(copy && keys[i].charAt(0) == SiteRepeats.SENTENCE)) {
        l.label = LineLabel.SITE_REPEATED;
      }
    }
  }

  /** E-mail headers at the top of a converted message (two or more header lines in a row). */
  private void labelEmailHeader(Doc doc, Head head) {
    List<Line> lines = doc.lines;
    int run = 0;
    while (run < lines.size() && run < 12 && EMAIL_HEADER.matcher(lines.get(run).text).lookingAt()) {
      run++;
    }
    if (run < 2) {
      return;
    }
    for (int i = 0; i < run; i++) {
      Line l = lines.get(i);
      l.label = LineLabel.EMAIL_HEADER;
      Matcher s = SUBJECT.matcher(l.text);
      if (s.find() && head.title == null) {
        head.title = s.group(1).strip();
      }
      Matcher d = EMAIL_DATE.matcher(l.text);
      if (d.find() && head.published == null) {
        head.published = Dates.parseMachine(d.group(1)).orElse(null);
      }
    }
    head.headerLines = run;
  }

  /** Pass 2: title, standfirst, byline and dateline at the head of the document. */
  private void labelHead(Doc doc, Head head) {
    List<Line> lines = doc.lines;
    String knownNorm = head.title == null ? null : TextNormalizer.normalize(head.title);
    boolean titleFromText = head.title == null;
    boolean bodyStarted = false;
    int titleIndex = -1;
    int limit = Math.min(lines.size(), head.headerLines + 15);
    for (int i = head.headerLines; i < limit; i++) {
      Line line = lines.get(i);
      if (line.label != LineLabel.BODY && line.label != LineLabel.SITE_REPEATED) {
        continue;
      }
      if (labelByline(lines, i, head)) {
        continue;
      }
      if (isDatelineShape(line)) {
        Optional<Long> date = Dates.parseText(line.text);
        if (date.isPresent()) {
          line.label = LineLabel.DATELINE;
          if (head.published == null) {
            head.published = date.get();
          }
          continue;
        }
      }
      if (line.label != LineLabel.BODY) {
        continue;
      }
      if (knownNorm != null && titleIndex < 0 && sameTitle(line.norm, knownNorm)) {
        line.label = LineLabel.TITLE;
        titleIndex = i;
        if (!line.norm.equals(knownNorm)) {
          head.title = clean(line.text); // the metadata title carries a site suffix: keep the headline
        }
        continue;
      }
      if (bodyStarted) {
        continue;
      }
      if (knownNorm == null && titleFromText && titleIndex < 0 && looksLikeTitle(line)) {
        if (line.words < 3 && i + 1 < limit && looksLikeTitle(lines.get(i + 1)) && lines.get(i + 1).words >= 3) {
          line.label = LineLabel.NAVIGATION; // a kicker or section label above the headline
          continue;
        }
        line.label = LineLabel.TITLE;
        head.title = clean(line.text);
        titleIndex = i;
        continue;
      }
      bodyStarted = true;
    }
    labelStandfirst(lines, titleIndex, limit, head);
  }

  /** A "By …" line (or "Posted by" with the names on the next line); returns whether line i is a byline. */
  private boolean labelByline(List<Line> lines, int i, Head head) {
    Line line = lines.get(i);
    if (line.words > 25) {
      return false;
    }
    Matcher by = BYLINE.matcher(line.text);
    Matcher field = AUTHOR_FIELD.matcher(line.text);
    String rest;
    if (by.find()) {
      rest = by.group(1);
    } else if (field.find()) {
      rest = field.group(1);
    } else {
      return false;
    }
    Matcher prose = BYLINE_THEN_PROSE.matcher(rest);
    if (prose.find() && prose.group(1).split("\\s+").length >= 8) {
      // "By Jane Roe: The Americas cannot ignore …": the names lead into the first paragraph, which stays body
      head.authors.addAll(parseAuthors(rest.substring(0, prose.start(1)).replaceAll("[\\s:–—]+$", "")));
      return false;
    }
    List<String> names = parseAuthors(rest);
    if (names.isEmpty() && !rest.isBlank() && Dates.parseText(rest).isEmpty()) {
      return false; // "By Monday, the talks had ended." is prose
    }
    line.label = LineLabel.BYLINE;
    head.authors.addAll(names);
    Dates.parseText(line.text).ifPresent(d -> {
      if (head.published == null) {
        head.published = d;
      }
    });
    if (names.isEmpty() && i + 1 < lines.size()) {
      Line next = lines.get(i + 1);
      List<String> more = next.words <= 20 ? parseAuthors(next.text) : List.of();
      if (!more.isEmpty() && (next.label == LineLabel.BODY || next.label == LineLabel.SITE_REPEATED)) {
        next.label = LineLabel.BYLINE;
        head.authors.addAll(more);
        Dates.parseText(next.text).ifPresent(d -> {
          if (head.published == null) {
            head.published = d;
          }
        });
      }
    }
    return true;
  }

  /**
   * The standfirst: the line between the headline and the byline or dateline. Without a byline or dateline
   * after it, a line under the headline is the first paragraph and stays body.
   */
  private void labelStandfirst(List<Line> lines, int titleIndex, int limit, Head head) {
    if (titleIndex < 0 || head.subtitle != null) {
      return;
    }
    int i = titleIndex + 1;
    if (i >= limit || lines.get(i).label != LineLabel.BODY || lines.get(i).words < 6 || lines.get(i).words > 80) {
      return;
    }
    for (int j = i + 1; j < limit; j++) {
      LineLabel next = lines.get(j).label;
      if (next == LineLabel.BYLINE || next == LineLabel.DATELINE) {
        lines.get(i).label = LineLabel.SUBTITLE;
        head.subtitle = clean(lines.get(i).text);
        return;
      }
      if (next == LineLabel.BODY) {
        return;
      }
    }
  }

  /** Pass 3: caption blocks and lone credit lines. */
  private void labelCaptionBlocks(Doc doc) {
    List<Line> lines = doc.lines;
    // Where paragraphs are separated by blank lines, a block of a few lines that holds a caption, credit or tag
    // line, or that ends in a lone agency name, is a caption block as a whole (tags + caption + credit).
    if (doc.blankSeparated) {
      for (int start = 0; start < lines.size(); ) {
        int end = start;
        while (end < lines.size() && lines.get(end).block == lines.get(start).block) {
          end++;
        }
        int size = end - start;
        if (size > 1 && size <= 5) {
          boolean caption = false;
          for (int k = start; k < end; k++) {
            LineLabel lab = lines.get(k).label;
            caption |= lab == LineLabel.TAGS || lab == LineLabel.CAPTION || lab == LineLabel.CREDIT;
          }
          caption |= isOrgCredit(lines.get(end - 1));
          if (caption) {
            for (int k = start; k < end; k++) {
              Line l = lines.get(k);
              if (l.label == LineLabel.BODY || l.label == LineLabel.SITE_REPEATED) {
                l.label = isOrgCredit(l) || (l.words <= 8 && !l.sentence) ? LineLabel.CREDIT : LineLabel.CAPTION;
              }
            }
          }
        }
        start = end;
      }
    }
    // A lone agency or ministry name right under a caption (or under a tag line and a caption) is its credit.
    for (int i = 1; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.label != LineLabel.BODY || !isOrgCredit(l)) {
        continue;
      }
      LineLabel prev = lines.get(i - 1).label;
      if (prev == LineLabel.CAPTION || prev == LineLabel.CREDIT) {
        l.label = LineLabel.CREDIT;
      } else if (i >= 2 && prev == LineLabel.BODY && lines.get(i - 2).label == LineLabel.TAGS
          && lines.get(i - 1).words <= 80) {
        l.label = LineLabel.CREDIT;
        lines.get(i - 1).label = LineLabel.CAPTION;
      }
    }
  }

  /** Pass 4: "Related"/"About us" sections, e-mail signatures, then trailing source, store and blurb lines. */
  private void labelTail(Doc doc) {
    List<Line> lines = doc.lines;
    int n = lines.size();
    int bodyWords = 0;
    for (Line l : lines) {
      if (l.label == LineLabel.BODY) {
        bodyWords += l.words;
      }
    }
    // A tail heading in the last part of the document cuts the rest, unless the rest holds much prose (link
    // titles and publisher blurbs do not count as prose here).
    int first = -1;
    for (int i = Math.max(1, n * 2 / 5); i < n && first < 0; i++) {
      first = isTailHeading(lines.get(i)) ? i : -1;
    }
    int cut = -1;
    int suffixWords = 0;
    for (int i = n - 1; first >= 0 && i >= first; i--) {
      Line l = lines.get(i);
      if (l.label == LineLabel.BODY && l.prose && !isBlurb(l)) {
        suffixWords += l.words;
      }
      if (isTailHeading(l) && suffixWords <= Math.max(25, bodyWords / 3)) {
        cut = i;
      }
    }
    if (cut >= 0) {
      LineLabel section = LineLabel.RELATED;
      for (int j = cut; j < n; j++) {
        Line l = lines.get(j);
        if (ABOUT_HEADING.matcher(l.norm).matches()) {
          section = LineLabel.PUBLISHER_BLURB;
        } else if (EMAIL_SEPARATOR.matcher(l.text.strip()).matches()) {
          section = LineLabel.TRAILER;
        }
        if (l.label == LineLabel.BODY || l.label == LineLabel.SITE_REPEATED) {
          l.label = section;
        }
      }
    }
    // Trailing lines: source, store, copyright, "originally published", blurbs and author bios.
    List<Line> shortRun = new ArrayList<>();
    for (int i = n - 1; i > 0; i--) {
      Line l = lines.get(i);
      if (l.label != LineLabel.BODY) {
        continue;
      }
      LineLabel trailer = trailerLabel(l);
      if (trailer == null) {
        break;
      }
      l.label = trailer;
      if (trailer == LineLabel.TRAILER && l.words <= 4 && !l.sentence) {
        shortRun.add(l);
      }
    }
    // A source or signature is a line or three: a longer run of short lines at the end is a list or a table
    // (a ranking, an address and rating box) that ends the article.
    if (shortRun.size() > MAX_SHORT_TRAILER) {
      for (Line l : shortRun) {
        l.label = LineLabel.BODY;
      }
    }
  }

  private static final int MAX_SHORT_TRAILER = 4;

  private static boolean isTailHeading(Line l) {
    return l.words <= 8 && !l.sentence
        && (RELATED_HEADING.matcher(l.norm).matches() || ABOUT_HEADING.matcher(l.norm).matches()
            || EMAIL_SEPARATOR.matcher(l.text).matches());
  }

  private static LineLabel trailerLabel(Line l) {
    if (REPUBLISHED.matcher(l.text).lookingAt()) {
      return LineLabel.TRAILER;
    }
    if (l.words <= 10 && UPDATE_STAMP.matcher(l.text).lookingAt() && Dates.parseText(l.text).isPresent()) {
      return LineLabel.DATELINE; // "Aktualisiert am 17.01.2021.", "Last updated: March 3, 2021"
    }
    if (l.words <= 80 && (isBlurb(l) || AUTHOR_BIO.matcher(l.text).lookingAt())) {
      return LineLabel.PUBLISHER_BLURB;
    }
    if (l.words <= 4 && !l.sentence) {
      List<String> ws = List.of(l.norm.split(" "));
      if (ws.stream().anyMatch(STORE_WORDS::contains)) {
        return LineLabel.ADVERT;
      }
      return LineLabel.TRAILER; // "Source", "Reuters", a signature
    }
    if (l.words <= 6 && !l.prose && List.of(l.norm.split(" ")).stream().anyMatch(TRAILER_WORDS::contains)) {
      return LineLabel.TRAILER;
    }
    return null;
  }

  // ---------------------------------------------------------------- line predicates

  private static boolean isPrompt(Line line) {
    String text = line.text;
    if (CTA_START.matcher(text).lookingAt()
        || (containsAny(line.lower, CTA_HINTS) && CTA_ANYWHERE.matcher(line.lower).find())) {
      return !REPORTED.matcher(text).find();
    }
    return containsAny(line.lower, NEWSLETTER_HINTS) && NEWSLETTER.matcher(text).find()
        && NEWSLETTER_ACTION.matcher(text).find() && !REPORTED.matcher(text).find();
  }

  private static boolean isCaption(Line line) {
    String t = line.text;
    char last = t.charAt(t.length() - 1);
    return ((last == ')' || last == ']') && CAPTION_END.matcher(t).find())
        || CAPTION_START.matcher(t).lookingAt()
        || (containsAny(line.lower, AGENCY_HINTS) && CAPTION_AGENCY.matcher(line.lower).find());
  }

  private static boolean isCopyright(Line line) {
    return containsAny(line.lower, COPYRIGHT_HINTS) && COPYRIGHT.matcher(line.text).find();
  }

  private static boolean isBlurb(Line line) {
    return containsAny(line.lower, BLURB_HINTS) && BLURB.matcher(line.text).find();
  }

  private static boolean containsAny(String lower, String[] needles) {
    for (String n : needles) {
      if (lower.contains(n)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSocialLine(String norm) {
    String[] ws = norm.split(" ");
    if (ws.length < 2) {
      return false;
    }
    for (String w : ws) {
      if (!SOCIAL.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /** "Home > World > Asia", "News | Politics | World". */
  private static boolean isBreadcrumb(String text) {
    String[] parts = text.split("\\s*(?:>|»|›|\\||•|·)\\s*");
    if (parts.length < 3) {
      return false;
    }
    for (String p : parts) {
      int w = wordCount(p);
      if (w == 0 || w > 3) {
        return false;
      }
    }
    return true;
  }

  private static boolean isStoreLine(Line l) {
    if (l.words > 4 || l.sentence) {
      return false;
    }
    String[] ws = l.norm.split(" ");
    return STORE_WORDS.contains(ws[ws.length - 1]);
  }

  /** "china, russia, military, partnership, training", "Tags: Russia, China". */
  private static boolean isTagLine(Line line) {
    String text = line.text;
    if (line.words <= 40 && TAG_PREFIX.matcher(text).lookingAt() && (text.contains(",") || text.contains(":"))) {
      return true;
    }
    if (line.words > 30 || endsSentence(text) || !(text.contains(",") || text.contains(";"))) {
      return false;
    }
    String[] items = text.split("\\s*[,;]\\s*");
    if (items.length < 4) {
      return false;
    }
    for (String item : items) {
      int words = wordCount(item);
      if (words == 0 || words > 3) {
        return false;
      }
    }
    return true;
  }

  /** A lone organisation or agency name: "Russian Ministry of Defense", "Xinhua News Agency". */
  static boolean isOrgCredit(Line l) {
    if (l.words < 1 || l.words > 7 || l.sentence || l.text.matches(".*\\d.*")) {
      return false;
    }
    boolean org = false;
    for (String w : l.text.strip().split("\\s+")) {
      String bare = w.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
      if (bare.isEmpty()) {
        continue;
      }
      String lower = bare.toLowerCase(Locale.ROOT);
      if (!Character.isUpperCase(bare.codePointAt(0)) && !MINOR_WORDS.contains(lower)) {
        return false;
      }
      org |= ORG_WORDS.contains(lower);
    }
    return org;
  }

  private static final Pattern DATE_KEYWORD =
      Pattern.compile("^\\s*(?:published|updated|posted|last (?:modified|updated)|date|dated|released|issued"
          + "|ver[öo]ffentlicht|aktualisiert|stand|publi[ée]|mis [àa] jour|publicado|actualizado)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Short, not a sentence, and either very short or with separators or a date keyword. */
  private static boolean isDatelineShape(Line line) {
    if (line.words > 15 || line.sentence) {
      return false;
    }
    return line.words <= 8 || line.text.matches(".*(?:\\||•|·|\\s[-–—]\\s).*") || DATE_KEYWORD.matcher(line.text).find();
  }

  private static boolean looksLikeTitle(Line line) {
    String t = line.text.strip();
    return line.words >= 2 && line.words <= 30 && t.length() <= 250 && !t.endsWith(".") && !t.endsWith(",")
        && !t.endsWith(":") && !t.endsWith(";") && Character.isLetterOrDigit(firstLetterOrDigit(t));
  }

  private static int firstLetterOrDigit(String t) {
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        return cp;
      }
      if (cp != '‘' && cp != '\'' && cp != '"' && cp != '“') {
        return cp;
      }
      i += Character.charCount(cp);
    }
    return ' ';
  }

  /** The headline line of a metadata title: equal, or the title with a site name after it. */
  private static boolean sameTitle(String lineNorm, String knownNorm) {
    if (lineNorm.equals(knownNorm)) {
      return true;
    }
    return lineNorm.split(" ").length >= 3 && knownNorm.startsWith(lineNorm + " ");
  }

  // ---------------------------------------------------------------- authors

  /** Author names from a byline remainder: "Patrick Goodenough | March 23, 2021", "Jane Roe, Professor at X". */
  static List<String> parseAuthors(String text) {
    String s = text.strip();
    s = s.split("\\s*(?:[|•·/]|\\s[-–—]\\s)\\s*")[0];
    s = s.replaceAll("(?i)^(?:by|posted by|written by)\\s+", "");
    // a date or time ends the names: "Jane Roe on March 3", "Jane Roe 4 hours ago"
    s = s.split("(?i)\\s+(?:on|at|am|um|le|el|updated|published|posted)\\s+|\\d")[0];
    List<String> names = new ArrayList<>();
    for (String part : s.split("(?i)\\s*(?:,|;|\\band\\b|&|\\bund\\b|\\bet\\b)\\s*")) {
      String p = part.strip().replaceAll("[.:]+$", "").strip();
      if (p.isEmpty()) {
        continue;
      }
      if (!looksLikeName(p)) {
        break;
      }
      names.add(titleCaseIfShouting(p));
    }
    return names;
  }

  static boolean looksLikeName(String s) {
    String[] words = s.split("\\s+");
    int proper = 0;
    if (words.length < 2 || words.length > 5 || s.contains("@")) {
      return false;
    }
    for (String w : words) {
      String lower = w.toLowerCase(Locale.ROOT).replaceAll("[.,]", "");
      if (NAME_PARTICLES.contains(lower)) {
        continue;
      }
      if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0)) || w.chars().anyMatch(Character::isDigit)
          || NOT_NAME_WORDS.contains(lower)) {
        return false;
      }
      proper++;
    }
    return proper >= 2 && proper <= 4;
  }

  private static String titleCaseIfShouting(String name) {
    if (!name.equals(name.toUpperCase(Locale.ROOT))) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    for (String w : name.split("\\s+")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- text helpers

  /** Splits plain text into blocks at blank lines. */
  public static List<List<String>> blocksOf(String text) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String raw : text.split("\\r?\\n|\\r", -1)) {
      if (raw.strip().isEmpty()) {
        if (!current.isEmpty()) {
          blocks.add(current);
          current = new ArrayList<>();
        }
      } else {
        current.add(raw);
      }
    }
    if (!current.isEmpty()) {
      blocks.add(current);
    }
    return blocks;
  }

  static boolean endsSentence(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return false;
    }
    char c = t.charAt(t.length() - 1);
    return ".!?:;\"”’)…".indexOf(c) >= 0;
  }

  static int wordCount(String text) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean ws = Character.isWhitespace(text.charAt(i));
      if (!ws && !in) {
        n++;
      }
      in = !ws;
    }
    return n;
  }

  private static String clean(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  // ---------------------------------------------------------------- document model

  private static final class Head {
    String title;
    String subtitle;
    final Set<String> authors = new LinkedHashSet<>();
    Long published;
    int headerLines;

    Head(String title) {
      this.title = title;
    }
  }

  private static final class Doc {
    final List<Line> lines = new ArrayList<>();
    final boolean blankSeparated;

    Doc(List<List<String>> blocks) {
      int blockIndex = 0;
      for (List<String> block : blocks) {
        boolean any = false;
        for (String raw : block) {
          String text = raw.strip();
          if (!text.isEmpty()) {
            lines.add(new Line(text, blockIndex));
            any = true;
          }
        }
        if (any) {
          blockIndex++;
        }
      }
      // Most blocks are single paragraphs: blank lines separate paragraphs, and a multi-line block is special.
      blankSeparated = blockIndex >= 3 && lines.size() <= blockIndex * 1.5;
    }
  }

  static final class Line {
    final String text;
    final String norm;
    final String lower;
    final int block;
    final int words;
    /** Ends like a sentence. */
    final boolean sentence;
    /** Reads as prose: a sentence of some length. */
    final boolean prose;
    LineLabel label = LineLabel.BODY;

    Line(String text, int block) {
      this.text = text;
      this.norm = TextNormalizer.normalize(text);
      this.lower = text.toLowerCase(Locale.ROOT);
      this.block = block;
      this.words = wordCount(text);
      this.sentence = endsSentence(text);
      this.prose = words >= 10 || (words >= 4 && sentence); // SiteRepeats.isSentence, from the counts above
    }

    @Override
    public String toString() {
      return label + ": " + text;
    }
  }
}
