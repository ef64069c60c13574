package io.newsbeam.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits quoted text into sentences and long sentences into clauses. Plain Java, rule based. */
public final class Sentences {
  private Sentences() {}

  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "jr", "sr", "inc",
      "ltd", "co", "corp", "vs", "etc", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
      "u.s", "u.k", "u.n", "e.u", "e.g", "i.e", "a.m", "p.m");

  /** Sentences of {@code text}: split after . ! ? (and a closing bracket) before whitespace and an upper-case letter. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      int end = i + 1;
      while (end < n && (text.charAt(end) == ')' || text.charAt(end) == ']' || text.charAt(end) == '.'
          || text.charAt(end) == '\'' || text.charAt(end) == '’')) {
        end++;
      }
      if (end >= n || !Character.isWhitespace(text.charAt(end))) {
        continue;
      }
      int next = end;
      while (next < n && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      if (next >= n) {
        continue;
      }
      int nc = text.codePointAt(next);
      if (!(Character.isUpperCase(nc) || Character.isDigit(nc) || nc == '‘' || nc == '\'' || nc == '[' || nc == '(')) {
        continue;
      }
      if (c == '.' && isAbbreviation(text, i)) {
        continue;
      }
      String s = text.substring(start, end).trim();
      if (!s.isEmpty()) {
        out.add(s);
      }
      start = next;
      i = next - 1;
    }
    String last = text.substring(Math.min(start, n)).trim();
    if (!last.isEmpty()) {
      out.add(last);
    }
    return out;
  }

  private static boolean isAbbreviation(String text, int dot) {
    int b = dot;
    while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) {
      b--;
    }
    String word = text.substring(b, dot).toLowerCase(java.util.Locale.ROOT);
    if (word.isEmpty()) {
      return false;
    }
    if (word.length() == 1 && Character.isUpperCase(text.charAt(b))) {
      return true; // an initial: "John F. Kennedy"
    }
    return ABBREVIATIONS.contains(word);
  }

  /**
   * Clauses of a sentence: pieces between commas, semicolons, colons and dashes, merged until each has at least
   * {@code minWords} words. A sentence shorter than that is one clause.
   */
  public static List<String> clauses(String sentence, int minWords) {
    String[] parts = sentence.split("\\s*(?:[,;:]|\\s[–—-]\\s)\\s*");
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String p : parts) {
      if (cur.length() > 0) {
        cur.append(", ");
      }
      cur.append(p.trim());
      if (wordCount(cur) >= minWords) {
        out.add(cur.toString());
        cur.setLength(0);
      }
    }
    if (cur.length() > 0) {
      if (out.isEmpty()) {
        out.add(cur.toString());
      } else {
        out.set(out.size() - 1, out.get(out.size() - 1) + ", " + cur);
      }
    }
    return out;
  }

  static int wordCount(CharSequence s) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean letter = Character.isLetterOrDigit(s.charAt(i));
      if (letter && !in) {
        words++;
      }
      in = letter;
    }
    return words;
  }
}
