package io.newsbeam.events;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gazetteer-free named-entity extraction from capitalised token sequences (people, organisations, places,
 * without telling them apart). Rules, all general:
 *
 * <ul>
 *   <li>a mention is a run of capitalised tokens, optionally joined by lower-case connectors (of, de, al, bin …)
 *       and hyphens; a run may not cross sentence punctuation;</li>
 *   <li>capitalised function words, weekdays, months and titles (The, On, Monday, March, Mr, President …) are
 *       stripped from both ends;</li>
 *   <li>a single capitalised word at the start of a sentence counts only when the same word also appears
 *       capitalised inside a sentence of the document (else it is an ordinary word);</li>
 *   <li>all-caps headline words (longer than 5 letters) are ignored;</li>
 *   <li>a short mention equal to the last word of a longer mention in the same document ("Lavrov" after
 *       "Sergei Lavrov") is counted for the longer one; so is one equal to the first word of a two-word name that
 *       came first in the text and is the only one starting with it ("Wang" after "Wang Yi");</li>
 *   <li>commas and dashes end a name ("On China, Blinken said" names two); a word glued to the next sentence by a
 *       missing space ("Lavrov.He") is split there;</li>
 *   <li>a mention preceded by in/at/near/from/to is counted as a likely place (for labels).</li>
 * </ul>
 *
 * Keys are lowercase, accent-free; the display form is the most frequent spelling (ties: alphabetical).
 */
public final class Entities {
  private Entities() {}

  /** One entity of a document: normalised key, display form, mention count, mentions after a place preposition. */
  public record Entity(String key, String display, int count, int placeMentions) implements java.io.Serializable {}

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{Nd}'’.\\-]*|[.!?;:\"“”()\\[\\],–—]|\\n");

  /** A word glued to the next sentence by a missing space ("Lavrov.He"): lower-case end, dot, capital. */
  private static final Pattern GLUED = Pattern.compile("(\\p{L}{2,}\\p{Ll})\\.(\\p{Lu}[\\p{L}\\p{M}\\p{Nd}'’.\\-]*)");

  private static final Set<String> CONNECTORS = Set.of("of", "de", "del", "der", "van", "von", "al", "bin", "la", "le", "da", "di", "du");

  /** Capitalised words that are not names on their own (function words, dates, titles, generic heads). */
  static final Set<String> NOT_NAMES = Set.of(
      "a", "an", "the", "this", "that", "these", "those", "there", "their", "they", "it", "its", "he", "she",
      "his", "her", "we", "our", "you", "your", "i", "in", "on", "at", "by", "for", "from", "to", "of", "and",
      "or", "but", "if", "as", "with", "after", "before", "during", "while", "when", "where", "why", "how",
      "what", "who", "which", "all", "some", "many", "most", "no", "not", "yes", "one", "two", "three", "new",
      "last", "next", "first", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "today", "yesterday", "tomorrow", "mr", "mrs", "ms", "dr", "prof", "sir",
      "president", "minister", "prime", "foreign", "secretary", "state", "gov", "governor", "sen", "senator",
      "rep", "gen", "general", "chief", "officials", "police", "said", "says", "also", "however", "meanwhile",
      "according", "read", "more", "photo", "image", "video", "click", "here", "update", "updated", "posted",
      "share", "advertisement", "so", "now", "then", "although", "though", "because", "since", "still", "even",
      "only", "both", "each", "every", "such", "other", "another", "any", "just", "well", "once", "again",
      "about", "over", "under", "into", "up", "down", "out", "off", "ap", "reuters", "afp", "cnn", "bbc",
      "source", "sources", "copyright", "rights", "reserved");

  /** Prepositions after which a mention is probably a place. */
  private static final Set<String> PLACE_PREPS = Set.of("in", "at", "near", "from", "to");

  /** Entities of a text, sorted by key. */
  public static List<Entity> extract(String title, String body) {
    List<List<String>> sentences = new ArrayList<>();
    if (title != null && !title.isBlank() && !titleCase(title)) {
      sentences.addAll(sentences(title));
    }
    if (body != null) {
      sentences.addAll(sentences(body));
    }
    // capitalised words seen inside sentences (not first position): evidence that a word is a name
    Set<String> midCapitals = new java.util.HashSet<>();
    for (List<String> s : sentences) {
      for (int i = 1; i < s.size(); i++) {
        if (isCapitalised(s.get(i))) {
          midCapitals.add(key(s.get(i)));
        }
      }
    }
    List<Mention> mentions = new ArrayList<>();
    for (List<String> s : sentences) {
      int i = 0;
      while (i < s.size()) {
        if (!isCapitalised(s.get(i))) {
          i++;
          continue;
        }
        int start = i;
        int end = i + 1;
        while (end < s.size()) {
          String t = s.get(end);
          if (isCapitalised(t)) {
            end++;
          } else if (CONNECTORS.contains(t) && end + 1 < s.size() && isCapitalised(s.get(end + 1))) {
            end += 2;
          } else {
            break;
          }
        }
        // titles and function words inside a run separate names ("Foreign Minister Sergei Lavrov")
        int from = start;
        for (int k = start; k <= end; k++) {
          if (k == end || NOT_NAMES.contains(key(s.get(k)))) {
            if (k > from) {
              addMention(s, from, k, midCapitals, mentions);
            }
            from = k + 1;
          }
        }
        i = end;
      }
    }
    return merge(mentions);
  }

  private record Mention(String key, String display, boolean afterPlacePrep) {}

  private static void addMention(List<String> s, int start, int end, Set<String> midCapitals, List<Mention> out) {
    int a = start;
    int b = end;
    while (a < b && (NOT_NAMES.contains(key(s.get(a))) || CONNECTORS.contains(s.get(a)))) {
      a++;
    }
    while (b > a && (NOT_NAMES.contains(key(s.get(b - 1))) || CONNECTORS.contains(s.get(b - 1)))) {
      b--;
    }
    if (a >= b) {
      return;
    }
    if (b - a == 1) {
      String w = s.get(a);
      if (a == 0 && !midCapitals.contains(key(w))) {
        return;
      }
      if (w.length() > 5 && w.equals(w.toUpperCase(Locale.ROOT))) {
        return;
      }
      if (key(w).length() < 2) {
        return;
      }
    }
    StringBuilder display = new StringBuilder();
    for (int i = a; i < b; i++) {
      if (display.length() > 0) {
        display.append(' ');
      }
      display.append(s.get(i));
    }
    String k = key(display.toString());
    if (k.isEmpty()) {
      return;
    }
    boolean place = a > 0 && PLACE_PREPS.contains(s.get(a - 1).toLowerCase(Locale.ROOT));
    out.add(new Mention(k, display.toString(), place));
  }

  private static List<Entity> merge(List<Mention> mentions) {
    // last word of multi-word names: "lavrov" -> "sergei lavrov" when exactly one longer name ends with it
    Map<String, String> lastWordOwner = new HashMap<>();
    Map<String, Integer> owners = new HashMap<>();
    for (Mention m : mentions) {
      int sp = m.key().lastIndexOf(' ');
      if (sp > 0) {
        String last = m.key().substring(sp + 1);
        String prev = lastWordOwner.get(last);
        if (prev == null || !prev.equals(m.key())) {
          owners.merge(last, 1, Integer::sum);
          lastWordOwner.put(last, prev == null || m.key().compareTo(prev) < 0 ? m.key() : prev);
        }
      }
    }
    // first word of two-word names: "wang" -> "wang yi" (family name first) when exactly one two-word name starts
    // with it, none ends with it, and the full name comes first in the text (a name is introduced in full)
    Map<String, String> firstWordOwner = new HashMap<>();
    Map<String, Integer> firstOwners = new HashMap<>();
    java.util.Set<String> seenKeys = new java.util.HashSet<>();
    java.util.Set<String> bareBeforeFull = new java.util.HashSet<>();
    for (Mention m : mentions) {
      String k = m.key();
      String[] words = k.split(" ");
      if (words.length == 2 && !owners.containsKey(words[0])) {
        if (!k.equals(firstWordOwner.get(words[0]))) {
          firstOwners.merge(words[0], 1, Integer::sum);
          firstWordOwner.putIfAbsent(words[0], k);
        }
        if (seenKeys.contains(words[0])) {
          bareBeforeFull.add(words[0]);
        }
      }
      seenKeys.add(k);
    }
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Integer> places = new HashMap<>();
    Map<String, Map<String, Integer>> spellings = new HashMap<>();
    for (Mention m : mentions) {
      String k = m.key();
      if (k.indexOf(' ') < 0 && owners.getOrDefault(k, 0) == 1) {
        k = lastWordOwner.get(k);
      } else if (k.indexOf(' ') < 0 && firstOwners.getOrDefault(k, 0) == 1 && !bareBeforeFull.contains(k)) {
        k = firstWordOwner.get(k);
      }
      counts.merge(k, 1, Integer::sum);
      if (m.afterPlacePrep()) {
        places.merge(k, 1, Integer::sum);
      }
      if (k.equals(m.key())) {
        spellings.computeIfAbsent(k, x -> new TreeMap<>()).merge(m.display(), 1, Integer::sum);
      }
    }
    List<Entity> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String display = e.getKey();
      Map<String, Integer> sp = spellings.get(e.getKey());
      if (sp != null) {
        int best = -1;
        for (Map.Entry<String, Integer> s : sp.entrySet()) {
          if (s.getValue() > best) {
            best = s.getValue();
            display = s.getKey();
          }
        }
      }
      out.add(new Entity(e.getKey(), display, e.getValue(), places.getOrDefault(e.getKey(), 0)));
    }
    return out;
  }

  /** Tokens per sentence; possessive endings removed. */
  static List<List<String>> sentences(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = m.group();
      char c = t.charAt(0);
      if (t.length() == 1 && (c == ',' || c == '–' || c == '—')) {
        if (!cur.isEmpty()) {
          cur.add(","); // a comma or dash ends a name ("On China, Blinken said"), not the sentence
        }
        continue;
      }
      Matcher glued = GLUED.matcher(t);
      if (glued.matches() && !isAbbreviation(glued.group(1) + ".")) {
        cur.add(glued.group(1));
        out.add(cur);
        cur = new ArrayList<>();
        t = glued.group(2);
      }
      if (t.length() == 1 && (c == '\n' || ".!?;:\"“”()[]".indexOf(c) >= 0)) {
        if (!cur.isEmpty()) {
          out.add(cur);
          cur = new ArrayList<>();
        }
        continue;
      }
      boolean endsSentence = t.endsWith(".") && !isAbbreviation(t);
      t = stripPunctuation(t);
      if (t.indexOf('-') > 0 && isCapitalised(t) && t.chars().filter(ch -> ch == '-').count() >= 1
          && isCapitalised(t.substring(t.lastIndexOf('-') + 1))) {
        for (String part : t.split("-")) {
          if (!part.isEmpty()) {
            cur.add(part);
            cur.add("-"); // keeps "China-Russia" two names
          }
        }
      } else if (!t.isEmpty()) {
        cur.add(t);
      }
      if (endsSentence && !cur.isEmpty()) {
        out.add(cur);
        cur = new ArrayList<>();
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  private static boolean isAbbreviation(String t) {
    // U.S. / Mr. / Dr. / single initials
    String core = t.substring(0, t.length() - 1);
    return core.contains(".") || core.length() <= 2 || Set.of("Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep", "Gen", "St", "Jr", "Sr", "Prof", "Lt", "Col", "Capt").contains(core);
  }

  private static String stripPunctuation(String t) {
    String s = t;
    if (s.endsWith("’s") || s.endsWith("'s")) {
      s = s.substring(0, s.length() - 2);
    }
    while (!s.isEmpty() && ".-'’".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Headlines in title case capitalise every word: no evidence of names. */
  static boolean titleCase(String title) {
    int words = 0;
    int caps = 0;
    for (String w : title.split("\\s+")) {
      if (w.length() > 3) {
        words++;
        if (isCapitalised(w)) {
          caps++;
        }
      }
    }
    return words >= 3 && caps * 10 >= words * 8;
  }

  static boolean isCapitalised(String t) {
    return !t.isEmpty() && Character.isUpperCase(t.codePointAt(0));
  }

  /** Lowercase, accent-free, dots and apostrophes removed: "U.S." → "us", "Sergei Lavrov" → "sergei lavrov". */
  static String key(String s) {
    String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return ascii.toLowerCase(Locale.ROOT).replaceAll("[.'’]", "").replaceAll("[^\\p{L}\\p{Nd}]+", " ").trim();
  }
}
