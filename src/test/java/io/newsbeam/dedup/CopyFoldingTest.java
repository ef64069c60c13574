package io.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.newsbeam.schema.Article;
import io.newsbeam.schema.CopyRef;
import io.newsbeam.testing.TestArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

public class CopyFoldingTest {
  private static Article article(String id, long publishedDay, String body) {
    return TestArticles.article(id, "Storm", body, Instant.parse("2024-04-01T00:00:00Z").plusSeconds(publishedDay * 86_400));
  }

  @Test
  public void theEarliestIsCanonicalAndCountsAndListsItsCopies() {
    List<Article> group = List.of(
        article("b", 2, "Storm closes the harbour for two days."),
        article("a", 1, "Storm closes the harbour for two days."),
        article("c", 3, "Storm closes harbour for two days, officials say."));
    List<Article> out = CopyFolding.fold(group, Map.of("c", new CopyFolding.Evidence("minhash", 0.8)));
    Article canonical = out.get(0);
    assertEquals("a", canonical.getArticleId());
    assertNull(canonical.getDuplicateOf());
    assertEquals(2, canonical.getCopyCount());
    assertEquals(List.of("b", "c"), canonical.getCopies().stream().map(CopyRef::getArticleId).toList());
    assertEquals("exact", canonical.getCopies().get(0).getMethod());
    assertEquals("minhash", canonical.getCopies().get(1).getMethod());
    for (Article d : out.subList(1, 3)) {
      assertEquals("a", d.getDuplicateOf());
      assertEquals(0, d.getCopyCount());
      assertTrue(d.getCopies().isEmpty());
    }
  }

  @Test
  public void aStoryCopiedThousandsOfTimesListsTheFirstCopiesAndCountsAll() {
    int n = 3 * CopyFolding.MAX_LISTED_COPIES;
    List<Article> group = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      group.add(article(String.format("copy-%05d", i), i, "The same wire story, word for word."));
    }
    Collections.shuffle(group, new Random(7));
    List<Article> out = CopyFolding.fold(group, Map.of());
    assertThat(out, hasSize(n));
    Article canonical = out.get(0);
    assertEquals("copy-00000", canonical.getArticleId());
    assertEquals(n - 1, canonical.getCopyCount());
    assertThat(canonical.getCopies(), hasSize(CopyFolding.MAX_LISTED_COPIES));
    // the listed ones are the first in canonical order (here: earliest published)
    for (int i = 0; i < CopyFolding.MAX_LISTED_COPIES; i++) {
      assertEquals(String.format("copy-%05d", i + 1), canonical.getCopies().get(i).getArticleId());
    }
    // every copy, listed or not, names its canonical
    assertEquals(n - 1, out.stream().filter(a -> "copy-00000".equals(a.getDuplicateOf())).count());
  }
}
