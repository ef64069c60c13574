package io.newsbeam.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.schema.Article;
import io.newsbeam.testing.Paths;
import java.nio.file.Path;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Pins the seed quote figures of {@code pipelines/evaluate.sh quotes}: the pipeline runs once on sample-input. */
public class QuoteFiguresTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();

  private static QuoteFigures.Figures figures;

  @BeforeClass
  public static void runPipeline() throws Exception {
    List<Article> records = QuoteFigures.runPipeline(Paths.sampleInput(), tmp.getRoot().toPath());
    Path gold = Paths.shared().resolve("gold/seeds.json");
    figures = QuoteFigures.figures(new ObjectMapper().readTree(gold.toFile()), records);
  }

  @Test
  public void allTenGoldQuoteClustersAreFoundWhole() {
    for (QuoteFigures.GoldCluster c : figures.clusters()) {
      assertTrue(c.id() + " " + c.members(), c.together());
    }
    assertEquals(10, figures.clustersFound());
    assertEquals(1.0, figures.snippets().ari(), 1e-9);
  }

  @Test
  public void bothNotSameStatementPairsStayApart() {
    assertEquals(2, figures.negatives().size());
    for (QuoteFigures.Negative n : figures.negatives()) {
      assertTrue(n.why(), n.a().clusterId() != null && n.b().clusterId() != null && n.apart());
    }
  }

  @Test
  public void noSeedDocumentIsCollapsedIntoAnother() {
    assertThat(figures.collapsedSeeds(), empty());
  }
}
