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
}
