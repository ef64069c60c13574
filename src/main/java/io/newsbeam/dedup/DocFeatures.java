package io.newsbeam.dedup;

import io.newsbeam.text.TextNormalizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What near-duplicate detection looks at in one document, computed once: word 3-gram shingles of the body's
 * prose paragraphs, the shingles of its lead, the content words of its title and its publication time.
 *
 * <p>Robust to leftover site chrome: only prose paragraphs are shingled ({@link #isProse}: at least {@link
 * #MIN_PARAGRAPH_WORDS} words, sentences rather than a list, text rather than code; menus, tag lists, share
 * buttons, bylines, lists of sections or columnists and script text that survived extraction are not),
 * unless that leaves almost nothing; shingles never span two paragraphs; the lead is the first {@link
 * #LEAD_WORDS} words of those prose paragraphs.
 *
 * <p>{@code story} is false when the body is mostly such chrome with next to no prose (extraction kept a
 * page's template instead of its article): then the body does not say which story the page carries, and
 * {@link DuplicateVerifier} and {@link ExactCopies} treat it accordingly. Plain Java.
 */
public record DocFeatures(
    String id, long[] shingles, long[] lead, long[] title, Long publishedMillis, int words, boolean story)
    implements Serializable {
  /** Paragraphs shorter than this are not shingled (unless the body has nothing longer). */
  public static final int MIN_PARAGRAPH_WORDS = 10;
  /** Words of the lead. */
  public static final int LEAD_WORDS = 60;
  /** Below this many prose words the whole body is shingled instead. */
  static final int MIN_PROSE_WORDS = 40;
  /** A paragraph with more words per sentence end than this is a list (sections, names, tags), not prose. */
  static final int MAX_WORDS_PER_SENTENCE = 60;
  /** A paragraph with a code character (braces, equals sign, backslash, angle brackets) per this many words or fewer is code or markup. */
  static final int WORDS_PER_CODE_CHAR = 20;

  private static final Set<String> TITLE_STOPWORDS = Set.of(
      "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "is", "are",
      "was", "be", "it", "its", "this", "that", "after", "over", "new", "says", "say", "said", "news", "ap");

  /** Features of an article (its id, title, body and publication time). */
  public static DocFeatures of(io.newsbeam.schema.Article a) {
    return of(a.getArticleId(), a.getTitle(), a.getBody(),
        a.getPublishedAt() == null ? null : a.getPublishedAt().toEpochMilli());
  }

  public static DocFeatures of(String id, String title, String body, Long publishedMillis) {
    List<long[]> prose = new ArrayList<>();
    List<long[]> all = new ArrayList<>();
    int proseWords = 0;
    int allWords = 0;
    for (String paragraph : body.split("\\n\\s*\\n|\\r?\\n")) {
      List<String> words = TextNormalizer.words(paragraph);
      if (words.isEmpty()) {
        continue;
      }
      long[] h = Shingles.wordHashes(words);
      all.add(h);
      allWords += h.length;
      if (isProse(paragraph, h.length)) {
        prose.add(h);
        proseWords += h.length;
      }
    }
    List<long[]> used = proseWords >= MIN_PROSE_WORDS ? prose : all;
    boolean story = proseWords >= MIN_PROSE_WORDS || proseWords * 2 >= allWords;
    LongList shingles = new LongList();
    LongList lead = new LongList();
    int seen = 0;
    int words = 0;
    for (long[] p : used) {
      long[] s = Shingles.of(p, 0, p.length, Shingles.DEFAULT_SIZE);
      shingles.addAll(s);
      words += p.length;
      if (seen < LEAD_WORDS) {
        int take = Math.min(p.length, LEAD_WORDS - seen);
        lead.addAll(Shingles.of(p, 0, take, Shingles.DEFAULT_SIZE));
        seen += take;
      }
    }
    LongList t = new LongList();
    if (title != null) {
      for (String w : TextNormalizer.words(title)) {
        if (!TITLE_STOPWORDS.contains(w)) {
          t.add(Shingles.wordHash(w));
        }
      }
    }
    return new DocFeatures(id, shingles.sortedDistinct(), lead.sortedDistinct(), t.sortedDistinct(),
        publishedMillis, words, story);
  }

  /**
   * Whether a paragraph of {@code words} words reads as prose: at least {@link #MIN_PARAGRAPH_WORDS} words, at
   * least one sentence end per {@link #MAX_WORDS_PER_SENTENCE} words (a list of sections or names has
   * none; a period after initials or a short abbreviation is no sentence end), and fewer than one code character per {@link #WORDS_PER_CODE_CHAR} words (script or markup shown as
   * text).
   */
  static boolean isProse(String paragraph, int words) {
    if (words < MIN_PARAGRAPH_WORDS) {
      return false;
    }
    int ends = 0;
    int code = 0;
    int n = paragraph.length();
    for (int i = 0; i < n; i++) {
      char c = paragraph.charAt(i);
      if (c == '{' || c == '}' || c == '=' || c == '\\' || c == '<' || c == '>') {
        code++;
      } else if (c == '&' && (paragraph.startsWith("&lt;", i) || paragraph.startsWith("&gt;", i))) {
        code++;
      } else if ((c == '.' || c == '!' || c == '?' || c == '\u3002')
          && (i + 1 == n || !Character.isLetterOrDigit(paragraph.charAt(i + 1)))
          && (c != '.' || lettersBefore(paragraph, i) >= 3)) {
        ends++;
      }
    }
    return code * WORDS_PER_CODE_CHAR < words && words <= MAX_WORDS_PER_SENTENCE * (ends + 1);
  }

  /** Letters right before position {@code i}: a period after one or two (initials, "Dr.", "Jr.") ends no sentence. */
  private static int lettersBefore(String s, int i) {
    int k = 0;
    while (i - k - 1 >= 0 && Character.isLetter(s.charAt(i - k - 1))) {
      k++;
    }
    return k;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocFeatures f && id.equals(f.id) && java.util.Arrays.equals(shingles, f.shingles)
        && java.util.Arrays.equals(lead, f.lead) && java.util.Arrays.equals(title, f.title)
        && java.util.Objects.equals(publishedMillis, f.publishedMillis) && words == f.words && story == f.story;
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + java.util.Arrays.hashCode(shingles);
  }

  /** A growable long array. */
  private static final class LongList {
    private long[] a = new long[64];
    private int n;

    void add(long v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    void addAll(long[] vs) {
      for (long v : vs) {
        add(v);
      }
    }

    long[] sortedDistinct() {
      return Shingles.sortedDistinct(java.util.Arrays.copyOf(a, n));
    }
  }
}
