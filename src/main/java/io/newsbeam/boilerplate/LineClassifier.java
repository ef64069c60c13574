package io.newsbeam.boilerplate;

import io.newsbeam.extract.Dates;
import io.newsbeam.text.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Line and block classifier for text that reached us without markup (plain text, PDF, DOCX, e-mail, and
 * the blocks an HTML extractor kept). It removes captions, photo credits, tag lines, navigation markers,
 * calls to action, "Related"/"About us" tails and trailing store or source lines, and moves title, byline
 * and dateline into fields.
 *
 * <p>Input is a list of blocks in reading order; a block may hold several lines (lines that were not
 * separated by a blank line). Plain Java, no Beam.
 */
public final class LineClassifier {

  private static final Pattern PHOTO_CREDIT =
      Pattern.compile(
          "\\(\\s*(photo|photograph|image|picture|pic|credit|foto|bild)s?\\b[^)]*\\)\\s*$"
              + "|^(photo|image|picture|credit|foto)s?\\s*(by|:|©)"
              + "|\\b(getty images|shutterstock|ap photo|afp via|reuters/|epa-efe)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BYLINE =
      Pattern.compile("^(by|posted by|written by|von|par|por|story by|words by)\\b\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  private static final Pattern CALL_TO_ACTION =
      Pattern.compile(
          "^(you can )?(read|click|tap|subscribe|sign up|download|follow us|join|watch|listen)\\b.{0,120}\\b(here|now|today|below)\\s*[.!]?$"
              + "|\\b(subscribe to our newsletter|sign up for our newsletter|all rights reserved|cookie policy|privacy policy)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> NAVIGATION =
      Set.of(
          "top of page", "bottom of page", "back to top", "skip to content", "skip to main content",
          "advertisement", "sponsored", "share", "share this", "share this article", "print", "email",
          "comments", "menu", "home", "search", "log in", "login", "sign in", "next", "previous",
          "continue reading", "read more", "show more", "load more", "close", "tweet");

  private static final Set<String> TAIL_HEADINGS =
      Set.of(
          "related reading", "related", "related articles", "related stories", "related posts",
          "related content", "related news", "more from", "more stories", "more on this", "read also",
          "see also", "you may also like", "recommended", "recommended for you", "most popular",
          "most read", "about us", "about the author", "about the authors", "trending", "latest news");

  private static final Set<String> TRAILER_WORDS = Set.of("source", "sources", "via", "store", "shop", "ads", "ad");

  /** Classifies a document given as blocks of lines. {@code knownTitle} may be null. */
  public CleanText classify(List<List<String>> blocks, String knownTitle) {
    List<Line> lines = new ArrayList<>();
    int blockIndex = 0;
    for (List<String> block : blocks) {
      List<String> nonEmpty = block.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
      for (String text : nonEmpty) {
        lines.add(new Line(text, blockIndex, nonEmpty.size()));
      }
      if (!nonEmpty.isEmpty()) {
        blockIndex++;
      }
    }
    boolean blankSeparated = isBlankSeparated(lines, blockIndex);

    String title = knownTitle == null ? null : knownTitle.strip();
    String subtitle = null;
    Set<String> authors = new LinkedHashSet<>();
    Long published = null;

    // Pass 1: line-local labels.
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      String norm = TextNormalizer.normalize(line.text);
      if (norm.isEmpty()) {
        line.label = LineLabel.NAVIGATION;
      } else if (NAVIGATION.contains(norm)) {
        line.label = LineLabel.NAVIGATION;
      } else if (i > 0 && norm.equals(TextNormalizer.normalize(lines.get(i - 1).text))) {
        line.label = LineLabel.DUPLICATE_LINE;
      } else if (PHOTO_CREDIT.matcher(line.text).find() && wordCount(line.text) <= 60) {
        line.label = LineLabel.CAPTION;
      } else if (isTagLine(line.text)) {
        line.label = LineLabel.TAGS;
      } else if (CALL_TO_ACTION.matcher(line.text).find() && wordCount(line.text) <= 30) {
        line.label = LineLabel.PROMO;
      }
    }

    // Pass 2: the head: title, byline, dateline, standfirst.
    int firstBody = -1;
    for (int i = 0; i < lines.size() && i < 12; i++) {
      Line line = lines.get(i);
      if (line.label != LineLabel.BODY) {
        continue;
      }
      String text = line.text;
      var by = BYLINE.matcher(text);
      if (by.find() && wordCount(text) <= 25) {
        line.label = LineLabel.BYLINE;
        String rest = by.group(2);
        if (rest.isBlank() && i + 1 < lines.size()) {
          Line next = lines.get(i + 1);
          authors.addAll(parseAuthors(next.text));
          next.label = LineLabel.BYLINE;
        } else {
          authors.addAll(parseAuthors(rest));
        }
        Optional<Long> d = Dates.parseText(text);
        if (d.isPresent() && published == null) {
          published = d.get();
        }
        continue;
      }
      if (wordCount(text) <= 12 && Dates.parseText(text).isPresent() && !endsSentence(text)) {
        line.label = LineLabel.DATELINE;
        if (published == null) {
          published = Dates.parseText(text).get();
        }
        continue;
      }
      if (title != null && TextNormalizer.normalize(text).equals(TextNormalizer.normalize(title))) {
        line.label = LineLabel.TITLE;
        continue;
      }
      if (title == null && firstBody < 0 && looksLikeTitle(text)) {
        line.label = LineLabel.TITLE;
        title = text;
        continue;
      }
      if (firstBody < 0) {
        firstBody = i;
      }
    }

    // Pass 3: caption blocks. Where paragraphs are separated by blank lines, a multi-line block that holds
    // a caption, credit or tag line is a caption block as a whole (caption + credit + tags).
    if (blankSeparated) {
      for (Line line : lines) {
        if (line.blockSize > 1 && line.label == LineLabel.BODY) {
          boolean captionBlock =
              lines.stream()
                  .anyMatch(o -> o.block == line.block && (o.label == LineLabel.TAGS || o.label == LineLabel.CAPTION));
          if (captionBlock) {
            line.label = isCreditLine(line.text) ? LineLabel.CREDIT : LineLabel.CAPTION;
          }
        }
      }
    }

    // Pass 4: the tail: "Related reading" / "About us" headings cut the rest; trailing short lines go.
    int tailStart = lines.size() * 2 / 5;
    for (int i = Math.max(tailStart, 1); i < lines.size(); i++) {
      String norm = TextNormalizer.normalize(lines.get(i).text);
      if (TAIL_HEADINGS.contains(norm)) {
        for (int j = i; j < lines.size(); j++) {
          Line l = lines.get(j);
          if (l.label == LineLabel.BODY) {
            l.label = j == i ? LineLabel.RELATED : LineLabel.PUBLISHER_BLURB;
          }
        }
        break;
      }
    }
    for (int i = lines.size() - 1; i > 0; i--) {
      Line l = lines.get(i);
      if (l.label != LineLabel.BODY) {
        continue;
      }
      if (isTrailer(l.text)) {
        l.label = LineLabel.TRAILER;
      } else {
        break;
      }
    }

    List<String> body = new ArrayList<>();
    List<CleanText.RemovedLine> removed = new ArrayList<>();
    for (Line l : lines) {
      if (l.label == LineLabel.BODY) {
        body.add(l.text);
      } else {
        removed.add(new CleanText.RemovedLine(l.text, l.label));
      }
    }
    return new CleanText(title, subtitle, new ArrayList<>(authors), published, body, removed);
  }

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

  /** Author names from a byline remainder: "Patrick Goodenough | March 23, 2021" or "Jane Roe, Professor at X". */
  static List<String> parseAuthors(String text) {
    String s = text.strip();
    s = s.split("\\s*[|•·]\\s*")[0];
    s = s.replaceAll("(?i)^(by|posted by|written by)\\s+", "");
    // drop dates and anything after a comma that is a job title or place
    List<String> names = new ArrayList<>();
    for (String part : s.split("(?i)\\s*(?:,|\\band\\b|&)\\s*")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (!looksLikeName(p)) {
        break;
      }
      names.add(p);
    }
    return names;
  }

  private static boolean looksLikeName(String s) {
    String[] words = s.split("\\s+");
    if (words.length < 2 || words.length > 4) {
      return false;
    }
    for (String w : words) {
      if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0)) || w.chars().anyMatch(Character::isDigit)) {
        return false;
      }
    }
    String lower = s.toLowerCase(Locale.ROOT);
    for (String job : List.of("professor", "editor", "correspondent", "reporter", "university", "staff", "writer")) {
      if (lower.contains(job)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTagLine(String text) {
    if (endsSentence(text) || !text.contains(",")) {
      return false;
    }
    String[] items = text.split("\\s*,\\s*");
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

  private static boolean isCreditLine(String text) {
    return wordCount(text) <= 8 && !endsSentence(text);
  }

  private static boolean isTrailer(String text) {
    int words = wordCount(text);
    if (words > 4 || endsSentence(text)) {
      return false;
    }
    List<String> ws = TextNormalizer.words(text);
    return words <= 3 || ws.stream().anyMatch(TRAILER_WORDS::contains);
  }

  private static boolean looksLikeTitle(String text) {
    int words = wordCount(text);
    return words >= 2 && words <= 30 && !text.endsWith(".") && text.length() <= 250;
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
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** A document is blank-separated when most of its blocks are single paragraphs. */
  private static boolean isBlankSeparated(List<Line> lines, int blocks) {
    return blocks >= 3 && lines.size() <= blocks * 1.5;
  }

  private static final class Line {
    final String text;
    final int block;
    final int blockSize;
    LineLabel label = LineLabel.BODY;

    Line(String text, int block, int blockSize) {
      this.text = text;
      this.block = block;
      this.blockSize = blockSize;
    }

    @Override
    public String toString() {
      return label + ": " + text;
    }
  }
}
