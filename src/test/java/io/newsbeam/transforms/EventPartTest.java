package io.newsbeam.transforms;

import static io.newsbeam.testing.TinyOutput.EVENT_A;
import static io.newsbeam.testing.TinyOutput.article;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.newsbeam.schema.Article;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

/** An event's records in parts: bounded, in article_id order, the same whatever order they came in. */
public class EventPartTest {
  private static List<Article> records(int n) {
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(article(String.format("id%03d", i), EVENT_A, "site.example", (long) i));
    }
    return out;
  }

  private static List<String> ids(EventPart part) {
    return part.records().stream().map(Article::getArticleId).toList();
  }

  @Test
  public void partsAreBoundedOrderedAndIndependentOfInputOrder() {
    List<Article> shuffled = records(7);
    Collections.shuffle(shuffled, new Random(3));
    List<EventPart> parts = EventPart.split(EVENT_A, shuffled, 3);
    assertEquals(3, parts.size());
    assertEquals(List.of("id000", "id001", "id002"), ids(parts.get(0)));
    assertEquals(List.of("id003", "id004", "id005"), ids(parts.get(1)));
    assertEquals(List.of("id006"), ids(parts.get(2)));
    for (int i = 0; i < 3; i++) {
      assertEquals(i, parts.get(i).part());
      assertEquals(3, parts.get(i).parts());
      assertEquals(EVENT_A, parts.get(i).eventId());
    }
    assertEquals(parts, EventPart.split(EVENT_A, records(7), 3));
  }

  @Test
  public void exactMultipleAndEmpty() {
    assertEquals(2, EventPart.split(EVENT_A, records(6), 3).size());
    assertEquals(List.of(), EventPart.split(EVENT_A, List.of(), 3));
    assertThrows(IllegalArgumentException.class, () -> EventPart.split(EVENT_A, records(1), 0));
    assertThrows(IllegalArgumentException.class, () -> new EventPart(EVENT_A, 1, 1, List.of()));
  }

  @Test
  public void coderRoundTrips() throws Exception {
    EventPart part = EventPart.split(EVENT_A, records(4), 10).get(0);
    EventPart back = CoderUtils.decodeFromByteArray(EventPart.Coder.of(),
        CoderUtils.encodeToByteArray(EventPart.Coder.of(), part));
    assertEquals(part, back);
  }
}
