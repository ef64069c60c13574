package io.newsbeam.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses publication times as they appear in meta tags, URLs and datelines. Dates without a zone are UTC. */
public final class Dates {
  private Dates() {}

  private static final Map<String, ZoneOffset> ZONES =
      Map.ofEntries(
          Map.entry("UTC", ZoneOffset.UTC),
          Map.entry("GMT", ZoneOffset.UTC),
          Map.entry("EDT", ZoneOffset.ofHours(-4)),
          Map.entry("EST", ZoneOffset.ofHours(-5)),
          Map.entry("CDT", ZoneOffset.ofHours(-5)),
          Map.entry("CST", ZoneOffset.ofHours(-6)),
          Map.entry("MDT", ZoneOffset.ofHours(-6)),
          Map.entry("MST", ZoneOffset.ofHours(-7)),
          Map.entry("PDT", ZoneOffset.ofHours(-7)),
          Map.entry("PST", ZoneOffset.ofHours(-8)),
          Map.entry("BST", ZoneOffset.ofHours(1)),
          Map.entry("CET", ZoneOffset.ofHours(1)),
          Map.entry("CEST", ZoneOffset.ofHours(2)));

  /**
   * Month names and usual abbreviations in English, German, French, Spanish, Portuguese and Italian, lower-cased,
   * with their numbers. Longest first in the pattern, so "juillet" never stops at "jul".
   */
  private static final Map<String, Integer> MONTH_NUMBERS = monthNumbers();

  private static final String MONTHS = monthAlternation() + "\\.?";

  /** "March 23, 2021", optionally followed by a time "4:47am EDT" / "16:47 GMT". */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "(?<!\\p{L})" + MONTHS
              + "\\s+(\\d{1,2}),?\\s+(\\d{4})(?:[\\s|,-]+(?:at\\s+)?(\\d{1,2}):(\\d{2})\\s*([ap]\\.?\\s?m\\.?)?\\s*([A-Z]{3,4})?)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** "23 March 2021", "3 de mayo de 2022", "6 janvier 2020", optionally with a time. */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?<![\\d.])(\\d{1,2})(?:\\.|er|º)?\\s+(?:de\\s+)?"
              + MONTHS
              + ",?\\s+(?:de\\s+|del\\s+)?(\\d{4})(?:[\\s|,-]+(?:at\\s+)?(\\d{1,2}):(\\d{2})\\s*([ap]\\.?\\s?m\\.?)?\\s*([A-Z]{3,4})?)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern ISO_DATE =
      Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?)?");

  /** "23.03.2021" (day first, as in German, and most of Europe), optionally with "16:47". */
  private static final Pattern NUMERIC_DMY =
      Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})(?!\\d)(?:,?\\s*(?:um\\s+)?(\\d{1,2}):(\\d{2}))?");

  /** "2021/03/23" (year first, slashes). */
  private static final Pattern SLASHED_YMD = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})(?!\\d)");

  private static final Pattern URL_DATE = Pattern.compile("/(20\\d{2}|19\\d{2})[/-](\\d{2})[/-](\\d{2})(?:/|\\b)");

  /** Parses a machine-readable timestamp (meta tags, JSON-LD, {@code <time datetime>}). */
  public static Optional<Long> parseMachine(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant().toEpochMilli());
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli());
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    return parseText(v);
  }

  /** Finds the first date in free text (datelines, bylines). */
  public static Optional<Long> parseText(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher iso = ISO_DATE.matcher(text);
    if (iso.find()) {
      Optional<Long> t = fromIso(iso);
      if (t.isPresent()) {
        return t;
      }
    }
    Matcher m = MONTH_DAY_YEAR.matcher(text);
    if (m.find()) {
      return build(m.group(3), m.group(1), m.group(2), m.group(4), m.group(5), m.group(6), m.group(7));
    }
    Matcher d = DAY_MONTH_YEAR.matcher(text);
    if (d.find()) {
      return build(d.group(3), d.group(2), d.group(1), d.group(4), d.group(5), d.group(6), d.group(7));
    }
    Matcher n = NUMERIC_DMY.matcher(text);
    if (n.find()) {
      Optional<Long> t = numeric(n.group(3), n.group(2), n.group(1), n.group(4), n.group(5));
      if (t.isPresent()) {
        return t;
      }
    }
    Matcher s = SLASHED_YMD.matcher(text);
    if (s.find()) {
      return numeric(s.group(1), s.group(2), s.group(3), null, null);
    }
    return Optional.empty();
  }

  /** "3/5/2022": day and month in either order (resolved only against another date of the same page). */
  private static final Pattern SLASHED_AMBIGUOUS = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?![\\d/])");

  /**
   * The calendar days a piece of visible text shows, as written (no time zone applied): every date form of
   * {@link #parseText}, plus both readings of an ambiguous "3/5/2022". In order of appearance, at most 8.
   */
  public static List<LocalDate> shownDays(String text) {
    List<LocalDate> days = new ArrayList<>();
    if (text == null || text.length() < 6) {
      return days;
    }
    List<int[]> found = new ArrayList<>(); // start, year, month, day
    Matcher iso = ISO_DATE.matcher(text);
    while (iso.find()) {
      found.add(new int[] {iso.start(), Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))});
    }
    Matcher m = MONTH_DAY_YEAR.matcher(text);
    while (m.find()) {
      found.add(new int[] {m.start(), Integer.parseInt(m.group(3)), monthNumber(m.group(1)), Integer.parseInt(m.group(2))});
    }
    Matcher d = DAY_MONTH_YEAR.matcher(text);
    while (d.find()) {
      found.add(new int[] {d.start(), Integer.parseInt(d.group(3)), monthNumber(d.group(2)), Integer.parseInt(d.group(1))});
    }
    Matcher n = NUMERIC_DMY.matcher(text);
    while (n.find()) {
      found.add(new int[] {n.start(), Integer.parseInt(n.group(3)), Integer.parseInt(n.group(2)), Integer.parseInt(n.group(1))});
    }
    Matcher s = SLASHED_YMD.matcher(text);
    while (s.find()) {
      found.add(new int[] {s.start(), Integer.parseInt(s.group(1)), Integer.parseInt(s.group(2)), Integer.parseInt(s.group(3))});
    }
    Matcher a = SLASHED_AMBIGUOUS.matcher(text);
    while (a.find()) {
      int x = Integer.parseInt(a.group(1));
      int y = Integer.parseInt(a.group(2));
      int year = Integer.parseInt(a.group(3));
      found.add(new int[] {a.start(), year, y, x});
      found.add(new int[] {a.start(), year, x, y});
    }
    found.sort(java.util.Comparator.comparingInt(f -> f[0]));
    for (int[] f : found) {
      if (f[1] < 1900 || f[1] > 2100) {
        continue;
      }
      try {
        LocalDate day = LocalDate.of(f[1], f[2], f[3]);
        if (!days.contains(day)) {
          days.add(day);
        }
      } catch (RuntimeException e) {
        // not a calendar day (month 13, 31 April): skip
      }
      if (days.size() >= 8) {
        break;
      }
    }
    return days;
  }

  /** A date in a URL path such as /2021/03/23/. */
  public static Optional<Long> parseUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return Optional.empty();
    }
    return safeDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  private static Optional<Long> fromIso(Matcher m) {
    try {
      int y = Integer.parseInt(m.group(1));
      int mo = Integer.parseInt(m.group(2));
      int d = Integer.parseInt(m.group(3));
      if (m.group(4) == null) {
        return safeDate(y, mo, d);
      }
      LocalDateTime ldt =
          LocalDateTime.of(y, mo, d, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      ZoneOffset off = ZoneOffset.UTC;
      String z = m.group(7);
      if (z != null && !z.equals("Z")) {
        off = ZoneOffset.of(z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z);
      }
      return Optional.of(ldt.toInstant(off).toEpochMilli());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> build(
      String year, String month, String day, String hour, String minute, String ampm, String zone) {
    try {
      int y = Integer.parseInt(year);
      int mo = monthNumber(month);
      int d = Integer.parseInt(day);
      if (hour == null) {
        return safeDate(y, mo, d);
      }
      int h = Integer.parseInt(hour);
      if (ampm != null) {
        boolean pm = ampm.toLowerCase(Locale.ROOT).startsWith("p");
        h = (h % 12) + (pm ? 12 : 0);
      }
      ZoneOffset off = zone == null ? ZoneOffset.UTC : ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), ZoneOffset.UTC);
      return Optional.of(LocalDateTime.of(y, mo, d, h, Integer.parseInt(minute)).toInstant(off).toEpochMilli());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> numeric(String year, String month, String day, String hour, String minute) {
    try {
      int y = Integer.parseInt(year);
      int mo = Integer.parseInt(month);
      int d = Integer.parseInt(day);
      if (hour == null) {
        return safeDate(y, mo, d);
      }
      return Optional.of(
          LocalDateTime.of(y, mo, d, Integer.parseInt(hour), Integer.parseInt(minute)).toInstant(ZoneOffset.UTC).toEpochMilli());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> safeDate(int y, int mo, int d) {
    if (y < 1900 || y > 2100) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(y, mo, d).atStartOfDay(ZoneId.of("UTC")).toInstant().toEpochMilli());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static int monthNumber(String name) {
    Integer n = MONTH_NUMBERS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
    if (n == null) {
      throw new IllegalArgumentException("not a month: " + name);
    }
    return n;
  }

  private static Map<String, Integer> monthNumbers() {
    String[][] names = {
      {"january", "jan", "januar", "jänner", "jän", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "gen"},
      {"february", "feb", "februar", "février", "fevrier", "févr", "fév", "febrero", "fevereiro", "fev", "febbraio"},
      {"march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco"},
      {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
      {"may", "mai", "mayo", "maio", "maggio", "mag"},
      {"june", "jun", "juni", "juin", "junio", "junho", "giugno", "giu"},
      {"july", "jul", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug"},
      {"august", "aug", "août", "aout", "agosto", "ago"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre", "set"},
      {"october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "out", "ottobre", "ott"},
      {"november", "nov", "novembre", "noviembre", "novembro"},
      {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dezembro", "dicembre"},
    };
    Map<String, Integer> m = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        m.put(n, i + 1);
      }
    }
    return Map.copyOf(m);
  }

  private static String monthAlternation() {
    return MONTH_NUMBERS.keySet().stream()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder()))
        .map(Pattern::quote)
        .collect(java.util.stream.Collectors.joining("|", "(", ")"));
  }
}
