package io.newsbeam.quotes;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import io.newsbeam.quotes.QuoteClusterer.Cluster;
import io.newsbeam.quotes.QuoteClusterer.Mention;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

/** Uses the real MiniLM model (loaded once per JVM by {@link MiniLmEmbedder#shared()}). */
public class QuoteClustererTest {
  private final QuoteClusterer clusterer = new QuoteClusterer(MiniLmEmbedder.shared());

  private static Map<String, String> clusterOf(List<Cluster> clusters) {
    Map<String, String> out = new HashMap<>();
    for (Cluster c : clusters) {
      for (Mention m : c.members()) {
        out.put(m.articleId() + "#" + m.index(), c.id());
      }
    }
    return out;
  }

  private boolean together(String speakerA, String a, String speakerB, String b) {
    List<Cluster> cs = clusterer.cluster(List.of(
        new Mention("article-a", 1L, 0, a, speakerA), new Mention("article-b", 2L, 0, b, speakerB)));
    return cs.size() == 1;
  }

  private static List<String[]> fixturePairs() throws IOException {
    try (InputStream in = QuoteClustererTest.class.getResourceAsStream("paraphrase-pairs.tsv")) {
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
      return rows;
    }
  }

  @Test
  public void translatedParaphrasesClusterTogether() {
    assertEquals(true, together("Jon Ruiz", "The more unstable the region, the more our two countries need to cooperate.",
        "Jon Ruiz", "The more turbulent the region is, the more our two countries must cooperate."));
    assertEquals(true, together("Yuki Sato", "These sanctions are illegal and will only hurt ordinary people.",
        null, "The sanctions are unlawful and they will harm only ordinary citizens."));
  }

  @Test
  public void aFragmentQuotedInsideALongerQuotationJoinsIt() {
    assertEquals(true, together("Hua", "candid, in-depth, long and constructive",
        "Hua Chunying", "During the dialogue the two sides held candid, in-depth, long and constructive talks on trade."));
  }

  @Test
  public void sameSpeakerDifferentStatementsStayApart() {
    assertEquals(false, together("Kim Soo-jin", "Our cooperation is not directed against any third country.",
        "Kim Soo-jin", "Our friendship has passed the test of the pandemic and grown stronger."));
  }

  @Test
  public void differentSpeakersStayApartEvenOnOneTopic() {
    assertEquals(false, together("Eva Novak", "These sanctions are illegal and will only hurt ordinary people.",
        "Marc Dubois", "The sanctions are unlawful and they will harm only ordinary citizens."));
  }

  @Test
  public void handMadeFixture_noHardNegativeMergedAndMostParaphrasesFound() throws IOException {
    int same = 0;
    int sameTogether = 0;
    for (String[] row : fixturePairs()) {
      boolean t = together(row[1], row[2], row[3], row[4]);
      if (row[0].equals("same")) {
        same++;
        sameTogether += t ? 1 : 0;
      } else {
        assertEquals("hard negative merged: " + row[2] + " | " + row[4], false, t);
      }
    }
    // 7 of the 12 hand-made paraphrase pairs reach the 0.75 cosine (the others score 0.52-0.73)
    assertThat(sameTogether, greaterThanOrEqualTo(7));
    assertEquals(12, same);
  }

  @Test
  public void oneArticleNeverHoldsTwoStatementsOfOneCluster() {
    List<Cluster> cs = clusterer.cluster(List.of(
        new Mention("a", 1L, 0, "The harbour will reopen on Monday once the divers are done.", "Martens"),
        new Mention("a", 1L, 1, "The harbour will reopen on Monday after the divers finish.", "Martens"),
        new Mention("b", 2L, 0, "The harbour will reopen on Monday once the divers are done.", "Martens")));
    assertThat(cs, hasSize(2));
    Map<String, String> of = clusterOf(cs);
    assertEquals(of.get("a#0"), of.get("b#0"));
    assertNotEquals(of.get("a#0"), of.get("a#1"));
  }

  @Test
  public void syndicatedCopiesClusterWithTheirStoryAndEachTextIsEmbeddedOnce() {
    List<String> embedded = new ArrayList<>();
    QuoteClusterer counting = new QuoteClusterer(texts -> {
      embedded.addAll(texts);
      return MiniLmEmbedder.shared().embed(texts);
    });
    String said = "The more unstable the region, the more our two countries need to cooperate.";
    String paraphrase = "The more turbulent the region is, the more our two countries must cooperate.";
    String other = "Talks on the grain corridor will resume next week in Istanbul.";
    List<Mention> block = new ArrayList<>();
    for (int copy = 0; copy < 4; copy++) { // story A and its copies; story B and its copies
      block.add(new Mention("a" + copy, 1L + copy, 0, said, "Jon Ruiz"));
      block.add(new Mention("a" + copy, 1L + copy, 1, other, "Ines Kahn"));
      block.add(new Mention("b" + copy, 10L + copy, 0, paraphrase, "Ruiz"));
    }
    Map<String, String> of = clusterOf(counting.cluster(block));
    assertEquals(List.of(said, other, paraphrase), embedded);
    for (int copy = 0; copy < 4; copy++) {
      assertEquals(of.get("a0#0"), of.get("a" + copy + "#0"));
      assertEquals(of.get("a0#0"), of.get("b" + copy + "#0"));
      assertEquals(of.get("a0#1"), of.get("a" + copy + "#1"));
    }
    assertNotEquals(of.get("a0#0"), of.get("a0#1"));
  }

  @Test
  public void thousandsOfCopiesAreOneStatementEach() {
    // One story copied 3,000 times (more statements than a block compares all pairs of) that quotes one sentence
    // twice, plus a paraphrase in another story: clustering works on the distinct statements, so the copies cost
    // no candidate pairs, and the repeated sentence still ends in two clusters (one per occurrence).
    String said = "The more unstable the region, the more our two countries need to cooperate.";
    String paraphrase = "The more turbulent the region is, the more our two countries must cooperate.";
    String other = "Talks on the grain corridor will resume next week in Istanbul.";
    List<Mention> block = new ArrayList<>();
    int copies = 3_000;
    for (int copy = 0; copy < copies; copy++) {
      String id = String.format("copy-%04d", copy);
      block.add(new Mention(id, 100L + copy, 0, said, "Jon Ruiz"));
      block.add(new Mention(id, 100L + copy, 1, other, "Ines Kahn"));
      block.add(new Mention(id, 100L + copy, 2, said, "Jon Ruiz"));
    }
    block.add(new Mention("paraphrase", 1L, 0, paraphrase, "Ruiz"));
    List<Integer> scoredTexts = new ArrayList<>();
    QuoteClusterer counting = new QuoteClusterer(texts -> {
      scoredTexts.add(texts.size());
      return MiniLmEmbedder.shared().embed(texts);
    });
    List<Cluster> cs = counting.cluster(block);
    assertEquals(List.of(3), scoredTexts);
    assertThat(cs, hasSize(3));
    Map<String, String> of = clusterOf(cs);
    for (int copy = 0; copy < copies; copy++) {
      String id = String.format("copy-%04d", copy);
      assertEquals(of.get("copy-0000#0"), of.get(id + "#0"));
      assertEquals(of.get("copy-0000#1"), of.get(id + "#1"));
      assertEquals(of.get("copy-0000#2"), of.get(id + "#2"));
    }
    assertNotEquals(of.get("copy-0000#0"), of.get("copy-0000#2"));
    // the paraphrase (published first) joins the first occurrence's cluster, which it claims as earliest member
    assertEquals(of.get("paraphrase#0"), of.get("copy-0000#0"));
    assertEquals(QuoteClusterer.clusterId(block.get(block.size() - 1)), of.get("copy-0000#0"));
  }

  @Test
  public void clustersAndIdsDoNotDependOnInputOrder() {
    List<Mention> ms = new ArrayList<>(List.of(
        new Mention("a", 5L, 0, "Prices for fertiliser remain far too high for small farms.", "Fischer"),
        new Mention("b", 3L, 0, "Fertiliser prices are still much too high for small farmers.", "Lena Fischer"),
        new Mention("c", null, 0, "Another opportunity has been lost to end the dispute.", "the ministry"),
        new Mention("d", 4L, 2, "Another opportunity has now been lost to end this dispute.", "Foreign Ministry"),
        new Mention("d", 4L, 3, "The responsibility lies entirely with the other side.", "Foreign Ministry")));
    List<Cluster> first = clusterer.cluster(ms);
    for (long seed = 1; seed <= 3; seed++) {
      List<Mention> shuffled = new ArrayList<>(ms);
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(clusterOf(first), clusterOf(clusterer.cluster(shuffled)));
    }
    Map<String, String> of = clusterOf(first);
    assertEquals(of.get("a#0"), of.get("b#0"));
    assertEquals(of.get("c#0"), of.get("d#2"));
    // the id comes from the earliest member (b, published first) and its text
    assertEquals(QuoteClusterer.clusterId(ms.get(1)), of.get("a#0"));
    Cluster fertiliser = first.stream().filter(c -> c.id().equals(of.get("a#0"))).findFirst().orElseThrow();
    assertEquals(Long.valueOf(3L), fertiliser.firstSeen());
    assertEquals("Fertiliser prices are still much too high for small farmers.", fertiliser.text());
    assertEquals("Lena Fischer", fertiliser.speaker()); // one vote each: the earliest member (b) wins
  }

  @Test
  public void speakerCompatibility() {
    assertEquals(true, Speakers.compatible("Sergei Lavrov", "Sergey Lavrov"));
    assertEquals(true, Speakers.compatible("Russia’s foreign ministry", "Russian Ministry of Foreign Affairs"));
    assertEquals(true, Speakers.compatible(null, "Hua Chunying"));
    assertEquals(false, Speakers.compatible("Hua Chunying", "Sergei Lavrov"));
    assertEquals(false, Speakers.compatible("Hua Chunying", "State Department"));
  }
}
