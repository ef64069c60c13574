package io.newsbeam.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;

import io.newsbeam.boilerplate.SiteRepeats;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Reject;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/** The cross-document step of StripBoilerplate on the DirectRunner: counted with Beam, read back by each draft's scope. */
public class StripBoilerplateTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final String CHROME = "The Harbor Gazette Weekend Edition";
  private static final String QUOTE = "“We have counted the injuries for long enough,” the council member said on Tuesday.";

  private static Article draft(String id, String site, String uri, String body) {
    return Article.newBuilder()
        .setArticleId(id)
        .setSourceUri(uri)
        .setContentType("text/plain")
        .setSite(site)
        .setBody(body)
        .setEventId("")
        .setContentHash("")
        .build();
  }

  private static String story(int i, String... extra) {
    List<String> blocks = new ArrayList<>();
    blocks.add("Harbor story number " + i + " makes the news");
    blocks.add("The first paragraph of story " + i + " says what happened at the harbor on day " + i + ".");
    blocks.addAll(List.of(extra));
    blocks.add("The second paragraph of story " + i + " reports what the mayor said about it later.");
    return String.join("\n\n", blocks);
  }

  /** Six drafts of site "gazette" with the chrome line (two also share a quote), one of site "ledger" with both. */
  private static List<Article> corpus() {
    List<Article> drafts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String body = i < 2 ? story(i, QUOTE, CHROME) : story(i, CHROME);
      drafts.add(draft("g" + i, "gazette", "/in/g" + i + ".txt", body));
    }
    drafts.add(draft("l0", "ledger", "/in/l0.txt", story(100, QUOTE, CHROME)));
    return drafts;
  }

  @Test
  public void findsTheRepeatedChromeOfTheSiteOnlyOnce() {
    PCollection<KV<String, String>> repeated =
        p.apply(Create.of(corpus()).withCoder(AvroCoder.of(Article.class)))
            .apply(FindSiteRepeatedLines.with(SiteRepeats.Threshold.defaults()));
    // The chrome line of six gazette documents; not the quote two of them share, nor the ledger's one document.
    PAssert.that(repeated).containsInAnyOrder(KV.of("site:gazette", SiteRepeats.lineKey(CHROME)));
    p.run().waitUntilFinish();
  }

  @Test
  public void stripsSiteChromeAndKeepsRepeatedQuotesAndOtherSites() {
    WithRejects<Article> clean =
        p.apply(Create.of(corpus()).withCoder(AvroCoder.of(Article.class))).apply(StripBoilerplate.create());
    PAssert.that(clean.output()).satisfies(articles -> {
      int n = 0;
      for (Article a : articles) {
        n++;
        if (a.getSite().equals("gazette")) {
          assertThat(a.getArticleId(), a.getBody(), not(containsString(CHROME)));
        } else {
          assertThat("a line repeated on another site is not this site's chrome", a.getBody(), containsString(CHROME));
        }
        if (a.getArticleId().equals("g0") || a.getArticleId().equals("g1") || a.getArticleId().equals("l0")) {
          assertThat(a.getArticleId(), a.getBody(), containsString(QUOTE));
        }
        assertThat(a.getBody(), containsString("The second paragraph of story"));
      }
      assertEquals(7, n);
      return null;
    });
    PAssert.that(clean.rejects()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  public void aDocumentLeftWithoutTextIsARejectNotALoss() {
    List<Article> drafts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      drafts.add(draft("d" + i, "gazette", "/in/d" + i + ".txt", story(i, CHROME)));
    }
    drafts.add(draft("empty", "gazette", "/in/empty.txt", CHROME + "\n\nShare this article"));
    WithRejects<Article> clean =
        p.apply(Create.of(drafts).withCoder(AvroCoder.of(Article.class))).apply(StripBoilerplate.create());
    PAssert.that(clean.output().apply("Ids", MapElements.into(TypeDescriptors.strings()).via(Article::getArticleId)))
        .containsInAnyOrder("d0", "d1", "d2", "d3");
    PAssert.that(clean.rejects().apply("Reasons", MapElements.into(TypeDescriptors.strings())
            .via((Reject r) -> r.getSourceUri() + " " + r.getReason())))
        .containsInAnyOrder("/in/empty.txt no_text");
    p.run().waitUntilFinish();
  }
}
