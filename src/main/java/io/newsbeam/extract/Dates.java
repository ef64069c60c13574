package io.newsbeam.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

  /** English and German month names (and their usual abbreviations). */
  private static final String MONTHS =
      "(January|February|March|April|May|June|July|August|September|October|November|December|"
          + "Januar|Jänner|Februar|März|Maerz|Mai|Juni|Juli|Oktober|Dezember|"
          + "Jan|Feb|Mar|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Okt|Nov|Dec|Dez)\\.?";

  /** "March 23, 2021", optionally followed by a time "4:47am EDT" / "16:47 GMT". */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          MONTHS
              + "\\s+(\\d{1,2}),?\\s+(\\d{4})(?:[\\s|,-]+(?:at\\s+)?(\\d{1,2}):(\\d{2})\\s*([ap]\\.?m\\.?)?\\s*([A-Z]{3,4})?)?",
          Pattern.CASE_INSENSITIVE);

  /** "23 March 2021", optionally with a time. */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "\\b(\\d{1,2})\\.?\\s+"
              + MONTHS
              + ",?\\s+(\\d{4})(?:[\\s|,-]+(?:at\\s+)?(\\d{1,2}):(\\d{2})\\s*([ap]\\.?m\\.?)?\\s*([A-Z]{3,4})?)?",
          Pattern.CASE_INSENSITIVE);

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
    String n = name.toLowerCase(Locale.ROOT).replace(".", "");
    String[] prefixes = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < prefixes.length; i++) {
      if (n.startsWith(prefixes[i])) {
        return i + 1;
      }
    }
    if (n.startsWith("jän")) {
      return 1;
    }
    if (n.startsWith("mär") || n.startsWith("mae")) {
      return 3;
    }
    if (n.startsWith("mai")) {
      return 5;
    }
    if (n.startsWith("okt")) {
      return 10;
    }
    if (n.startsWith("dez")) {
      return 12;
    }
    throw new IllegalArgumentException("not a month: " + name);
  }
}
