package io.newsbeam.dedup;

import io.newsbeam.schema.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds the members of one connected component of copies: picks the canonical record with {@link
 * CopyFolding#CANONICAL_ORDER} and records for each copy how it relates to the canonical one: {@code exact}
 * (same normalised body, similarity 1.0) or {@code minhash} (near-identical copy, similarity = containment
 * of the shorter body's shingles in the other, see {@link DuplicateVerifier#similarity}). Plain Java.
 */
public final class ComponentFolding {
  private ComponentFolding() {}

  /** Canonical record first (listing its copies), then the duplicates; see {@link CopyFolding#fold}. */
  public static List<Article> fold(List<Article> members) {
    if (members.size() < 2) {
      return CopyFolding.fold(members, Map.of());
    }
    List<Article> sorted = new ArrayList<>(members);
    sorted.sort(CopyFolding.CANONICAL_ORDER);
    Article canonical = sorted.get(0);
    DocFeatures c = DocFeatures.of(canonical);
    Map<String, CopyFolding.Evidence> evidence = new TreeMap<>();
    // The similarity reads the bodies' shingles alone: copies with one body (a wire copy that several sites
    // carry unchanged) are shingled and compared once.
    Map<String, Double> similarityOfBody = new HashMap<>();
    for (Article copy : sorted.subList(1, sorted.size())) {
      if (!copy.getContentHash().equals(canonical.getContentHash())) {
        double similarity = similarityOfBody.computeIfAbsent(copy.getBody(),
            body -> DuplicateVerifier.similarity(c, DocFeatures.of(copy)));
        evidence.put(copy.getArticleId(), new CopyFolding.Evidence("minhash", similarity));
      }
    }
    return CopyFolding.fold(sorted, evidence);
  }
}
