package io.newsbeam.dedup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;

import io.newsbeam.schema.Article;
import io.newsbeam.testing.TestArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/**
 * Each copy's evidence is its own similarity to the canonical body, also when several copies carry one edited
 * body (they are shingled once) and when copies of one body sit under different titles.
 */
public class ComponentFoldingTest {
  private static final String STORY =
      "The harbour closed on Monday after a storm damaged the northern pier and two cranes.\n\n"
          + "Port officials said ships would wait offshore until engineers had checked the quay walls.\n\n"
          + "The mayor said repairs could take weeks and that the city would ask the region for money.\n\n"
          + "Fishermen said they had not seen waves this high since the winter of 1987.";
  private static final String TRIMMED = STORY.substring(0, STORY.lastIndexOf("\n\n"));
  private static final String EDITED = STORY.replace("two cranes", "two of its cranes").replace("weeks", "months");

  private static Article article(String id, int day, String title, String body) {
    return TestArticles.article(id, title, body, Instant.parse("2024-04-01T00:00:00Z").plusSeconds(day * 86_400L));
  }

  @Test
  public void everyCopyGetsItsOwnSimilarityToTheCanonicalBody() {
    List<Article> members = new ArrayList<>(List.of(
        article("a", 0, "Storm closes harbour", STORY),
        article("b", 1, "Harbour shut after storm", TRIMMED),
        article("c", 2, "Storm closes harbour", TRIMMED),
        article("d", 3, "Pier damaged", TRIMMED),
        article("e", 4, "Storm closes harbour", EDITED),
        article("f", 5, "Storm closes harbour", STORY)));
    Collections.shuffle(members, new Random(3));
    List<Article> out = ComponentFolding.fold(members);

    Article canonical = out.get(0);
    assertEquals("a", canonical.getArticleId());
    assertNull(canonical.getDuplicateOf());
    DocFeatures c = DocFeatures.of(canonical);
    double trimmed = DuplicateVerifier.similarity(c, DocFeatures.of(article("x", 0, "", TRIMMED)));
    double edited = DuplicateVerifier.similarity(c, DocFeatures.of(article("y", 0, "", EDITED)));
    assertNotEquals("the fixture: two different edits", trimmed, edited, 1e-9);
    for (Article d : out.subList(1, out.size())) {
      assertEquals("a", d.getDuplicateOf());
      switch (d.getArticleId()) {
        case "b", "c", "d" -> {
          assertEquals(d.getArticleId(), "minhash", d.getDuplicateMethod());
          assertEquals(d.getArticleId(), trimmed, d.getDuplicateSimilarity(), 0);
        }
        case "e" -> {
          assertEquals("minhash", d.getDuplicateMethod());
          assertEquals(edited, d.getDuplicateSimilarity(), 0);
        }
        case "f" -> {
          assertEquals("exact", d.getDuplicateMethod());
          assertEquals(1.0, d.getDuplicateSimilarity(), 0);
        }
        default -> throw new AssertionError("unexpected member " + d.getArticleId());
      }
    }
  }
}
