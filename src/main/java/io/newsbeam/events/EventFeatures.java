package io.newsbeam.events;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Turns {@link EventSignals} into comparable vectors with corpus document frequencies: a TF-IDF vector of key
 * terms and one of entities plus the days and years the text mentions; and picks the document's block keys
 * (its most salient entities and terms). Plain Java.
 */
public final class EventFeatures {
  private EventFeatures() {}

  public static final String ENTITY = "e:";
  public static final String DAY = "d:";
  public static final String YEAR = "y:";
  public static final String TERM = "t:";

  /** Terms kept per document (the heaviest), which bounds the cost of one comparison. */
  static final int MAX_TERMS = 80;

  /** One entity for labels: display form, weight in its document, mentions after a place preposition. */
  public record Named(String key, String display, double weight, int placeMentions) implements Serializable {}

  /**
   * Everything grouping needs of one article.
   *
   * @param id article id
   * @param publishedAt epoch millis or null
   * @param dateInferred true when the date comes from the text
   * @param terms TF-IDF of key terms
   * @param entities TF-IDF of entities, mentioned days and years
   * @param blockKeys block keys: salient entities ("e:") and terms ("t:"), best first
   * @param named heaviest entities first, for labels
   * @param places every entity the article names as a place, sorted
   */
  public record EventVector(
      String id, Long publishedAt, boolean dateInferred, SparseVector terms, SparseVector entities,
      List<String> blockKeys, List<Named> named, List<String> places) implements Serializable {}

  /** Every entity the article names as a place (after in/at/near/from/to), sorted. */
  static List<String> places(EventSignals s) {
    List<String> out = new ArrayList<>();
    for (Entities.Entity e : s.entities()) {
      if (e.placeMentions() > 0) {
        out.add(e.key());
      }
    }
    out.sort(null);
    return List.copyOf(out);
  }

  /** Feature keys whose document frequency the grouping needs (what {@code df} must answer for). */
  public static List<String> dfKeys(EventSignals s) {
    List<String> keys = new ArrayList<>(s.terms().keySet());
    for (Entities.Entity e : s.entities()) {
      keys.add(ENTITY + e.key());
    }
    for (String d : s.days()) {
      keys.add(DAY + d);
    }
    for (String y : s.years()) {
      keys.add(YEAR + y);
    }
    return keys;
  }

  /**
   * Vectors of one article. {@code df} answers the document frequency of a key from {@link #dfKeys} (0 when
   * unknown); {@code docs} is the corpus size.
   */
  public static EventVector vector(EventSignals s, ToLongFunction<String> df, long docs, EventParams p) {
    Map<String, Double> terms = new HashMap<>();
    s.terms().forEach((t, c) -> terms.put(t, (1 + Math.log(c)) * idf(df.applyAsLong(t), docs)));
    SparseVector termVector = SparseVector.normalised(terms).top(MAX_TERMS);

    Map<String, Double> ents = new HashMap<>();
    List<Named> named = new ArrayList<>();
    for (Entities.Entity e : s.entities()) {
      long f = df.applyAsLong(ENTITY + e.key());
      double w = (1 + Math.log(e.count())) * idf(f, docs);
      ents.put(ENTITY + e.key(), w);
      named.add(new Named(e.key(), e.display(), w, e.placeMentions()));
    }
    for (String d : s.days()) {
      ents.put(DAY + d, p.dayWeight() * idf(df.applyAsLong(DAY + d), docs));
    }
    for (String y : s.years()) {
      ents.put(YEAR + y, p.yearWeight() * idf(df.applyAsLong(YEAR + y), docs));
    }
    named.sort((a, b) -> {
      int c = Double.compare(b.weight(), a.weight());
      return c != 0 ? c : a.key().compareTo(b.key());
    });

    List<String> blockKeys = new ArrayList<>();
    for (Named n : named) {
      if (blockKeys.size() >= p.entityBlockKeys()) {
        break;
      }
      if (df.applyAsLong(ENTITY + n.key()) >= 2) {
        blockKeys.add(ENTITY + n.key());
      }
    }
    int termKeys = 0;
    for (int i : byWeight(termVector)) {
      if (termKeys >= p.termBlockKeys()) {
        break;
      }
      String t = termVector.keys()[i];
      if (df.applyAsLong(t) >= 2) {
        blockKeys.add(TERM + t);
        termKeys++;
      }
    }
    return new EventVector(s.id(), s.publishedAt(), s.dateInferred(), termVector, SparseVector.normalised(ents),
        blockKeys, named.subList(0, Math.min(8, named.size())).stream().toList(), places(s));
  }

  private static List<Integer> byWeight(SparseVector v) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      idx.add(i);
    }
    idx.sort((a, b) -> {
      int c = Double.compare(v.weights()[b], v.weights()[a]);
      return c != 0 ? c : v.keys()[a].compareTo(v.keys()[b]);
    });
    return idx;
  }

  /** Smoothed IDF; a key unknown to the corpus counts as seen once. */
  static double idf(long df, long docs) {
    return Math.log((1.0 + docs) / (1.0 + Math.max(1, df))) + 1.0;
  }
}
