package io.newsbeam.extract.html;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link PageModelBuilder} records from one page's SAX stream: the elements (with parent links and the
 * class/id hints they carry), the paragraphs in reading order, and the metadata-bearing elements seen on the
 * way ({@code <h1>}, {@code <time>}, author links and byline elements).
 */
final class PageModel {

  /** One element. Only the attributes the scorer and the metadata reader use are kept. */
  static final class Node {
    final String tag;
    final Node parent;
    final int depth;
    /** Lower-cased class, id, role and itemprop joined by spaces. */
    final String hint;
    final String itemprop;
    final int order;
    /** Text characters below this element, and those inside links. */
    int chars;
    int linkChars;
    /** Characters of the substantial paragraphs below (25+ characters, mostly not links, not headings). */
    int goodChars;
    /** Readability-style score accumulated from the paragraphs below. */
    double score;
    boolean scored;

    Node(String tag, Node parent, String hint, String itemprop, int order) {
      this.tag = tag;
      this.parent = parent;
      this.depth = parent == null ? 0 : parent.depth + 1;
      this.hint = hint;
      this.itemprop = itemprop;
      this.order = order;
    }

    private byte chrome = -1;
    private byte positive = -1;

    /** A negative class/id hint not overruled by a positive one (computed once per element). */
    boolean chromeHint() {
      if (chrome < 0) {
        chrome = (byte) (Hints.isNegative(hint) && !Hints.isPositive(hint) ? 1 : 0);
      }
      return chrome == 1;
    }

    private byte consent = -1;
    /** A dialog layer by its ARIA semantics (role="dialog"/"alertdialog", aria-modal="true"), not by class words. */
    boolean dialog;

    /** Inside a cookie/consent dialog or an ARIA dialog layer (this element or an ancestor). */
    boolean inConsent() {
      if (consent < 0) {
        consent = (byte) (dialog || Hints.isConsent(hint) || (parent != null && parent.inConsent()) ? 1 : 0);
      }
      return consent == 1;
    }

    boolean positiveHint() {
      if (positive < 0) {
        positive = (byte) (Hints.isPositive(hint) ? 1 : 0);
      }
      return positive == 1;
    }

    boolean isAncestorOf(Node n) {
      for (Node a = n; a != null; a = a.parent) {
        if (a == this) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return tag + (hint.isEmpty() ? "" : "[" + hint + "]");
    }
  }

  /** A run of text inside one block element: the unit the scorer keeps or drops. */
  static final class Paragraph {
    final String text;
    final int chars;
    final int linkChars;
    final Node owner;
    final int index;
    /** 1..6 inside a heading, 0 otherwise. */
    final int heading;
    boolean boilerpipeContent;
    /**
     * boilerpipe's block features of this paragraph (as its HTML handler counts them): word tokens, those inside
     * links, and the words and lines of the text wrapped at 80 columns; 0 tokens means boilerpipe has no block.
     */
    int tokens;
    int words;
    int linkedWords;
    int wordsInWrappedLines;
    int wrappedLines;

    Paragraph(String text, int linkChars, Node owner, int index, int heading) {
      this.text = text;
      this.chars = text.length();
      this.linkChars = linkChars;
      this.owner = owner;
      this.index = index;
      this.heading = heading;
    }

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * A text-bearing element the metadata reader looks at (h1, time, author link, byline box); {@code at} is the
   * index of the first paragraph that starts after the element does (its position among the paragraphs).
   */
  record Marked(String kind, String text, String attribute, Node node, int at) {}

  final List<Node> nodes = new ArrayList<>();
  final List<Paragraph> paragraphs = new ArrayList<>();
  final List<Marked> marked = new ArrayList<>();
  String titleElement;
}
