package io.newsbeam.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word lists and helpers for speaker attribution: speech verbs, titles, organisation nouns, pronouns; cleaning a
 * raw speaker phrase into a name; and whether two speaker names can be the same speaker. Plain Java.
 */
public final class Speakers {
  private Speakers() {}

  /** Verbs that introduce or attribute a quote (finite forms and participles). */
  static final Set<String> SPEECH_VERBS = words(
      "said", "says", "say", "told", "tells", "added", "adds", "adding", "saying", "telling", "warned", "warns",
      "warning", "noted", "noting", "stressed", "stresses", "stressing", "insisted", "insists", "insisting",
      "explained", "explains", "argued", "argues", "arguing", "claimed", "stated", "declared", "announced",
      "urged", "urges", "predicted", "praised", "accused", "accuses", "accusing", "asked", "replied", "responded",
      "wrote", "writes", "tweeted", "posted", "continued", "recalled", "acknowledged", "admitted", "agreed",
      "emphasized", "emphasised", "emphasizing", "emphasising", "suggested", "observed", "remarked", "described",
      "describing", "calling", "reiterated", "pledged", "vowed", "concluded", "commented", "echoed", "affirmed",
      "confirmed", "cautioned", "complained", "announcing", "asserted", "maintained", "pointed", "stating",
      "declaring", "quipped", "shouted", "testified", "reported", "reports", "believes");

  /** Speech verbs that may come before their subject ("said Hua", "added the ministry"). */
  static final Set<String> INVERTIBLE = words(
      "said", "says", "added", "adds", "asked", "continued", "wrote", "writes", "explained", "noted", "stressed",
      "declared", "warned", "replied", "insisted", "argued");

  static final Set<String> PARTICIPLES = words(
      "adding", "saying", "telling", "warning", "noting", "stressing", "insisting", "arguing", "accusing",
      "describing", "calling", "emphasizing", "emphasising", "announcing", "stating", "declaring");

  static final Set<String> PRONOUNS = Set.of("he", "she");

  static final Set<String> TITLES = words(
      "minister", "secretary", "president", "spokesman", "spokeswoman", "spokesperson", "press", "chancellor",
      "premier", "governor", "senator", "sen", "rep", "representative", "mayor", "director", "chairman",
      "chairwoman", "chair", "chief", "ambassador", "commissioner", "adviser", "advisor", "general", "judge",
      "justice", "mr", "mrs", "ms", "dr", "prof", "professor", "king", "queen", "prince", "princess", "pope", "ceo",
      "leader", "officer", "head", "deputy", "vice", "foreign", "prime", "defense", "defence", "state", "interior",
      "finance", "envoy", "counselor", "counsellor", "coach", "captain", "lawyer", "attorney", "councillor",
      "councilman", "councilwoman", "official", "analyst", "economist", "executive", "founder", "manager",
      "diplomat", "correspondent", "editor", "former", "top", "senior", "national", "security", "house", "white",
      "party", "communist", "central", "commissar");

  /** Head nouns of organisations and official bodies that speak ("the ministry said"). */
  static final Set<String> ORG_NOUNS = words(
      "ministry", "department", "office", "government", "agency", "council", "committee", "kremlin", "embassy",
      "police", "commission", "administration", "organization", "organisation", "service", "spokesperson",
      "spokesman", "spokeswoman", "court", "company", "bank", "union", "parliament", "army", "military",
      "authorities", "officials", "official", "statement", "board", "institute", "foundation", "agency", "group",
      "team", "presidency", "cabinet", "mission", "secretariat", "bureau", "party", "firm");

  static final Set<String> NOT_NAMES = words(
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
      "april", "may", "june", "july", "august", "september", "october", "november", "december", "the", "a", "an",
      "in", "on", "at", "for", "and", "but", "or", "as", "if", "when", "while", "after", "before", "despite",
      "during", "since", "this", "that", "these", "those", "there", "here", "here’s", "here's", "it", "its", "we",
      "our", "they", "their", "his", "her", "he", "she", "i", "you", "upon", "finally", "however", "meanwhile",
      "also", "still", "yet", "so", "then", "now", "last", "next", "both", "all", "some", "many", "most",
      "responding", "according", "with", "from", "to", "of", "by", "about", "last", "earlier", "later", "even",
      "such", "what", "why", "how", "who", "which", "where", "although", "though", "because", "under", "over",
      "instead", "indeed", "moreover", "furthermore", "regrettably", "probably", "recently", "compared", "going");

  static final Set<String> PREPOSITIONS = words(
      "in", "on", "at", "with", "to", "from", "for", "of", "by", "about", "after", "before", "during", "between",
      "against", "toward", "towards", "into", "over", "under", "through", "per", "like", "as", "than", "among",
      "across", "around", "without", "within", "upon", "behind", "beyond", "near", "via", "including");

  static final Set<String> PARTICLES = Set.of("of", "de", "van", "von", "der", "al", "bin", "da", "la", "le", "du", "del", "di");

  private static final Pattern POSSESSIVE = Pattern.compile("(?:['’]s|['’])$");

  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static boolean isCapitalized(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0));
  }

  static String stripPossessive(String token) {
    return POSSESSIVE.matcher(token).replaceFirst("");
  }

  static boolean isPossessive(String token) {
    return token.endsWith("’s") || token.endsWith("'s");
  }

  /** True when the phrase names an organisation or official body rather than a person. */
  public static boolean isOrganisation(String speaker) {
    if (speaker == null) {
      return false;
    }
    for (String t : tokens(speaker)) {
      if (ORG_NOUNS.contains(lower(stripPossessive(t)))) {
        return true;
      }
    }
    return lower(speaker).startsWith("the ");
  }

  /**
   * Turns a raw speaker phrase into a name: drops a leading determiner on names, possessives, leading titles and
   * nationality adjectives of person names ("Russian Foreign Minister Sergei Lavrov" → "Sergei Lavrov").
   * Organisation phrases keep their words ("Russia's foreign ministry").
   */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.trim().replaceAll("\\s+", " ").replaceAll("^[,;:\\s]+|[,;:.\\s]+$", "");
    if (s.isEmpty()) {
      return null;
    }
    List<String> toks = tokens(s);
    if (toks.size() == 1 && PRONOUNS.contains(lower(toks.get(0)))) {
      return lower(toks.get(0));
    }
    List<String> run = trailingNameRun(toks);
    if (!run.isEmpty() && !isOrganisation(String.join(" ", run))) {
      return String.join(" ", run);
    }
    if (isOrganisation(s)) {
      List<String> kept = new ArrayList<>(toks);
      while (!kept.isEmpty() && Set.of("the", "a", "an").contains(lower(kept.get(0)))) {
        kept.remove(0);
      }
      return kept.isEmpty() ? null : String.join(" ", kept);
    }
    return run.isEmpty() ? null : String.join(" ", run);
  }

  /** The capitalised tokens at the end of a phrase, after the last title, role or lower-case word. */
  private static List<String> trailingNameRun(List<String> toks) {
    int start = toks.size();
    while (start > 0) {
      String t = toks.get(start - 1);
      String key = lower(stripPossessive(t).replace(".", ""));
      boolean nameLike = isCapitalized(t) && !TITLES.contains(key) && !NOT_NAMES.contains(key);
      if (!(nameLike || PARTICLES.contains(key) && start < toks.size())) {
        break;
      }
      if (isPossessive(t) && start < toks.size()) {
        break;
      }
      start--;
    }
    List<String> name = new ArrayList<>();
    for (String t : toks.subList(start, toks.size())) {
      name.add(stripPossessive(t));
    }
    while (!name.isEmpty() && PARTICLES.contains(lower(name.get(0)))) {
      name.remove(0);
    }
    return name;
  }

  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    for (String t : s.trim().split("\\s+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** Content words of a speaker name for matching, lower-case, with common nationality endings folded. */
  static Set<String> keyWords(String speaker) {
    Set<String> out = new TreeSet<>();
    Matcher m = WORD.matcher(lower(speaker));
    while (m.find()) {
      String w = m.group();
      if (w.length() < 2 || NOT_NAMES.contains(w) || Set.of("foreign", "affairs", "s").contains(w)) {
        continue;
      }
      out.add(w.replaceAll("(?:n|ns|ian|ia)$", ""));
    }
    return out;
  }

  /**
   * Whether two speakers can be the same: true when either is unknown; persons match on their last (or only
   * shared) name token, organisations on a shared content word; a person and an organisation never match.
   */
  public static boolean compatible(String a, String b) {
    return compatible(Speaker.of(a), Speaker.of(b));
  }

  /** {@link #compatible(String, String)} on speakers read once ({@link Speaker#of}). */
  public static boolean compatible(Speaker a, Speaker b) {
    if (a.unknown() || b.unknown()) {
      return true;
    }
    if (a.organisation() != b.organisation()) {
      return false;
    }
    if (a.keyWords().isEmpty() || b.keyWords().isEmpty()) {
      return true;
    }
    for (String w : a.keyWords()) {
      if (b.keyWords().contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What {@link #compatible} reads of a speaker phrase, computed once per phrase: a block compares each statement
   * with many others.
   *
   * @param unknown no speaker, or only a pronoun
   * @param organisation {@link #isOrganisation}
   * @param keyWords {@link #keyWords} (empty when unknown)
   */
  public record Speaker(boolean unknown, boolean organisation, Set<String> keyWords) {
    private static final Speaker UNKNOWN = new Speaker(true, false, Set.of());

    public static Speaker of(String speaker) {
      if (speaker == null || PRONOUNS.contains(speaker)) {
        return UNKNOWN;
      }
      return new Speaker(false, isOrganisation(speaker), Speakers.keyWords(speaker));
    }
  }
}
