package io.newsbeam.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds quoted statements in a clean body and who said them.
 *
 * <p>Quotation marks: straight and typographic double quotes (and guillemets) are paired in order, whatever their
 * direction, because wire and translated copy often gets the direction wrong; an unpaired last mark opens a quote
 * that runs to the end of the paragraph. Single quotes delimit a quote only in a paragraph without double quotes.
 * Quotes shorter than {@link #MIN_WORDS} words are scare quotes ("killer") and stay part of the text.
 *
 * <p>Speakers: an attribution right after the quote ("…,” said Hua / Lavrov said / the ministry said / she said)
 * or before it in the same sentence ("Hua, the spokeswoman, said that “…”", "the ministry in a statement
 * expressed regret, saying “…”"). A quote without one takes the speaker of the nearest attributed quote in its
 * paragraph (a quote split by its attribution), and a paragraph that is only a quote continues the previous
 * paragraph's speaker (or the speaker a trailing "X said:" introduces). "he"/"she" resolve to the most recently
 * mentioned known speaker unless another name opens the pronoun's sentence. Short names resolve to the full name
 * used in the article ("Hua" → "Hua Chunying"), "the ministry" to the organisation named before.
 */
public final class QuoteExtractor {
  /** Minimum words of a quoted passage. */
  public static final int MIN_WORDS = 3;

  private static final String DOUBLE_MARKS = "\"“”„‟«»″";
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}’'.\\-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]|[,;:.!?()]");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’)]?\\s+(?=[\\p{Lu}“\"‘])");

  /** Extracts the quoted statements of a body (paragraphs separated by blank lines). */
  public List<ExtractedQuote> extract(String body) {
    String[] paragraphs = body.split("\\n\\s*\\n");
    List<Passage> passages = new ArrayList<>();
    for (int p = 0; p < paragraphs.length; p++) {
      passages.addAll(passagesOf(paragraphs[p], p));
    }
    NameIndex names = new NameIndex(paragraphs);
    attribute(paragraphs, passages);
    resolve(paragraphs, passages, names);
    List<ExtractedQuote> out = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      Passage q = passages.get(i);
      for (String s : statements(q.text)) {
        out.add(new ExtractedQuote(s, q.speaker, q.paragraph, i));
      }
    }
    return out;
  }

  /** A quoted passage: its paragraph, the offsets of its marks in the paragraph, its text and speaker. */
  static final class Passage {
    final int paragraph;
    final int open;
    final int close; // index of the closing mark, or paragraph length
    final String text;
    String rawSpeaker;
    int speakerPos = -1; // where the attribution sits in the paragraph (for pronoun resolution)
    String speaker;
    Passage donor; // the attributed passage this one takes its speaker from
    int introParagraph = -1; // a trailing "X said:" of the previous paragraph
    int introPos = -1;

    Passage(int paragraph, int open, int close, String text) {
      this.paragraph = paragraph;
      this.open = open;
      this.close = close;
      this.text = text;
    }
  }

  // ---------------------------------------------------------------------------------------------- marks

  static List<Passage> passagesOf(String para, int index) {
    List<int[]> spans = spans(para);
    List<Passage> out = new ArrayList<>();
    for (int[] s : spans) {
      String text = cleanText(para.substring(s[0] + 1, Math.min(s[1], para.length())));
      if (Sentences.wordCount(text) >= MIN_WORDS) {
        out.add(new Passage(index, s[0], s[1], text));
      }
    }
    return out;
  }

  /** Pairs of mark offsets [open, close]; close == length for a quote running to the paragraph's end. */
  static List<int[]> spans(String para) {
    List<Integer> marks = new ArrayList<>();
    for (int i = 0; i < para.length(); i++) {
      if (DOUBLE_MARKS.indexOf(para.charAt(i)) >= 0) {
        marks.add(i);
      }
    }
    List<int[]> out = new ArrayList<>();
    if (marks.isEmpty()) {
      return singleQuoteSpans(para);
    }
    for (int i = 0; i + 1 < marks.size(); i += 2) {
      out.add(new int[] {marks.get(i), marks.get(i + 1)});
    }
    if (marks.size() % 2 == 1) {
      int last = marks.get(marks.size() - 1);
      if (last + 1 < para.length() && !Character.isWhitespace(para.charAt(last + 1))) {
        out.add(new int[] {last, para.length()});
      }
    }
    return out;
  }

  /** ‘…’ quotes: an opening mark after a space or the start, a closing mark not followed by a letter. */
  private static List<int[]> singleQuoteSpans(String para) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < para.length()) {
      int open = para.indexOf('‘', i);
      if (open < 0) {
        break;
      }
      if (open > 0 && !Character.isWhitespace(para.charAt(open - 1)) && para.charAt(open - 1) != '(') {
        i = open + 1;
        continue;
      }
      int close = -1;
      for (int j = open + 1; j < para.length(); j++) {
        if (para.charAt(j) == '’' && (j + 1 == para.length() || !Character.isLetter(para.charAt(j + 1)))) {
          close = j;
          break;
        }
      }
      if (close < 0) {
        break;
      }
      out.add(new int[] {open, close});
      i = close + 1;
    }
    return out;
  }

  static String cleanText(String raw) {
    String t = raw.replaceAll("\\s+", " ").trim();
    t = t.replaceAll("(?:\\s*[,;:])+$", "");
    t = t.replaceAll("(\\.\\s*){2,}$", ".");
    return t.trim();
  }

  /** Sentences of a passage; a fragment shorter than MIN_WORDS joins its neighbour. */
  static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    for (String s : Sentences.split(text)) {
      if (!out.isEmpty() && Sentences.wordCount(s) < MIN_WORDS) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + s);
      } else if (!out.isEmpty() && Sentences.wordCount(out.get(out.size() - 1)) < MIN_WORDS) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + s);
      } else {
        out.add(s);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------- attribution

  private void attribute(String[] paragraphs, List<Passage> passages) {
    for (int i = 0; i < passages.size(); i++) {
      Passage q = passages.get(i);
      String para = paragraphs[q.paragraph];
      int prevEnd = 0;
      if (i > 0 && passages.get(i - 1).paragraph == q.paragraph) {
        prevEnd = passages.get(i - 1).close + 1;
      }
      int nextOpen = para.length();
      if (i + 1 < passages.size() && passages.get(i + 1).paragraph == q.paragraph) {
        nextOpen = passages.get(i + 1).open;
      }
      String before = para.substring(Math.min(prevEnd, q.open), q.open);
      // text before the quote in the same sentence; a passage ending a sentence starts a new one
      String prefix = sentenceTail(before);
      if (prevEnd > 0 && endsSentence(passages.get(i - 1).text) && !before.trim().isEmpty()
          && !SENTENCE_END.matcher(before).find()) {
        prefix = before; // "…." said Lavrov. → already split above; here: a fresh sentence
      }
      Attribution a = beforeAttribution(prefix, q.open - prefix.length());
      if (a == null && q.close < para.length()) {
        String after = para.substring(q.close + 1, Math.max(q.close + 1, nextOpen));
        a = afterAttribution(after, q.close + 1);
      }
      if (a != null) {
        q.rawSpeaker = a.speaker;
        q.speakerPos = a.position;
      }
    }
    // a quote without attribution: the nearest attributed quote of its paragraph; a paragraph that is only a quote:
    // the previous paragraph's speaker
    for (int i = 0; i < passages.size(); i++) {
      Passage q = passages.get(i);
      if (q.rawSpeaker != null) {
        continue;
      }
      Passage donor = null;
      for (int j = i - 1; j >= 0 && passages.get(j).paragraph == q.paragraph && donor == null; j--) {
        if (passages.get(j).rawSpeaker != null) {
          donor = passages.get(j);
        }
      }
      for (int j = i + 1; j < passages.size() && passages.get(j).paragraph == q.paragraph && donor == null; j++) {
        if (passages.get(j).rawSpeaker != null) {
          donor = passages.get(j);
        }
      }
      if (donor != null) {
        q.rawSpeaker = donor.rawSpeaker;
        q.donor = donor;
        continue;
      }
      String para = paragraphs[q.paragraph];
      if (q.paragraph > 0 && para.substring(0, q.open).isBlank() && onlyQuotes(para, passages, q.paragraph)) {
        String prev = paragraphs[q.paragraph - 1].trim();
        Passage last = null;
        for (int j = i - 1; j >= 0 && passages.get(j).paragraph >= q.paragraph - 1; j--) {
          if (passages.get(j).paragraph == q.paragraph - 1) {
            last = passages.get(j);
            break;
          }
        }
        if (prev.endsWith(":")) {
          Attribution a = beforeAttribution(sentenceTail(prev), 0);
          if (a != null) {
            q.rawSpeaker = a.speaker;
            q.introParagraph = q.paragraph - 1;
            q.introPos = prev.length() - sentenceTail(prev).length() + a.position;
          }
        } else if (last != null && last.rawSpeaker != null) {
          q.rawSpeaker = last.rawSpeaker;
          q.donor = last;
        }
      }
    }
  }

  private static boolean onlyQuotes(String para, List<Passage> passages, int paragraph) {
    StringBuilder rest = new StringBuilder();
    int pos = 0;
    for (Passage p : passages) {
      if (p.paragraph != paragraph) {
        continue;
      }
      rest.append(para, pos, p.open);
      pos = Math.min(para.length(), p.close + 1);
    }
    rest.append(para.substring(pos));
    return Sentences.wordCount(rest) == 0;
  }

  private static boolean endsSentence(String text) {
    return text.matches(".*[.!?]\\s*$");
  }

  /** The part of {@code before} after its last sentence end. */
  static String sentenceTail(String before) {
    Matcher m = SENTENCE_END.matcher(before);
    int start = 0;
    while (m.find()) {
      start = m.end();
    }
    return before.substring(start);
  }

  record Attribution(String speaker, int position) {}

  private record Tok(String text, int start) {
    String lower() {
      return Speakers.lower(text);
    }
  }

  private static List<Tok> tokens(String s) {
    List<Tok> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      out.add(new Tok(m.group(), m.start()));
    }
    return out;
  }

  /** "…,” said Hua" / "…,” Lavrov said on Monday" / "…,” the ministry said" / "…,” she said". */
  static Attribution afterAttribution(String after, int offset) {
    List<Tok> toks = tokens(after);
    int i = 0;
    while (i < toks.size() && ",.;:".contains(toks.get(i).text)) {
      i++;
    }
    if (i >= toks.size()) {
      return null;
    }
    if (Speakers.INVERTIBLE.contains(toks.get(i).lower())) {
      // said Hua / said the ministry / said Russian Foreign Minister Sergei Lavrov
      List<Tok> np = new ArrayList<>();
      for (int j = i + 1; j < toks.size() && np.size() < 8; j++) {
        Tok t = toks.get(j);
        if (",.;:!?()".contains(t.text)) {
          break;
        }
        boolean ok = np.isEmpty() && Set.of("the", "a", "an").contains(t.lower())
            || Speakers.isCapitalized(t.text) || Speakers.TITLES.contains(t.lower())
            || Speakers.ORG_NOUNS.contains(t.lower()) || Speakers.PARTICLES.contains(t.lower())
            || Speakers.PRONOUNS.contains(t.lower()) && np.isEmpty()
            || !np.isEmpty() && Set.of("the", "a", "an").contains(np.get(0).lower()) && isLowerWord(t.text);
        if (!ok) {
          break;
        }
        np.add(t);
      }
      if (!np.isEmpty()) {
        return new Attribution(join(after, np), offset + np.get(0).start);
      }
      return null;
    }
    // subject then verb, within a few tokens: Lavrov said / White House Press Secretary Jen Psaki said
    List<Tok> np = new ArrayList<>();
    for (int j = i; j < toks.size() && j < i + 9; j++) {
      Tok t = toks.get(j);
      if (Speakers.SPEECH_VERBS.contains(t.lower()) && !np.isEmpty()) {
        return subjectOf(after, np, offset);
      }
      if (",.;:!?()".contains(t.text)) {
        return null;
      }
      np.add(t);
    }
    return null;
  }

  private static boolean isLowerWord(String t) {
    return !t.isEmpty() && Character.isLowerCase(t.codePointAt(0));
  }

  /** A subject phrase that stands right before a speech verb after the quote. */
  private static Attribution subjectOf(String s, List<Tok> np, int offset) {
    // drop adverbs between subject and verb: "Lavrov also said", "she later said"
    while (np.size() > 1 && isLowerWord(np.get(np.size() - 1).text)
        && np.get(np.size() - 1).lower().endsWith("ly") || np.size() > 1 && Set.of("also", "later", "then", "had",
            "has", "have", "was", "once", "again").contains(np.get(np.size() - 1).lower())) {
      np = np.subList(0, np.size() - 1);
    }
    Tok first = np.get(0);
    if (np.size() == 1 && Speakers.PRONOUNS.contains(first.lower())) {
      return new Attribution(first.lower(), offset + first.start);
    }
    boolean determiner = Set.of("the", "a", "an").contains(first.lower());
    for (Tok t : np) {
      boolean ok = Speakers.isCapitalized(t.text) || Speakers.TITLES.contains(t.lower())
          || Speakers.ORG_NOUNS.contains(t.lower()) || Speakers.PARTICLES.contains(t.lower())
          || determiner && isLowerWord(t.text);
      if (!ok) {
        return null;
      }
    }
    if (np.size() > 6) {
      return null;
    }
    return new Attribution(join(s, np), offset + first.start);
  }

  private static String join(String s, List<Tok> np) {
    Tok last = np.get(np.size() - 1);
    return s.substring(np.get(0).start, last.start + last.text.length());
  }

  /**
   * The attribution in the sentence part before a quote: the last speech verb, then either an inverted subject
   * right after it ("…, said Hua, “…") or the subject before it, skipping adverbials, appositives and phrases
   * after prepositions.
   */
  static Attribution beforeAttribution(String prefix, int offset) {
    List<Tok> toks = tokens(prefix);
    int verb = -1;
    for (int i = toks.size() - 1; i >= 0; i--) {
      if (Speakers.SPEECH_VERBS.contains(toks.get(i).text)) {
        verb = i;
        break;
      }
    }
    if (verb < 0) {
      return null;
    }
    if (Speakers.INVERTIBLE.contains(toks.get(verb).text)) {
      List<Tok> np = new ArrayList<>();
      for (int j = verb + 1; j < toks.size() && np.size() < 6; j++) {
        Tok t = toks.get(j);
        if (Speakers.isCapitalized(t.text) || np.isEmpty() && Set.of("the").contains(t.lower())
            || !np.isEmpty() && (Speakers.ORG_NOUNS.contains(t.lower()) || Speakers.TITLES.contains(t.lower()))) {
          np.add(t);
        } else {
          break;
        }
      }
      int after = verb + 1 + np.size();
      if (!np.isEmpty() && after < toks.size() && ",:".contains(toks.get(after).text)) {
        return new Attribution(join(prefix, np), offset + np.get(0).start);
      }
    }
    // walk left from the verb
    int i = verb - 1;
    int skipped = 0;
    boolean participle = Speakers.PARTICIPLES.contains(toks.get(verb).text);
    while (i >= 0 && skipped < 14) {
      Tok t = toks.get(i);
      String l = t.lower();
      if (t.text.equals(",")) {
        if (participle && skipped == 0) {
          i--;
          continue;
        }
        // appositive: ", the Chinese foreign ministry spokeswoman," → skip to before its opening comma
        int open = i - 1;
        while (open >= 0 && !toks.get(open).text.equals(",") && i - open < 10) {
          open--;
        }
        if (open >= 0 && toks.get(open).text.equals(",") && open + 1 < i
            && Set.of("the", "a", "an").contains(toks.get(open + 1).lower())) {
          i = open - 1;
          continue;
        }
        if (skipped > 0 && participle) {
          i--;
          skipped++;
          continue;
        }
        return null;
      }
      if (";:()".contains(t.text) || l.equals("that") && skipped > 0 || l.equals("and") && skipped == 0) {
        return null;
      }
      if (Speakers.PRONOUNS.contains(l)) {
        return new Attribution(l, offset + t.start);
      }
      if (Speakers.isCapitalized(t.text) && !Speakers.NOT_NAMES.contains(Speakers.lower(Speakers.stripPossessive(t.text)))) {
        int end = i;
        int start = i;
        while (start - 1 >= 0 && (Speakers.isCapitalized(toks.get(start - 1).text)
            && !Speakers.NOT_NAMES.contains(toks.get(start - 1).lower())
            || Speakers.PARTICLES.contains(toks.get(start - 1).lower()) && start - 2 >= 0
                && Speakers.isCapitalized(toks.get(start - 2).text))) {
          start--;
        }
        boolean afterPreposition = start > 0 && Speakers.PREPOSITIONS.contains(toks.get(start - 1).lower());
        boolean possessive = Speakers.isPossessive(toks.get(end).text);
        if (!afterPreposition && !possessive) {
          // include role words before the name: "spokeswoman Hua Chunying"
          return new Attribution(join(prefix, toks.subList(start, end + 1)), offset + toks.get(start).start);
        }
        if (possessive && !afterPreposition) { // "Xinhua's report says" → Xinhua
          return new Attribution(Speakers.stripPossessive(join(prefix, toks.subList(start, end + 1))),
              offset + toks.get(start).start);
        }
        skipped += end - start + 1;
        i = start - 1;
        continue;
      }
      if (Speakers.ORG_NOUNS.contains(l) && !l.equals("statement")) {
        // noun phrase: modifiers to the left (adjectives, possessives)
        int start = i;
        while (start - 1 >= 0) {
          Tok m = toks.get(start - 1);
          String ml = m.lower();
          if (Speakers.PREPOSITIONS.contains(ml) || ",;:".contains(m.text) || Set.of("and", "but", "that", "while").contains(ml)
              || Speakers.SPEECH_VERBS.contains(ml)) {
            break;
          }
          start--;
          if (Speakers.isPossessive(m.text) || Set.of("the", "a", "an").contains(ml)) {
            break;
          }
        }
        boolean afterPreposition = start > 0 && Speakers.PREPOSITIONS.contains(toks.get(start - 1).lower());
        if (!afterPreposition) {
          return new Attribution(join(prefix, toks.subList(start, i + 1)), offset + toks.get(start).start);
        }
        skipped += i - start + 1;
        i = start - 1;
        continue;
      }
      skipped++;
      i--;
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------- resolution

  private void resolve(String[] paragraphs, List<Passage> passages, NameIndex names) {
    // first the named speakers, then pronouns (which need the named ones), then inherited ones
    List<String> known = new ArrayList<>();
    for (Passage q : passages) {
      if (q.donor == null && q.rawSpeaker != null && !Speakers.PRONOUNS.contains(q.rawSpeaker)) {
        q.speaker = names.resolve(Speakers.clean(q.rawSpeaker), q.paragraph);
        if (q.speaker != null && !Speakers.isOrganisation(q.speaker) && !known.contains(q.speaker)) {
          known.add(q.speaker);
        }
      }
    }
    for (Passage q : passages) {
      if (q.donor == null && q.rawSpeaker != null && Speakers.PRONOUNS.contains(q.rawSpeaker)) {
        int para = q.introParagraph >= 0 ? q.introParagraph : q.paragraph;
        int pos = q.introParagraph >= 0 ? q.introPos : q.speakerPos >= 0 ? q.speakerPos : q.open;
        q.speaker = names.antecedent(paragraphs, para, pos, known);
      }
    }
    for (Passage q : passages) {
      if (q.donor != null) {
        q.speaker = q.donor.speaker;
      }
    }
  }
}
