package io.newsbeam.boilerplate;

import io.newsbeam.text.Hashing;
import io.newsbeam.text.TextNormalizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cross-document boilerplate (the C4 / CCNet idea): a line that recurs in many documents of one site (or of one
 * input folder when no site is known) is site chrome, not article text. This class holds the plain-Java pieces
 * of that step: the line keys, the scope of counting, the document key (exact copies count once) and the
 * threshold. The pipeline counts with Beam ({@code StripBoilerplate}); {@link Tally} does the same count in
 * memory for the evaluation and tests.
 *
 * <p>Two kinds of line are counted apart, with different thresholds:
 *
 * <ul>
 *   <li><b>chrome</b>: short lines that do not read as a sentence ("MRC Store", "Related Reading", "Russian
 *       Ministry of Defense"): boilerplate once they recur in a few documents and a small share of the site;
 *   <li><b>sentences</b>: lines that read as prose (a quote, a paragraph). The same quote in several articles of
 *       one event is evidence for duplicate detection, not boilerplate: sentences need more documents and a large
 *       share of the site (a publisher blurb under every article passes; a quote in a few articles does not).
 * </ul>
 */
public final class SiteRepeats {
  private SiteRepeats() {}

  /** Prefix of the key of a chrome line. */
  static final char CHROME = 'c';
  /** Prefix of the key of a sentence line. */
  static final char SENTENCE = 's';

  /** When a repeated line counts as boilerplate, given how many distinct documents of its scope hold it. */
  public record Threshold(int chromeMinDocs, double chromeMinShare, int sentenceMinDocs, double sentenceMinShare)
      implements Serializable {

    public Threshold {
      if (chromeMinDocs < 2 || sentenceMinDocs < 2) {
        throw new IllegalArgumentException("a repeated line needs at least 2 documents; got "
            + chromeMinDocs + " and " + sentenceMinDocs);
      }
      if (!(chromeMinShare >= 0 && chromeMinShare <= 1 && sentenceMinShare >= 0 && sentenceMinShare <= 1)) {
        throw new IllegalArgumentException("shares must lie in [0, 1]; got " + chromeMinShare + " and "
            + sentenceMinShare);
      }
    }

    /**
     * Chrome: in at least 3 documents and 2% of the scope's documents. Sentences: in at least 5 documents and
     * 40% of the scope's documents.
     */
    public static Threshold defaults() {
      return new Threshold(3, 0.02, 5, 0.40);
    }

    /** Whether a line held by {@code docsWithLine} of the scope's {@code scopeDocs} documents is boilerplate. */
    public boolean isBoilerplate(String lineKey, long docsWithLine, long scopeDocs) {
      boolean sentence = lineKey.charAt(0) == SENTENCE;
      int minDocs = sentence ? sentenceMinDocs : chromeMinDocs;
      double share = sentence ? sentenceMinShare : chromeMinShare;
      return docsWithLine >= minDocs && docsWithLine >= Math.ceil(share * scopeDocs);
    }
  }

  /** The scope a document's lines are counted in: its site, else the folder it was read from. */
  public static String scopeOf(String site, String sourceUri) {
    if (site != null && !site.isBlank()) {
      return "site:" + site.strip();
    }
    String path = sourceUri == null ? "" : sourceUri;
    int bang = path.lastIndexOf("!/");
    if (bang >= 0) {
      return "folder:" + path.substring(0, bang); // the entries of an archive are a folder of their own
    }
    int slash = path.lastIndexOf('/');
    return "folder:" + (slash >= 0 ? path.substring(0, slash) : "");
  }

  /** Key of one line: its kind and a hash of its normalised text; null when the line has no words. */
  public static String lineKey(String line) {
    return lineKey(line, TextNormalizer.normalize(line));
  }

  /** {@link #lineKey(String)} given the line's {@link TextNormalizer#normalize normalised} text. */
  static String lineKey(String line, String norm) {
    if (norm.isEmpty()) {
      return null;
    }
    return (isSentence(line) ? SENTENCE : CHROME) + Hashing.shortHash(norm, 16);
  }

  /** Whether a line reads as prose: a long line, or a line of some words ending like a sentence. */
  public static boolean isSentence(String line) {
    int words = LineClassifier.wordCount(line);
    return words >= 10 || (words >= 4 && LineClassifier.endsSentence(line));
  }

  /** The distinct line keys of a draft body (lines split as {@link LineClassifier#blocksOf} does), sorted. */
  public static List<String> lineKeysOf(String body) {
    Set<String> keys = new TreeSet<>();
    for (List<String> block : LineClassifier.blocksOf(body)) {
      for (String line : block) {
        String key = lineKey(line);
        if (key != null) {
          keys.add(key);
        }
      }
    }
    return new ArrayList<>(keys);
  }

  /** Identity of a document's content: exact copies of one text count as one document. */
  public static String documentKey(String body) {
    return Hashing.shortHash(TextNormalizer.normalize(body), 16);
  }

  /**
   * In-memory count of the same figures the pipeline computes with Beam, for small folders (the evaluation and
   * tests). Not for the pipeline: there the counts are a distributed Combine.
   */
  public static final class Tally {
    private final Map<String, Set<String>> docsPerScope = new TreeMap<>();
    private final Map<String, Map<String, Set<String>>> docsPerLine = new TreeMap<>();

    /** Adds one document's draft body in its scope. */
    public void add(String scope, String body) {
      String doc = documentKey(body);
      docsPerScope.computeIfAbsent(scope, s -> new TreeSet<>()).add(doc);
      Map<String, Set<String>> lines = docsPerLine.computeIfAbsent(scope, s -> new TreeMap<>());
      for (String key : lineKeysOf(body)) {
        lines.computeIfAbsent(key, k -> new TreeSet<>()).add(doc);
      }
    }

    /** The boilerplate line keys of a scope under {@code threshold}. */
    public Set<String> repeated(String scope, Threshold threshold) {
      Set<String> out = new TreeSet<>();
      long scopeDocs = docsPerScope.getOrDefault(scope, Set.of()).size();
      for (Map.Entry<String, Set<String>> e : docsPerLine.getOrDefault(scope, Map.of()).entrySet()) {
        if (threshold.isBoilerplate(e.getKey(), e.getValue().size(), scopeDocs)) {
          out.add(e.getKey());
        }
      }
      return out;
    }
  }
}
