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
 * <p>Robust to leftover site chrome: only paragraphs of at least {@link #MIN_PARAGRAPH_WORDS} words are
 * shingled (menus, tag lists, share buttons and bylines are short lines), unless that leaves almost
 * nothing; shingles never span two paragraphs; the lead is the first {@link #LEAD_WORDS} words of those
 * prose paragraphs. Plain Java.
 */
public record DocFeatures(String id, long[] shingles, long[] lead, long[] title, Long publishedMillis, int words)
    implements Serializable {
  /** Paragraphs shorter than this are not shingled (unless the body has nothing longer). */
  public static final int MIN_PARAGRAPH_WORDS = 10;
  /** Words of the lead. */
  public static final int LEAD_WORDS = 60;
  /** Below this many prose words the whole body is shingled instead. */
  static final int MIN_PROSE_WORDS = 40;

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
    for (String paragraph : body.split("\\n\\s*\\n|\\r?\\n")) {
      List<String> words = TextNormalizer.words(paragraph);
      if (words.isEmpty()) {
        continue;
      }
      long[] h = Shingles.wordHashes(words);
      all.add(h);
      if (h.length >= MIN_PARAGRAPH_WORDS) {
        prose.add(h);
        proseWords += h.length;
      }
    }
    List<long[]> used = proseWords >= MIN_PROSE_WORDS ? prose : all;
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
        publishedMillis, words);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocFeatures f && id.equals(f.id) && java.util.Arrays.equals(shingles, f.shingles)
        && java.util.Arrays.equals(lead, f.lead) && java.util.Arrays.equals(title, f.title)
        && java.util.Objects.equals(publishedMillis, f.publishedMillis) && words == f.words;
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
