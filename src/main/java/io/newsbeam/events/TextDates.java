package io.newsbeam.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in article text, for event grouping. Plain Java.
 *
 * <ul>
 *   <li>{@link #publication}: the metadata time when known, else the first complete date written in the text
 *       ("March 22, 2021", "22 March 2021", "2021-03-22"), else null;</li>
 *   <li>{@link #mentionedDays}: the days the text talks about, with relative mentions ("on Monday", "last
 *       Thursday", "yesterday", "March 22") resolved against the article's date; without a date only complete
 *       dates count.</li>
 * </ul>
 */
public final class TextDates {
  private TextDates() {}

  private static final String MONTH =
      "(January|February|March|April|May|June|July|August|September|October|November|December|"
          + "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+((?:19|20)\\d{2})\\b");
  private static final Pattern ISO = Pattern.compile("\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s+(?:19|20)\\d{2})");
  private static final Pattern WEEKDAY =
      Pattern.compile("\\b(last|on|this|late|early)?\\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
  private static final Pattern YESTERDAY = Pattern.compile("\\b(yesterday|today)\\b", Pattern.CASE_INSENSITIVE);

  /** Publication time: metadata when known, else the first complete date in the text (UTC midnight), else null. */
  public static Long publication(Long metadata, String title, String body) {
    if (metadata != null) {
      return metadata;
    }
    LocalDate first = firstComplete(join(title, body));
    return first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** Days mentioned in the text (sorted); relative mentions need {@code reference} (epoch millis), else they are skipped. */
  public static List<LocalDate> mentionedDays(String title, String body, Long reference) {
    String text = join(title, body);
    TreeSet<LocalDate> days = new TreeSet<>();
    for (Found f : complete(text)) {
      days.add(f.day());
    }
    if (reference != null) {
      LocalDate ref = Instant.ofEpochMilli(reference).atZone(ZoneOffset.UTC).toLocalDate();
      Matcher md = MONTH_DAY.matcher(text);
      while (md.find()) {
        LocalDate d = monthDay(ref, month(md.group(1)), Integer.parseInt(md.group(2)));
        if (d != null) {
          days.add(d);
        }
      }
      Matcher wd = WEEKDAY.matcher(text);
      while (wd.find()) {
        DayOfWeek dow = DayOfWeek.valueOf(wd.group(2).toUpperCase(Locale.ROOT));
        boolean last = "last".equals(wd.group(1));
        days.add(previous(ref, dow, last));
      }
      Matcher y = YESTERDAY.matcher(text);
      while (y.find()) {
        days.add(y.group(1).equalsIgnoreCase("yesterday") ? ref.minusDays(1) : ref);
      }
    }
    return new ArrayList<>(days);
  }

  /** The most recent {@code dow} on or before {@code ref}; strictly before and at least two days back for "last". */
  static LocalDate previous(LocalDate ref, DayOfWeek dow, boolean last) {
    LocalDate d = ref;
    int back = 0;
    while (d.getDayOfWeek() != dow || (last && back < 2)) {
      d = d.minusDays(1);
      back++;
    }
    return d;
  }

  /** "March 22" near {@code ref}: the occurrence closest to it within the previous ~10 months or next ~2 months. */
  static LocalDate monthDay(LocalDate ref, int month, int day) {
    LocalDate best = null;
    for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
      try {
        LocalDate d = LocalDate.of(y, month, day);
        long delta = d.toEpochDay() - ref.toEpochDay();
        if (delta >= -300 && delta <= 60 && (best == null || Math.abs(delta) < Math.abs(best.toEpochDay() - ref.toEpochDay()))) {
          best = d;
        }
      } catch (RuntimeException e) {
        return null; // "February 31": not a date
      }
    }
    return best;
  }

  private record Found(int position, LocalDate day) {}

  static LocalDate firstComplete(String text) {
    List<Found> all = complete(text);
    Found first = null;
    for (Found f : all) {
      if (first == null || f.position() < first.position()) {
        first = f;
      }
    }
    return first == null ? null : first.day();
  }

  private static List<Found> complete(String text) {
    List<Found> out = new ArrayList<>();
    Matcher a = MONTH_DAY_YEAR.matcher(text);
    while (a.find()) {
      add(out, a.start(), Integer.parseInt(a.group(3)), month(a.group(1)), Integer.parseInt(a.group(2)));
    }
    Matcher b = DAY_MONTH_YEAR.matcher(text);
    while (b.find()) {
      add(out, b.start(), Integer.parseInt(b.group(3)), month(b.group(2)), Integer.parseInt(b.group(1)));
    }
    Matcher c = ISO.matcher(text);
    while (c.find()) {
      add(out, c.start(), Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)), Integer.parseInt(c.group(3)));
    }
    return out;
  }

  private static void add(List<Found> out, int pos, int y, int m, int d) {
    try {
      out.add(new Found(pos, LocalDate.of(y, m, d)));
    } catch (RuntimeException e) {
      // not a calendar date: ignore
    }
  }

  static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace(".", "");
    String[] prefixes = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < prefixes.length; i++) {
      if (n.startsWith(prefixes[i])) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not a month: " + name);
  }

  private static String join(String title, String body) {
    return (title == null ? "" : title + "\n") + (body == null ? "" : body);
  }
}
