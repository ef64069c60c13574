package io.newsbeam.extract.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX handler over Tika's XHTML events (with every element and attribute kept, see {@link KeepAllHtmlMapper})
 * that builds a {@link PageModel}: block elements split the text into paragraphs; links count towards link
 * density; script, style and form controls contribute no text.
 */
final class PageModelBuilder extends DefaultHandler {

  static final Set<String> BLOCKS =
      Set.of(
          "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
          "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
          "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
          "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "frameset", "frame",
          "iframe", "object", "video", "audio", "picture", "head");

  /** Elements whose text never reaches the body. */
  static final Set<String> SILENT =
      Set.of("script", "style", "template", "select", "option", "button", "textarea", "svg", "head",
          "iframe", "object", "map", "label");

  /**
   * Deepest element level the page model keeps. Deeper elements are attached at this level as siblings of
   * one another, as browsers do (WebKit caps its DOM depth at 512): their text and hints stay, and every walk
   * up the ancestors stays short however deep a hostile page nests.
   */
  static final int MAX_DEPTH = 256;

  /** Marked kinds whose publication time may sit in a nested element's attribute. */
  private static final Set<String> DATED_KINDS = Set.of("time", "time-modified", "date-prop", "date-box", "byline");

  private final PageModel model = new PageModel();
  private final Deque<PageModel.Node> stack = new ArrayDeque<>();
  private final StringBuilder text = new StringBuilder();
  private final int maxChars;
  private int totalChars;
  private int linkChars;
  private int inLink;
  private int silent;
  private int heading;
  private int inTitle;
  private boolean pendingSpace;
  // boilerpipe's block features of the paragraph being read (see PageModel.Paragraph#words): the token in progress
  // and the counts so far, wrapping lines at 80 columns as boilerpipe's handler does
  private boolean inToken;
  private int tokenLength;
  private boolean tokenIsWord;
  private boolean tokenLinked;
  private int tokens;
  private int words;
  private int linkedWords;
  private int wrappedLines;
  private int wordsCurrentLine;
  private int lineLength = -1;
  private final StringBuilder titleText = new StringBuilder();
  // capture of the text of a marked element (h1, time, author link, byline box)
  private PageModel.Node capturing;
  private String captureKind;
  private String captureAttr;
  private int captureAt;
  private final StringBuilder captured = new StringBuilder();

  PageModelBuilder(int maxChars) {
    this.maxChars = maxChars;
  }

  PageModel model() {
    flush();
    if (titleText.length() > 0) {
      model.titleElement = collapse(titleText.toString());
    }
    return model;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    String tag = (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
    if (BLOCKS.contains(tag)) {
      flush();
    } else if (tag.equals("br") && text.length() > 0 && silent == 0) {
      // a line break stays inside the paragraph: lines of one block reach the line classifier as lines
      endToken();
      text.append('\n');
      pendingSpace = false;
    }
    String cls = atts.getValue("class");
    String id = atts.getValue("id");
    String role = atts.getValue("role");
    String itemprop = atts.getValue("itemprop");
    // page-wide classes on html/body ("has-navbar", "single-post") say nothing about one block
    String hint = tag.equals("body") || tag.equals("html") ? "" : hint(cls, id, role, itemprop);
    PageModel.Node parent = stack.peek();
    if (parent != null && parent.depth >= MAX_DEPTH) {
      parent = parent.parent;
    }
    PageModel.Node node = new PageModel.Node(tag, parent, hint, itemprop, model.nodes.size());
    node.dialog = (role != null && (role.strip().equalsIgnoreCase("dialog") || role.strip().equalsIgnoreCase("alertdialog")))
        || "true".equalsIgnoreCase(atts.getValue("aria-modal"));
    model.nodes.add(node);
    stack.push(node);
    if (SILENT.contains(tag)) {
      silent++;
    }
    if (tag.equals("title") && inTitle == 0 && model.titleElement == null) {
      inTitle++;
    }
    if (tag.equals("a")) {
      endToken(); // boilerpipe marks the start and end of anchor text with tokens of their own
      inLink++;
    }
    if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
      heading = tag.charAt(1) - '0';
    }
    String property = atts.getValue("property");
    boolean publishedProp = isPublishedProperty(itemprop) || isPublishedProperty(property);
    String kind = null;
    String attr = null;
    if (tag.equals("h1")) {
      kind = "h1";
    } else if ((tag.equals("h2") || tag.equals("h3")) && (hint.contains("title") || hint.contains("headline"))) {
      kind = "title-heading";
    } else if (publishedProp) {
      // schema.org microdata (itemprop) or RDFa (property="schema:datePublished"), on <time>, <meta>, <abbr>…
      kind = "date-prop";
      attr = firstNonNull(atts.getValue("datetime"), firstNonNull(atts.getValue("content"), isoTitle(atts)));
    } else if (tag.equals("time")) {
      // <time itemprop="dateModified">: a modification time, read only after every publication time
      kind = isModifiedProperty(itemprop) || isModifiedProperty(property) ? "time-modified" : "time";
      attr = atts.getValue("datetime");
    } else if ("author".equalsIgnoreCase(atts.getValue("rel"))) {
      kind = "author-link";
    } else if (itemprop != null && (itemprop.equalsIgnoreCase("author") || itemprop.equalsIgnoreCase("creator"))) {
      kind = "author-prop";
    } else if (Hints.isBylineHint(hint)) {
      kind = "byline";
    } else if (Hints.isDateHint(hint)) {
      kind = "date-box";
      // hAtom: <abbr class="published" title="2018-06-05T08:00:00-07:00">08:00</abbr>
      attr = firstNonNull(atts.getValue("datetime"), isoTitle(atts));
    }
    if (capturing != null) {
      if (captureAttr == null && DATED_KINDS.contains(captureKind)) {
        // a machine-readable time nested in a date or byline box: <span class="timestamp"><abbr title="2018-06-05T08:00">
        captureAttr = firstNonNull(atts.getValue("datetime"), publishedProp ? firstNonNull(atts.getValue("content"), isoTitle(atts)) : isoTitle(atts));
      }
      if (attr != null && (kind.equals("date-prop") || kind.startsWith("time"))) {
        // a machine-readable time inside another marked element (a date inside the headline box) counts on its own
        model.marked.add(new PageModel.Marked(kind, "", attr, node, model.paragraphs.size()));
      }
    } else if (kind != null) {
      capturing = node;
      captureKind = kind;
      captureAttr = attr;
      captureAt = model.paragraphs.size();
      captured.setLength(0);
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    PageModel.Node node = stack.peek();
    if (node == null) {
      return;
    }
    String tag = node.tag;
    if (BLOCKS.contains(tag)) {
      flush();
    }
    stack.pop();
    if (SILENT.contains(tag)) {
      silent--;
    }
    if (tag.equals("title") && inTitle > 0) {
      inTitle--;
    }
    if (tag.equals("a")) {
      endToken();
      inLink--;
    }
    if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
      heading = 0;
    }
    if (capturing == node) {
      String t = collapse(captured.toString());
      if (!t.isEmpty() || captureAttr != null) {
        model.marked.add(new PageModel.Marked(captureKind, t, captureAttr, node, captureAt));
      }
      capturing = null;
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (inTitle > 0) {
      titleText.append(ch, start, length);
      return;
    }
    if (silent > 0) {
      return;
    }
    if (capturing != null && captured.length() < 2000) {
      captured.append(ch, start, length);
    }
    totalChars += length;
    if (totalChars > maxChars) {
      throw new WriteLimitReachedException(maxChars);
    }
    for (int i = start; i < start + length; i++) {
      char c = ch[i];
      if (c == '\u00ad' || c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff') {
        continue; // soft hyphens and zero-width characters: invisible, and they break word matching
      }
      if (Character.isWhitespace(c) || c == '\u00a0') {
        pendingSpace = text.length() > 0;
        endToken();
      } else {
        if (!inToken) {
          inToken = true;
          tokenLength = 0;
          tokenIsWord = false;
          tokenLinked = inLink > 0;
        }
        tokenLength++;
        tokenIsWord |= Character.isLetterOrDigit(c);
        if (pendingSpace && text.charAt(text.length() - 1) != '\n') {
          text.append(' ');
          if (inLink > 0) {
            linkChars++;
          }
        }
        pendingSpace = false;
        text.append(c);
        if (inLink > 0) {
          linkChars++;
        }
      }
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    pendingSpace = text.length() > 0;
  }

  /** Ends the token in progress and counts it the way boilerpipe's handler does. */
  private void endToken() {
    if (!inToken) {
      return;
    }
    inToken = false;
    tokens++;
    if (tokenIsWord) {
      words++;
      wordsCurrentLine++;
      if (tokenLinked) {
        linkedWords++;
      }
      lineLength += tokenLength + 1;
      if (lineLength > 80) {
        wrappedLines++;
        lineLength = tokenLength;
        wordsCurrentLine = 1;
      }
    }
  }

  private void flush() {
    endToken();
    if (text.length() > 0) {
      PageModel.Node owner = stack.peek();
      while (owner != null && !BLOCKS.contains(owner.tag) && owner.parent != null) {
        owner = owner.parent;
      }
      String t = text.toString();
      PageModel.Paragraph p = new PageModel.Paragraph(t, Math.min(linkChars, t.length()), owner, model.paragraphs.size(), heading);
      model.paragraphs.add(p);
      p.tokens = tokens;
      p.words = words;
      p.linkedWords = linkedWords;
      p.wrappedLines = wrappedLines == 0 ? 1 : wrappedLines;
      p.wordsInWrappedLines = wrappedLines == 0 ? words : words - wordsCurrentLine;
      int good = p.chars >= 25 && p.heading == 0 && p.linkDensity() < 0.5 ? p.chars : 0;
      for (PageModel.Node a = owner; a != null; a = a.parent) {
        a.chars += p.chars;
        a.linkChars += p.linkChars;
        a.goodChars += good;
      }
    }
    text.setLength(0);
    linkChars = 0;
    pendingSpace = false;
    tokens = 0;
    words = 0;
    linkedWords = 0;
    wrappedLines = 0;
    wordsCurrentLine = 0;
    lineLength = -1;
  }

  private static String hint(String cls, String id, String role, String itemprop) {
    if (cls == null && id == null && role == null && itemprop == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String s : new String[] {cls, id, role, itemprop}) {
      if (s != null && !s.isBlank()) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(s.strip().toLowerCase(Locale.ROOT));
      }
    }
    return b.toString();
  }

  /** itemprop/property values naming the publication time: datePublished, schema:dateCreated. */
  private static boolean isPublishedProperty(String v) {
    if (v == null) {
      return false;
    }
    String l = v.toLowerCase(Locale.ROOT);
    int colon = l.lastIndexOf(':');
    l = colon >= 0 ? l.substring(colon + 1) : l;
    return l.startsWith("datepublished") || l.equals("datecreated");
  }

  /** itemprop/property values naming a modification time: dateModified, article:modified_time. */
  private static boolean isModifiedProperty(String v) {
    if (v == null) {
      return false;
    }
    String l = v.toLowerCase(Locale.ROOT);
    return l.contains("modified") || l.contains("updated");
  }

  /** A machine-readable timestamp in the title attribute (the hAtom microformat), else null. */
  private static String isoTitle(Attributes atts) {
    String t = atts.getValue("title");
    return t != null && ISO_START.matcher(t.strip()).lookingAt() ? t.strip() : null;
  }

  private static final java.util.regex.Pattern ISO_START = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  /** Whitespace collapsed, soft hyphens and zero-width characters removed. */
  static String collapse(String s) {
    return INVISIBLE.matcher(s.replace('\u00a0', ' ')).replaceAll("").replaceAll("\\s+", " ").strip();
  }

  private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]");
}
