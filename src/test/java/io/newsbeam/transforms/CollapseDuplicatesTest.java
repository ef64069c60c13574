package io.newsbeam.transforms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.newsbeam.dedup.DocFeatures;
import io.newsbeam.dedup.DuplicateVerifier;
import io.newsbeam.dedup.LocalDedup;
import io.newsbeam.schema.Article;
import io.newsbeam.testing.Paths;
import io.newsbeam.testing.Syndication;
import io.newsbeam.testing.TestArticles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class CollapseDuplicatesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final Instant T0 = Instant.parse("2022-07-09T10:00:00Z");

  private static List<String> seed(String prefix) throws IOException {
    try (Stream<Path> s = Files.list(Paths.sampleInput())) {
      return Syndication.paragraphs(Files.readString(
          s.filter(f -> f.getFileName().toString().startsWith(prefix + "_")).findFirst().orElseThrow()));
    }
  }

  private static String body(List<String> paragraphs, int from, int to) {
    return String.join("\n\n", paragraphs.subList(from, to));
  }

  /**
   * a: seed 002 (earliest); b: exact copy of a; c: an edited, re-headlined, trimmed wire copy of a; d, e:
   * seeds 003 and 000 (same event, different stories); x~y~z: a chain over seed 001 where x and z share
   * no text; t1, t2, t3: pages of one site whose extracted body is only the site's template (a section list),
   * t1 and t3 under one title, t2 under another.
   */
  static List<Article> input() throws IOException {
    List<String> s2 = seed("002");
    List<String> s1 = seed("001");
    List<String> c = Syndication.paragraphs(Syndication.variant(s2, 5, 0.06));
    List<Article> in = new ArrayList<>();
    in.add(TestArticles.article("a", s2.get(0), body(s2, 1, s2.size()), T0));
    in.add(TestArticles.article("b", s2.get(0), body(s2, 1, s2.size()), T0.plusSeconds(3600)));
    in.add(TestArticles.article("c", c.get(1), body(c, 2, c.size()), T0.plusSeconds(7200)));
    List<String> s3 = seed("003");
    List<String> s0 = seed("000");
    in.add(TestArticles.article("d", s3.get(0), body(s3, 1, s3.size()), T0));
    in.add(TestArticles.article("e", s0.get(0), body(s0, 1, s0.size()), T0));
    in.add(TestArticles.article("x", s1.get(0), body(s1, 1, 6), T0));
    in.add(TestArticles.article("y", s1.get(0), body(s1, 2, 11), T0.plusSeconds(60)));
    in.add(TestArticles.article("z", s1.get(0), body(s1, 7, 12), T0.plusSeconds(120)));
    StringBuilder sections = new StringBuilder("Search: Example.com Quotes Video\n\nAll Sources");
    for (int i = 0; i < 60; i++) {
      sections.append(" Business Markets Section ").append(i);
    }
    String template = sections + "\n\nSearch message boards: Close Window";
    in.add(TestArticles.article("t1", "Aide to premier arrested - Example.com", template, null));
    in.add(TestArticles.article("t2", "Winter no relief for allergy sufferers - Example.com", template, null));
    in.add(TestArticles.article("t3", "Aide to premier arrested - Example.com", template, null));
    return in;
  }

  static final List<String> EXPECTED = List.of(
      "a canonical copies=[b, c]",
      "b duplicate_of=a exact 1.0",
      "c duplicate_of=a minhash",
      "d canonical copies=[]",
      "e canonical copies=[]",
      "x canonical copies=[y, z]",
      "y duplicate_of=x minhash",
      "z duplicate_of=x minhash",
      "t1 canonical copies=[t3]",
      "t2 canonical copies=[]",
      "t3 duplicate_of=t1 exact 1.0");

  private static String describe(Article a) {
    if (a.getDuplicateOf() == null) {
      List<String> copies = new ArrayList<>();
      a.getCopies().forEach(r -> copies.add(r.getArticleId()));
      Collections.sort(copies);
      return a.getArticleId() + " canonical copies=" + copies;
    }
    return a.getArticleId() + " duplicate_of=" + a.getDuplicateOf() + " " + a.getDuplicateMethod()
        + (a.getDuplicateMethod().equals("exact") ? " " + a.getDuplicateSimilarity() : "");
  }

  private static void assertCollapse(TestPipeline pipeline, List<Article> in) {
    PCollectionTuple out =
        pipeline.apply(Create.of(in).withCoder(AvroCoder.of(Article.class))).apply(CollapseDuplicates.create());
    PCollection<String> all = org.apache.beam.sdk.values.PCollectionList
        .of(out.get(CollapseDuplicates.CANONICAL)).and(out.get(CollapseDuplicates.DUPLICATES))
        .apply(org.apache.beam.sdk.transforms.Flatten.pCollections())
        .apply(MapElements.into(TypeDescriptors.strings()).via(CollapseDuplicatesTest::describe));
    PAssert.that(all).containsInAnyOrder(EXPECTED);
  }

  @Test
  public void theChainIsLinkedOnlyThroughItsMiddle() throws IOException {
    List<Article> in = input();
    DocFeatures x = DocFeatures.of(in.get(5));
    DocFeatures y = DocFeatures.of(in.get(6));
    DocFeatures z = DocFeatures.of(in.get(7));
    assertTrue(DuplicateVerifier.DEFAULT.isDuplicate(x, y));
    assertTrue(DuplicateVerifier.DEFAULT.isDuplicate(y, z));
    assertFalse(DuplicateVerifier.DEFAULT.isDuplicate(x, z));
  }

  @Test
  public void theInMemoryStepUsedForTuningDecidesLikeTheTransform() throws IOException {
    List<String> got = new ArrayList<>();
    LocalDedup.run(input()).folded().values().forEach(a -> got.add(describe(a)));
    List<String> expected = new ArrayList<>(EXPECTED);
    Collections.sort(got);
    Collections.sort(expected);
    assertEquals(expected, got);
  }

  @Test
  public void foldsExactAndNearCopiesAndChainsButKeepsDifferentStoriesApart() throws IOException {
    assertCollapse(p, input());
    p.run().waitUntilFinish();
  }

  @Test
  public void sameClustersAndIdsForShuffledInputAndOtherParallelism() throws IOException {
    List<Article> in = input();
    Collections.shuffle(in, new Random(99));
    DirectOptions options = PipelineOptionsFactory.create().as(DirectOptions.class);
    options.setTargetParallelism(1);
    TestPipeline other = TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(false);
    assertCollapse(other, in);
    other.run().waitUntilFinish();
  }

  @Test
  public void duplicatesCarryTheirSimilarityAndKeepTheirOwnFields() throws IOException {
    PCollectionTuple out =
        p.apply(Create.of(input()).withCoder(AvroCoder.of(Article.class))).apply(CollapseDuplicates.create());
    PAssert.that(out.get(CollapseDuplicates.DUPLICATES)).satisfies(dups -> {
      for (Article d : dups) {
        // similarity is to the canonical record: the far end of the chain x~y~z shares little with x
        double low = d.getArticleId().equals("z") ? 0.0 : 0.3;
        assertTrue(d.toString(), d.getDuplicateSimilarity() >= low && d.getDuplicateSimilarity() <= 1.0);
        assertTrue(List.of("b", "t3").contains(d.getArticleId()) == (d.getDuplicateSimilarity() == 1.0));
        assertTrue(d.getSite().equals("site-" + d.getArticleId()));
        assertTrue(d.getCopies().isEmpty());
      }
      return null;
    });
    p.run().waitUntilFinish();
  }
}
