package io.newsbeam.quotes;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertEquals;

import io.newsbeam.schema.Article;
import io.newsbeam.schema.ArticleQuote;
import io.newsbeam.schema.QuoteCluster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Real quote extraction and the real MiniLM model. */
public class QuoteBlockTest {
  @Test
  public void aStatementCopiedThousandsOfTimesListsTheEarliestMembersAndCountsAll() {
    String body = "The port will stay closed until Friday.\n\n"
        + "\u201cWe will not reopen the harbour before the divers have checked every berth,\u201d "
        + "harbour master Lena Martens said on Tuesday.";
    int copies = QuoteBlock.MAX_LISTED_MEMBERS + 500;
    List<Article> block = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      String id = String.format("copy-%05d", i);
      block.add(Article.newBuilder()
          .setArticleId(id).setSourceUri("mem://" + id).setContentType("text/plain").setBody(body)
          .setEventId("harbour").setContentHash("same")
          .setPublishedAt(Instant.parse("2024-04-01T00:00:00Z").plusSeconds(60L * i))
          .build());
    }
    QuoteBlock.Result r =
        new QuoteBlock(new QuoteExtractor(), new QuoteClusterer(MiniLmEmbedder.shared())).annotate(block);
    assertThat(r.clusters(), hasSize(1));
    QuoteCluster c = r.clusters().get(0);
    assertEquals(copies, c.getMemberCount());
    assertThat(c.getMembers(), hasSize(QuoteBlock.MAX_LISTED_MEMBERS));
    assertEquals("copy-00000", c.getMembers().get(0).getArticleId());
    assertEquals(String.format("copy-%05d", QuoteBlock.MAX_LISTED_MEMBERS - 1),
        c.getMembers().get(QuoteBlock.MAX_LISTED_MEMBERS - 1).getArticleId());
    // every quotation, listed among the members or not, names its cluster on its article
    for (Article a : r.articles()) {
      List<ArticleQuote> qs = a.getQuotes();
      assertThat(a.getArticleId(), qs, hasSize(1));
      assertEquals(c.getQuoteClusterId(), qs.get(0).getQuoteClusterId());
    }
  }

  @Test
  public void aBlockOfManyDistinctBodiesGivesEachArticleTheQuotesItHasAlone() {
    String[] speakers = {"Lena Martens", "Omar Haddad", "the ministry", "Sofia Reyes"};
    List<Article> block = new ArrayList<>();
    for (int i = 0; i < QuoteBlock.PARALLEL_BODIES + 44; i++) {
      String body = "Storm update number " + i + " for the northern coast.\n\n"
          + "\u201cWe will reopen berth " + i + " once the divers have checked it twice,\u201d "
          + speakers[i % speakers.length] + " said on Tuesday.\n\n"
          + "\u201cNobody goes out in boats before pier " + (i % 7) + " is safe again,\u201d the harbour master added.";
      String id = String.format("doc-%04d", i);
      block.add(Article.newBuilder()
          .setArticleId(id).setSourceUri("mem://" + id).setContentType("text/plain").setBody(body)
          .setEventId("storm").setContentHash("h" + i)
          .setPublishedAt(Instant.parse("2024-04-01T00:00:00Z").plusSeconds(60L * i))
          .build());
    }
    QuoteBlock quotes = new QuoteBlock(new QuoteExtractor(), new QuoteClusterer(MiniLmEmbedder.shared()));
    QuoteBlock.Result together = quotes.annotate(block);
    assertThat(together.articles(), hasSize(block.size()));
    for (Article a : together.articles()) {
      Article alone = quotes.annotate(List.of(a)).articles().get(0);
      assertThat(a.getArticleId(), a.getQuotes(), hasSize(2));
      for (int q = 0; q < 2; q++) {
        assertEquals(alone.getQuotes().get(q).getText(), a.getQuotes().get(q).getText());
        assertEquals(alone.getQuotes().get(q).getSpeaker(), a.getQuotes().get(q).getSpeaker());
        assertEquals(alone.getQuotes().get(q).getParagraphIndex(), a.getQuotes().get(q).getParagraphIndex());
      }
    }
  }
}
