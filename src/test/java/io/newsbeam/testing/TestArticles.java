package io.newsbeam.testing;

import io.newsbeam.schema.Article;
import io.newsbeam.text.Hashing;
import io.newsbeam.text.TextNormalizer;
import java.time.Instant;
import java.util.List;

/** Clean articles as CollapseDuplicates receives them, for transform tests. */
public final class TestArticles {
  private TestArticles() {}

  public static Article article(String id, String title, String body, Instant published) {
    List<String> words = TextNormalizer.words(body);
    return Article.newBuilder()
        .setArticleId(id)
        .setSourceUri("file:///in/" + id + ".txt")
        .setContentType("text/plain")
        .setTitle(title)
        .setPublishedAt(published)
        .setSite("site-" + id)
        .setBody(body)
        .setEventId("")
        .setContentHash(Hashing.sha256Hex(String.join(" ", words)))
        .setWordCount(words.size())
        .build();
  }
}
