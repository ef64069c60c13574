package io.newsbeam.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Normalisation shared by hashing, shingling and similarity: case, accents, punctuation, whitespace. */
public final class TextNormalizer {
  private TextNormalizer() {}

  /** Lowercase, NFKC, typographic quotes and dashes folded, punctuation dropped, whitespace collapsed. */
  public static String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        out.appendCodePoint(cp);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) == ' ') {
      out.setLength(len - 1);
    }
    return out.toString();
  }

  /** Word tokens of the normalised text. */
  public static List<String> words(String text) {
    String n = normalize(text);
    List<String> words = new ArrayList<>();
    if (n.isEmpty()) {
      return words;
    }
    for (String w : n.split(" ")) {
      words.add(w);
    }
    return words;
  }

  /** Collapses every run of whitespace to one space and trims. */
  public static String collapseWhitespace(String text) {
    return text.replaceAll("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+", " ").trim();
  }
}
