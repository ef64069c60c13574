package io.newsbeam.transforms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.newsbeam.schema.Article;
import io.newsbeam.schema.ArticleQuote;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.QuoteCluster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;

public class ClusterQuotesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final String SHARED =
      "The port authority said the divers had inspected every berth and found no structural damage overnight.";

  static Article article(String id, String event, String body, String duplicateOf, long day) {
    return Article.newBuilder()
        .setArticleId(id)
        .setSourceUri("mem://" + id)
        .setContentType("text/plain")
        .setBody(body)
        .setEventId(event)
        .setDuplicateOf(duplicateOf)
        .setContentHash(duplicateOf == null ? "hash-" + id : "hash-" + duplicateOf)
        .setPublishedAt(Instant.parse("2024-04-0" + day + "T10:00:00Z"))
        .build();
  }

  @Test
  public void quotesClusteredPerEventParagraphsMarkedAndNothingLost() {
    Article a = article("a1", "e1", "Port authority spokeswoman Ilse Martens spoke on Tuesday.\n\n"
        + "“The harbour will reopen on Monday once the divers are done,” Martens said.\n\n" + SHARED, null, 1);
    Article b = article("b2", "e1", "“The harbour is going to reopen on Monday, once the divers have finished,” "
        + "said Ilse Martens.\n\n" + SHARED, null, 2);
    Article copy = article("c3", "e1", b.getBody(), "b2", 3);
    Article other = article("d4", "e2", "“We will plant two hundred trees along Mill Street this spring,” "
        + "the mayor said.", null, 4);
    Event e1 = Event.newBuilder().setEventId("e1").setLabel("harbour").setArticleCount(2)
        .setRepresentativeArticleId("a1").build();

    PCollectionTuple in =
        PCollectionTuple.of(AssignEvents.ARTICLES, p.apply("Articles", Create.of(a, b, other).withCoder(AvroCoder.of(Article.class))))
            .and(AssignEvents.DUPLICATES, p.apply("Duplicates", Create.of(copy).withCoder(AvroCoder.of(Article.class))))
            .and(AssignEvents.EVENTS, p.apply("Events", Create.of(e1).withCoder(AvroCoder.of(Event.class))));
    PCollectionTuple out = in.apply(ClusterQuotes.create());

    PAssert.that(out.get(AssignEvents.EVENTS)).containsInAnyOrder(e1);
    PAssert.that(out.get(ClusterQuotes.DUPLICATE_PARTS)).satisfies(parts -> {
      List<Article> list = new ArrayList<>();
      for (EventPart part : parts) {
        assertEquals("e1", part.eventId());
        assertEquals(List.of(0, 1), List.of(part.part(), part.parts()));
        list.addAll(part.records());
      }
      assertEquals(1, list.size());
      assertEquals("c3", list.get(0).getArticleId());
      assertEquals("b2", list.get(0).getDuplicateOf());
      assertEquals(1, list.get(0).getQuotes().size());
      return null;
    });
    PAssert.that(out.get(ClusterQuotes.ARTICLE_PARTS)).satisfies(parts -> {
      Map<String, Article> byId = new HashMap<>();
      Map<String, List<String>> idsByEvent = new HashMap<>();
      for (EventPart part : parts) {
        assertEquals(List.of(0, 1), List.of(part.part(), part.parts()));
        part.records().forEach(x -> byId.put(x.getArticleId(), x));
        idsByEvent.put(part.eventId(), part.records().stream().map(Article::getArticleId).toList());
      }
      // one part per event, in article_id order
      assertEquals(Map.of("e1", List.of("a1", "b2"), "e2", List.of("d4")), idsByEvent);
      assertEquals(List.of("a1", "b2", "d4"), byId.keySet().stream().sorted().toList());
      ArticleQuote qa = byId.get("a1").getQuotes().get(0);
      ArticleQuote qb = byId.get("b2").getQuotes().get(0);
      assertEquals("Ilse Martens", qa.getSpeaker());
      assertNotNull(qa.getQuoteClusterId());
      assertEquals(qa.getQuoteClusterId(), qb.getQuoteClusterId());
      // the shared paragraph is marked in a1 and b2 (two distinct bodies; the exact copy c3 does not count twice)
      assertEquals(1, byId.get("a1").getRepeatedParagraphs().size());
      assertEquals(2, byId.get("a1").getRepeatedParagraphs().get(0).getParagraphIndex());
      assertEquals(2, byId.get("a1").getRepeatedParagraphs().get(0).getArticleCount());
      assertTrue(byId.get("d4").getRepeatedParagraphs().isEmpty());
      assertEquals("mayor", byId.get("d4").getQuotes().get(0).getSpeaker()); // "the mayor said"
      assertNull(byId.get("d4").getDuplicateOf());
      return null;
    });
    PAssert.that(out.get(ClusterQuotes.QUOTES)).satisfies(clusters -> {
      Map<String, QuoteCluster> byText = new HashMap<>();
      clusters.forEach(c -> byText.put(c.getText(), c));
      assertEquals(2, byText.size());
      QuoteCluster harbour = byText.get("The harbour will reopen on Monday once the divers are done");
      assertNotNull(harbour);
      assertEquals(3, harbour.getMemberCount()); // a1, b2 and its copy c3
      assertEquals("Ilse Martens", harbour.getSpeaker());
      assertEquals(Instant.parse("2024-04-01T10:00:00Z"), harbour.getFirstSeen());
      assertEquals(List.of("e1"), harbour.getEventIds());
      return null;
    });
    p.run().waitUntilFinish();
  }
}
