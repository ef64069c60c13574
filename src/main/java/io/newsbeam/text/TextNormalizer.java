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
    // One pass into a char array (a StringBuilder's per-character checks were most of this method's time): a
    // letter or digit is kept (both halves of a surrogate pair), any other run becomes one space.
    int n = s.length();
    char[] out = new char[n];
    int len = 0;
    boolean space = true;
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      boolean pair = Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
      boolean keep;
      if (ch < 0x80) {
        keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z');
      } else {
        keep = Character.isLetterOrDigit(pair ? Character.toCodePoint(ch, s.charAt(i + 1)) : ch);
      }
      if (keep) {
        out[len++] = ch;
        if (pair) {
          out[len++] = s.charAt(i + 1);
        }
        space = false;
      } else if (!space) {
        out[len++] = ' ';
        space = true;
      }
      if (pair) {
        i++;
      }
    }
    if (len > 0 && out[len - 1] == ' ') {
      len--;
    }
    return new String(out, 0, len);
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
