package io.newsbeam.events;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one canonical article contributes to event grouping, before corpus statistics: publication time
 * (metadata or inferred from the text), days it talks about, key-term counts and named entities.
 *
 * @param id article id
 * @param publishedAt epoch millis, or null when neither metadata nor the text gives a date
 * @param dateInferred true when {@code publishedAt} comes from the text
 * @param terms key-term counts (stopwords removed, title counted extra)
 * @param entities named entities, sorted by key
 * @param days ISO days the text mentions (relative mentions resolved against the publication date)
 * @param years years (four digits) the text mentions
 */
public record EventSignals(
    String id,
    Long publishedAt,
    boolean dateInferred,
    TreeMap<String, Integer> terms,
    List<Entities.Entity> entities,
    List<String> days,
    List<String> years)
    implements Serializable {

  private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(?<![\\p{L}\\d.,])(\\d+(?:[.,]\\d+)?)(?![\\d])"); // not inside a name ("G20")

  /** Signals of one article. */
  public static EventSignals of(EventDoc doc) {
    Long published = TextDates.publication(doc.publishedAt(), doc.title(), doc.body());
    TreeMap<String, Integer> terms = new TreeMap<>(Terms.counts(doc.title(), doc.body(), 2));
    List<String> days = new ArrayList<>();
    for (LocalDate d : TextDates.mentionedDays(doc.title(), doc.body(), published)) {
      days.add(d.toString());
    }
    java.util.TreeSet<String> years = new java.util.TreeSet<>();
    java.util.regex.Matcher m = YEAR.matcher((doc.title() == null ? "" : doc.title()) + "\n" + doc.body());
    while (m.find()) {
      String num = m.group(1).replace(',', '.');
      if (num.length() > 1) {
        years.add(num);
      }
    }
    return new EventSignals(doc.id(), published, doc.publishedAt() == null && published != null, terms,
        Entities.extract(doc.title(), doc.body()), days, new ArrayList<>(years));
  }

  /** Every feature key whose document frequency the corpus statistics count (terms, "e:" entities). */
  public List<String> featureKeys() {
    List<String> keys = new ArrayList<>(terms.keySet());
    for (Entities.Entity e : entities) {
      keys.add(EventFeatures.ENTITY + e.key());
    }
    return keys;
  }

  /** Term counts as a plain map (read-only use). */
  public Map<String, Integer> termCounts() {
    return terms;
  }
}
