package io.newsbeam.dedup;

import io.newsbeam.schema.Article;
import io.newsbeam.schema.CopyRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Folds a group of copies of one story into a canonical record and duplicates that point to it.
 *
 * <p>Canonical rule (documented in the README): earliest publication time (unknown times last), then the most
 * complete body (most words), then the smallest article_id. Plain Java, no Beam.
 */
public final class CopyFolding {
  private CopyFolding() {}

  /** The documented canonical order: the first element of a sorted group is its canonical record. */
  public static final Comparator<Article> CANONICAL_ORDER =
      Comparator.comparingLong((Article a) -> a.getPublishedAt() == null ? Long.MAX_VALUE : a.getPublishedAt().toEpochMilli())
          .thenComparing(Comparator.comparingInt(Article::getWordCount).reversed())
          .thenComparing(Article::getArticleId);

  /**
   * Most copies a canonical record lists in {@code copies} ({@code copy_count} counts them all, and every copy
   * names its canonical in {@code duplicate_of}): a record must not grow with the syndication of its story, or a
   * story copied ten thousand times no longer fits a runner's sort buffer (Flink's is well under a megabyte on a
   * small TaskManager) or a warehouse row comfortably.
   */
  public static final int MAX_LISTED_COPIES = 1_000;

  /** How a member joined its group: method and similarity to the canonical record. */
  public record Evidence(String method, double similarity) {}

  /**
   * Returns the canonical record (with {@code copy_count} set and the first {@link #MAX_LISTED_COPIES} copies listed) followed by the duplicates (with {@code
   * duplicate_of}, method and similarity set). {@code evidence} maps article_id to how it matched; members
   * missing from it are exact copies.
   */
  public static List<Article> fold(List<Article> group, Map<String, Evidence> evidence) {
    List<Article> sorted = new ArrayList<>(group);
    sorted.sort(CANONICAL_ORDER);
    Article canonical = sorted.get(0);
    List<Article> out = new ArrayList<>(sorted.size());
    List<CopyRef> copies = new ArrayList<>();
    List<Article> duplicates = new ArrayList<>();
    for (Article copy : sorted.subList(1, sorted.size())) {
      Evidence e = evidence.getOrDefault(copy.getArticleId(), new Evidence("exact", 1.0));
      if (copy.getContentHash().equals(canonical.getContentHash())) {
        e = new Evidence("exact", 1.0);
      }
      if (copies.size() < MAX_LISTED_COPIES) {
        copies.add(CopyRef.newBuilder()
            .setArticleId(copy.getArticleId())
            .setSourceUri(copy.getSourceUri())
            .setSite(copy.getSite())
            .setMethod(e.method())
            .setSimilarity(e.similarity())
            .build());
      }
      duplicates.add(Article.newBuilder(copy)
          .setDuplicateOf(canonical.getArticleId())
          .setDuplicateMethod(e.method())
          .setDuplicateSimilarity(e.similarity())
          .setCopyCount(0)
          .setCopies(List.of())
          .build());
    }
    out.add(Article.newBuilder(canonical)
        .setDuplicateOf(null)
        .setDuplicateMethod(null)
        .setDuplicateSimilarity(null)
        .setCopyCount(sorted.size() - 1)
        .setCopies(copies)
        .build());
    out.addAll(duplicates);
    return out;
  }
}
