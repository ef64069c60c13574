package io.newsbeam.eval;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/**
 * The segment metric on a hand-made case, counted by hand (the same rows give the same figures with
 * {@code ../shared/tools/score_extraction.py snippets}).
 */
public class SegmentScoresTest {

  @Test
  public void countsSegmentsFoundWithCollapsedWhitespace() {
    SegmentScores s = new SegmentScores();
    // page 1: both "with" found (one across a line break and a no-break space), one "without" found
    s.add("The bridge reopened\non Wednesday.\u00a0 Engineers replaced cables.\n\nShare this",
        List.of("bridge reopened on Wednesday.", "Engineers  replaced cables"),
        List.of("Share this", "Sign up now"));
    // page 2: one "with" missing, no "without" found
    s.add("Only the first paragraph.", List.of("Only the first", "the second paragraph"), List.of("Footer"));
    // page 3: failed page (null body): every "with" is a false negative, every "without" a true negative
    s.add(null, List.of("anything"), List.of("chrome"));

    assertEquals(3, s.pages());
    assertEquals(3, s.tp());
    assertEquals(1, s.fp());
    assertEquals(2, s.fn());
    assertEquals(3, s.tn());
    assertEquals(3.0 / 4, s.precision(), 1e-12);
    assertEquals(3.0 / 5, s.recall(), 1e-12);
    assertEquals(6.0 / 9, s.f1(), 1e-12);
    assertEquals(6.0 / 9, s.accuracy(), 1e-12);
  }

  @Test
  public void emptyCorpusScoresZeroWithoutDividingByZero() {
    SegmentScores s = new SegmentScores();
    assertEquals(0.0, s.f1(), 0);
    assertEquals(0.0, s.precision(), 0);
  }
}
