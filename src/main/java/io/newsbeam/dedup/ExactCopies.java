package io.newsbeam.dedup;

import io.newsbeam.schema.Article;
import io.newsbeam.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact copies among the articles of one {@code content_hash} group (same normalised body). Normally every
 * member is a copy of the smallest {@code article_id}, which alone goes on to near-duplicate detection. When the
 * body has no story ({@link DocFeatures#story()}: extraction kept only the page template, so pages of one site
 * carrying different articles share it), the body does not identify the story: only members under the same
 * normalised title are copies, one representative per title. Plain Java.
 */
public final class ExactCopies {
  private ExactCopies() {}

  /**
   * Links of the group ({@code copy id → representative id}) and the features of each representative.
   *
   * @param links every member that is a copy, with the representative it copies
   * @param representatives features of the members that go on (smallest id of each subgroup), by id
   */
  public record Result(Map<String, String> links, Map<String, DocFeatures> representatives) {}

  public static Result of(Iterable<Article> sameBody) {
    TreeMap<String, Article> byId = new TreeMap<>();
    sameBody.forEach(a -> byId.put(a.getArticleId(), a));
    if (byId.isEmpty()) {
      throw new IllegalArgumentException("an exact-copy group needs at least one article");
    }
    DocFeatures first = DocFeatures.of(byId.firstEntry().getValue());
    Map<String, String> links = new TreeMap<>();
    Map<String, DocFeatures> representatives = new TreeMap<>();
    if (first.story()) {
      for (String id : byId.tailMap(first.id(), false).keySet()) {
        links.put(id, first.id());
      }
      representatives.put(first.id(), first);
      return new Result(links, representatives);
    }
    Map<String, List<Article>> byTitle = new TreeMap<>();
    for (Article a : byId.values()) {
      String title = a.getTitle() == null ? "" : TextNormalizer.normalize(a.getTitle());
      byTitle.computeIfAbsent(title, k -> new ArrayList<>()).add(a);
    }
    for (List<Article> same : byTitle.values()) {
      String rep = same.get(0).getArticleId();
      for (Article a : same.subList(1, same.size())) {
        links.put(a.getArticleId(), rep);
      }
      representatives.put(rep, rep.equals(first.id()) ? first : DocFeatures.of(same.get(0)));
    }
    return new Result(links, representatives);
  }
}
