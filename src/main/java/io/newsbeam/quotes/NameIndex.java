package io.newsbeam.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names an article uses, in order: person names of two or more words ("Sergei Lavrov") and organisation names
 * ("Russian Ministry of Foreign Affairs"). Resolves short names and "the ministry" to them, and finds the antecedent
 * of a speaker pronoun. Plain Java.
 */
final class NameIndex {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}’'.\\-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]|[,;:.!?()“”\"]");
  private static final int MAX_PRONOUN_DISTANCE = 3; // paragraphs

  private record Mention(int paragraph, int pos, String name, boolean organisation) {}

  private record Tok(String text, int start) {}

  private final List<Mention> mentions = new ArrayList<>();
  private final List<List<Tok>> tokens = new ArrayList<>();

  NameIndex(String[] paragraphs) {
    for (int p = 0; p < paragraphs.length; p++) {
      List<Tok> toks = new ArrayList<>();
      Matcher m = TOKEN.matcher(paragraphs[p]);
      while (m.find()) {
        toks.add(new Tok(m.group(), m.start()));
      }
      tokens.add(toks);
      int i = 0;
      while (i < toks.size()) {
        if (!Speakers.isCapitalized(toks.get(i).text)) {
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < toks.size() && (Speakers.isCapitalized(toks.get(j + 1).text)
            || Speakers.PARTICLES.contains(Speakers.lower(toks.get(j + 1).text)) && j + 2 < toks.size()
                && Speakers.isCapitalized(toks.get(j + 2).text))
            && !Speakers.isPossessive(toks.get(j).text)) {
          j++;
        }
        List<String> run = new ArrayList<>();
        for (int k = i; k <= j; k++) {
          run.add(toks.get(k).text);
        }
        addRun(p, toks.get(i).start, run);
        i = j + 1;
      }
    }
  }

  private void addRun(int paragraph, int pos, List<String> run) {
    while (!run.isEmpty() && Speakers.NOT_NAMES.contains(Speakers.lower(run.get(0)))) {
      run = run.subList(1, run.size());
    }
    if (run.isEmpty()) {
      return;
    }
    String phrase = String.join(" ", run);
    if (Speakers.isOrganisation(phrase)) {
      mentions.add(new Mention(paragraph, pos, Speakers.stripPossessive(phrase), true));
      return;
    }
    String name = Speakers.clean(phrase);
    if (name != null && name.contains(" ")) {
      for (String t : name.split(" ")) {
        if (Speakers.NOT_NAMES.contains(Speakers.lower(t))) {
          return;
        }
      }
      mentions.add(new Mention(paragraph, pos, name, false));
    }
  }

  /**
   * The full form of a speaker: a one-word person name becomes the first multi-word name of the article that
   * starts or ends with it; a lower-case organisation phrase ("ministry") becomes the latest organisation name up
   * to its paragraph that contains its head noun.
   */
  String resolve(String speaker, int paragraph) {
    if (speaker == null) {
      return null;
    }
    String[] words = speaker.split(" ");
    if (Speakers.isOrganisation(speaker)) {
      if (Speakers.isCapitalized(words[0])) {
        return speaker;
      }
      String head = Speakers.lower(words[words.length - 1]);
      Mention best = null;
      for (Mention m : mentions) {
        if (m.organisation && m.paragraph <= paragraph && Speakers.lower(m.name).contains(head)
            && Speakers.isCapitalized(m.name)) {
          best = m;
        }
      }
      return best != null ? best.name : speaker;
    }
    if (words.length == 1) {
      for (Mention m : mentions) {
        if (m.organisation) {
          continue;
        }
        String[] full = m.name.split(" ");
        if (full[0].equals(speaker) || full[full.length - 1].equals(speaker)) {
          return m.name;
        }
      }
    }
    return speaker;
  }

  /**
   * The known speaker a "he"/"she" at ({@code paragraph}, {@code pos}) refers to: the latest earlier mention of one
   * (not possessive, not after a preposition) within a few paragraphs, unless the pronoun's sentence opens with
   * another name (then it is not safe to guess and the answer is null).
   */
  String antecedent(String[] paragraphs, int paragraph, int pos, List<String> known) {
    if (known.isEmpty() || opensWithOtherName(paragraph, pos, known)) {
      return null;
    }
    for (int p = paragraph; p >= 0 && p >= paragraph - MAX_PRONOUN_DISTANCE; p--) {
      List<Tok> toks = tokens.get(p);
      for (int i = toks.size() - 1; i >= 0; i--) {
        Tok t = toks.get(i);
        if (p == paragraph && t.start >= pos) {
          continue;
        }
        if (Speakers.isPossessive(t.text) || i > 0 && Speakers.PREPOSITIONS.contains(Speakers.lower(toks.get(i - 1).text))) {
          continue;
        }
        String who = knownSpeaker(t.text, known);
        if (who != null) {
          return who;
        }
      }
    }
    return null;
  }

  private static String knownSpeaker(String token, List<String> known) {
    if (!Speakers.isCapitalized(token) || token.length() < 2) {
      return null;
    }
    for (String k : known) {
      String[] parts = k.split(" ");
      if (parts[0].equals(token) || parts[parts.length - 1].equals(token)) {
        return k;
      }
    }
    return null;
  }

  private boolean opensWithOtherName(int paragraph, int pos, List<String> known) {
    List<Tok> toks = tokens.get(paragraph);
    int start = 0;
    for (int i = 0; i < toks.size() && toks.get(i).start < pos; i++) {
      if (Set.of(".", "!", "?").contains(toks.get(i).text)) {
        start = i + 1;
      }
    }
    while (start < toks.size() && Set.of("“", "”", "\"").contains(toks.get(start).text)) {
      start++;
    }
    if (start >= toks.size() || toks.get(start).start >= pos) {
      return false;
    }
    Tok first = toks.get(start);
    String key = Speakers.lower(Speakers.stripPossessive(first.text));
    if (!Speakers.isCapitalized(first.text) || Speakers.NOT_NAMES.contains(key) || Speakers.isPossessive(first.text)
        || knownSpeaker(first.text, known) != null) {
      return false;
    }
    int next = start + 1;
    while (next < toks.size() && Speakers.isCapitalized(toks.get(next).text)) {
      next++;
    }
    return next < toks.size() && Character.isLowerCase(toks.get(next).text.codePointAt(0))
        && !Speakers.isOrganisation(first.text);
  }
}
