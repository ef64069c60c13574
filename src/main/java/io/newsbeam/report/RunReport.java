package io.newsbeam.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;

/**
 * The numbers of a run's report, computed from the tables read back: events by size and by date, duplicate
 * clusters by size with their sources, quote clusters (when the output has them), rejects by reason, and stage
 * timings. Works on generic records so it reads any output whose schema has the fields it names. Every map and
 * list is in a stable order, so the same output gives the same report.
 */
public final class RunReport {
  private RunReport() {}

  /** How many events / clusters are listed one by one (the histograms always count all). */
  public static final int TOP = 25;

  /** The tables of an output folder, read back. {@code quotes} is null when the output has no quotes table. */
  public record Tables(
      List<GenericRecord> articles,
      List<GenericRecord> duplicates,
      List<GenericRecord> events,
      List<GenericRecord> rejects,
      List<GenericRecord> quotes) {}

  /** One stage's activity window in the run: first and last time its counters moved, ms since the start. */
  public record StageTiming(String stage, long startMillis, long endMillis, long count) {}

  /** Builds the report section (plain maps, lists, strings and numbers: ready for JSON). */
  public static Map<String, Object> build(Tables t, List<StageTiming> stages, Long wallMillis) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("totals", totals(t));
    r.put("events_by_size", eventsBySize(t.events()));
    r.put("events_by_date", eventsByDate(t.events()));
    r.put("duplicate_clusters", duplicateClusters(t.articles()));
    r.put("quote_clusters", quoteClusters(t));
    r.put("rejects_by_reason", rejectsByReason(t.rejects()));
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("wall_millis", wallMillis);
    List<Map<String, Object>> st = new ArrayList<>();
    for (StageTiming s : stages) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stage", s.stage());
      m.put("start_millis", s.startMillis());
      m.put("end_millis", s.endMillis());
      m.put("count", s.count());
      st.add(m);
    }
    timing.put("stages", st);
    timing.put("note", stages.isEmpty()
        ? "no timings: the report was made from the output alone (newsbeam report), not by newsbeam run"
        : "activity window of each stage: first to last change of its counters, sampled by the launcher");
    r.put("stage_timings", timing);
    return r;
  }

  static Map<String, Object> totals(Tables t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("articles", t.articles().size());
    m.put("duplicates", t.duplicates().size());
    m.put("events", t.events().size());
    m.put("rejects", t.rejects().size());
    m.put("quote_clusters", t.quotes() == null ? null : t.quotes().size());
    m.put("input_documents", t.articles().size() + t.duplicates().size() + t.rejects().size());
    return m;
  }

  /** Histogram of event sizes (articles per event) and the largest events. */
  static Map<String, Object> eventsBySize(List<GenericRecord> events) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<Integer, Integer> histogram = new TreeMap<>();
    List<GenericRecord> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingInt((GenericRecord e) -> -intOf(e, "article_count"))
        .thenComparing(e -> str(e, "event_id")));
    for (GenericRecord e : events) {
      histogram.merge(intOf(e, "article_count"), 1, Integer::sum);
    }
    m.put("histogram", keyed(histogram, "articles", "events"));
    List<Map<String, Object>> top = new ArrayList<>();
    for (GenericRecord e : sorted.subList(0, Math.min(TOP, sorted.size()))) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("event_id", str(e, "event_id"));
      x.put("label", str(e, "label"));
      x.put("articles", intOf(e, "article_count"));
      x.put("first_published", day(e.get("first_published")));
      top.add(x);
    }
    m.put("largest", top);
    return m;
  }

  /** Events and articles per day of first publication ("undated" last). */
  static List<Map<String, Object>> eventsByDate(List<GenericRecord> events) {
    Map<String, int[]> perDay = new TreeMap<>();
    for (GenericRecord e : events) {
      String d = day(e.get("first_published"));
      int[] c = perDay.computeIfAbsent(d == null ? "~undated" : d, k -> new int[2]);
      c[0]++;
      c[1] += intOf(e, "article_count");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    perDay.forEach((d, c) -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("date", d.equals("~undated") ? "undated" : d);
      x.put("events", c[0]);
      x.put("articles", c[1]);
      out.add(x);
    });
    return out;
  }

  /** Groups of copies: histogram of cluster sizes (canonical + copies) and the largest clusters with sources. */
  static Map<String, Object> duplicateClusters(List<GenericRecord> articles) {
    Map<Integer, Integer> histogram = new TreeMap<>();
    List<Map<String, Object>> clusters = new ArrayList<>();
    for (GenericRecord a : articles) {
      List<?> copies = listOf(a, "copies");
      if (copies.isEmpty()) {
        continue;
      }
      // copies lists at most the first 1,000 (CopyFolding.MAX_LISTED_COPIES); copy_count counts them all
      int size = Math.max(copies.size(), intOf(a, "copy_count")) + 1;
      histogram.merge(size, 1, Integer::sum);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("canonical_article_id", str(a, "article_id"));
      c.put("title", str(a, "title"));
      c.put("size", size);
      List<Map<String, Object>> sources = new ArrayList<>();
      sources.add(source(str(a, "site"), str(a, "source_uri"), "canonical", 1.0));
      for (Object o : copies) {
        GenericRecord copy = (GenericRecord) o;
        Object sim = copy.get("similarity");
        sources.add(source(str(copy, "site"), str(copy, "source_uri"), str(copy, "method"),
            sim instanceof Number n ? n.doubleValue() : null));
      }
      c.put("sources", sources);
      clusters.add(c);
    }
    clusters.sort(Comparator.comparingInt((Map<String, Object> c) -> -(Integer) c.get("size"))
        .thenComparing(c -> (String) c.get("canonical_article_id")));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clusters", clusters.size());
    m.put("histogram", keyed(histogram, "size", "clusters"));
    m.put("largest", clusters.subList(0, Math.min(TOP, clusters.size())));
    return m;
  }

  /**
   * Quote clusters: from the quotes table when the output has one (its records' first array field counts the
   * members), else from the quote_cluster_id of the articles' quotes. {@code available=false} when neither.
   */
  static Map<String, Object> quoteClusters(Tables t) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> clusters = new ArrayList<>();
    String source;
    if (t.quotes() != null) {
      source = "quotes table";
      for (GenericRecord q : t.quotes()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", firstString(q, "quote_cluster_id", "cluster_id", "id"));
        c.put("text", firstString(q, "text", "canonical_text", "representative_text", "quote"));
        c.put("speaker", firstString(q, "speaker"));
        c.put("size", firstArraySize(q));
        clusters.add(c);
      }
    } else {
      source = "article quotes";
      Map<String, Map<String, Object>> byId = new TreeMap<>();
      for (List<GenericRecord> table : List.of(t.articles(), t.duplicates())) {
        for (GenericRecord a : table) {
          for (Object o : listOf(a, "quotes")) {
            GenericRecord q = (GenericRecord) o;
            String id = str(q, "quote_cluster_id");
            if (id == null) {
              continue;
            }
            Map<String, Object> c = byId.computeIfAbsent(id, k -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("id", k);
              x.put("text", str(q, "text"));
              x.put("speaker", str(q, "speaker"));
              x.put("size", 0);
              return x;
            });
            c.put("size", (Integer) c.get("size") + 1);
          }
        }
      }
      clusters.addAll(byId.values());
    }
    clusters.sort(Comparator.comparingInt((Map<String, Object> c) -> -(Integer) c.get("size"))
        .thenComparing(c -> String.valueOf(c.get("id"))));
    Map<Integer, Integer> histogram = new TreeMap<>();
    clusters.forEach(c -> histogram.merge((Integer) c.get("size"), 1, Integer::sum));
    m.put("available", t.quotes() != null || !clusters.isEmpty());
    m.put("source", clusters.isEmpty() && t.quotes() == null ? "none: no quotes table and no clustered quotes" : source);
    m.put("clusters", clusters.size());
    m.put("histogram", keyed(histogram, "size", "clusters"));
    m.put("largest", clusters.subList(0, Math.min(TOP, clusters.size())));
    return m;
  }

  static List<Map<String, Object>> rejectsByReason(List<GenericRecord> rejects) {
    Map<String, Map<String, Integer>> byReason = new TreeMap<>();
    for (GenericRecord r : rejects) {
      byReason.computeIfAbsent(str(r, "reason"), k -> new TreeMap<>()).merge(str(r, "stage"), 1, Integer::sum);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    byReason.forEach((reason, stages) -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("reason", reason);
      x.put("count", stages.values().stream().mapToInt(Integer::intValue).sum());
      x.put("stages", stages);
      out.add(x);
    });
    out.sort(Comparator.comparingInt((Map<String, Object> x) -> -(Integer) x.get("count"))
        .thenComparing(x -> (String) x.get("reason")));
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, Object> source(String site, String uri, String method, Double similarity) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("site", site);
    s.put("source_uri", uri);
    s.put("method", method);
    s.put("similarity", similarity);
    return s;
  }

  private static List<Map<String, Object>> keyed(Map<Integer, Integer> histogram, String key, String value) {
    List<Map<String, Object>> out = new ArrayList<>();
    histogram.forEach((k, v) -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put(key, k);
      x.put(value, v);
      out.add(x);
    });
    return out;
  }

  /** UTC day (yyyy-MM-dd) of a timestamp-millis value (Long or Instant), or null. */
  static String day(Object ts) {
    Long millis = ts instanceof Long l ? l : ts instanceof Instant i ? i.toEpochMilli() : null;
    return millis == null ? null : Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  static String str(GenericRecord r, String field) {
    if (r.getSchema().getField(field) == null) {
      return null;
    }
    Object v = r.get(field);
    return v == null ? null : v.toString();
  }

  private static int intOf(GenericRecord r, String field) {
    Object v = r.getSchema().getField(field) == null ? null : r.get(field);
    return v instanceof Number n ? n.intValue() : 0;
  }

  private static List<?> listOf(GenericRecord r, String field) {
    Object v = r.getSchema().getField(field) == null ? null : r.get(field);
    return v instanceof Collection<?> c ? new ArrayList<>(c) : List.of();
  }

  private static String firstString(GenericRecord r, String... fields) {
    for (String f : fields) {
      String v = str(r, f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static int firstArraySize(GenericRecord r) {
    for (org.apache.avro.Schema.Field f : r.getSchema().getFields()) {
      if (r.get(f.pos()) instanceof Collection<?> c) {
        return c.size();
      }
    }
    return 1;
  }
}
