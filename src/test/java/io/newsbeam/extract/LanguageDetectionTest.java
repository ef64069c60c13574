package io.newsbeam.extract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Test;

/** Language detection: the languages of real sentences, and the same answers from many threads at once. */
public class LanguageDetectionTest {
  private static final String EN = "The council voted on Tuesday to build new bike lanes along Mill Street, "
      + "after two years of debate about parking and safety.";
  private static final String DE = "Der Stadtrat hat am Dienstag beschlossen, entlang der Mühlenstraße neue Radwege "
      + "zu bauen, nach zwei Jahren Streit über Parkplätze und Sicherheit.";
  private static final String FR = "Le conseil municipal a voté mardi la construction de nouvelles pistes cyclables "
      + "le long de la rue du Moulin, après deux ans de débat sur le stationnement.";

  @Test
  public void detectsTheLanguageOfRealSentences() {
    assertEquals("en", DocumentExtractor.detectLanguage(EN));
    assertEquals("de", DocumentExtractor.detectLanguage(DE));
    assertEquals("fr", DocumentExtractor.detectLanguage(FR));
    assertNull(DocumentExtractor.detectLanguage("too short"));
  }

  @Test
  public void concurrentCallersGetTheSameAnswers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> answers = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        String text = i % 3 == 0 ? EN : i % 3 == 1 ? DE : FR;
        expected.add(i % 3 == 0 ? "en" : i % 3 == 1 ? "de" : "fr");
        answers.add(pool.submit(() -> DocumentExtractor.detectLanguage(text)));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertEquals(expected.get(i), answers.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
