package io.newsbeam.boilerplate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.newsbeam.eval.SeedsEvaluation;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Pins the seed behaviour against {@code ../shared/gold/seeds.json}: extraction and cleaning run as in the pipeline
 * (Tika, then the line classifier with the cross-document step counted over all of sample-input), and every gold
 * document is checked (the test iterates over the gold, not over file names).
 */
public class SeedsGoldTest {
  private static SeedsEvaluation.Result result;

  @BeforeClass
  public static void evaluate() throws Exception {
    Path gold = Paths.shared().resolve("gold/seeds.json");
    assumeTrue("../shared/gold/seeds.json is not present", Files.exists(gold));
    result = SeedsEvaluation.evaluate(gold, Paths.shared().resolve("seeds"), Paths.sampleInput(), ExtractorKind.NEWSBEAM);
  }

  @Test
  public void everyBoilerplateLineIsAbsentFromTheBodies() {
    assertTrue("the gold lists boilerplate lines", result.boilerplateLines() >= 10);
    assertEquals(result.summary(), result.boilerplateLines(), result.boilerplateAbsent());
  }

  @Test
  public void everyBodyLineIsPresent() {
    assertTrue("the gold lists body lines", result.bodyLines() >= 50);
    assertEquals(result.summary(), result.bodyLines(), result.bodyPresent());
  }

  @Test
  public void titlesAreExact() {
    assertEquals(result.summary(), result.titles(), result.titlesExact());
  }

  @Test
  public void authorsAndTheLabelledDateAreRight() {
    assertEquals(result.summary(), result.authorDocs(), result.authorsRight());
    assertTrue("the gold has a labelled date", result.datedDocs() >= 1);
    assertEquals(result.summary(), result.datedDocs(), result.datesRight());
    assertEquals(result.summary(), result.undatedDocs(), result.undatedLeftEmpty());
  }
}
