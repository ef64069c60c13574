package io.newsbeam.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.newsbeam.output.AvroTables;
import io.newsbeam.testing.TinyOutput;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class RunReportTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  private static RunReport.Tables tables;

  @BeforeClass
  public static void writeOutput() throws Exception {
    Path out = TinyOutput.write(tmp.getRoot().toPath().resolve("out"));
    tables = new RunReport.Tables(
        AvroTables.readGeneric(out.resolve("articles")), AvroTables.readGeneric(out.resolve("duplicates")),
        AvroTables.readGeneric(out.resolve("events")), AvroTables.readGeneric(out.resolve("rejects")), null);
  }

  @SuppressWarnings("unchecked")
  private static <T> T get(Map<String, Object> m, String... path) {
    Object o = m;
    for (String p : path) {
      o = ((Map<String, Object>) o).get(p);
    }
    return (T) o;
  }

  @Test
  public void countsEventsBySizeAndDate() {
    Map<String, Object> r = RunReport.build(tables, List.of(), null);
    assertEquals(4, (int) get(r, "totals", "articles"));
    assertEquals(9, (int) get(r, "totals", "input_documents"));
    List<Map<String, Object>> hist = get(r, "events_by_size", "histogram");
    assertEquals(List.of(Map.of("articles", 1, "events", 1), Map.of("articles", 3, "events", 1)), hist);
    List<Map<String, Object>> largest = get(r, "events_by_size", "largest");
    assertEquals(TinyOutput.EVENT_A, largest.get(0).get("event_id"));
    assertEquals("2024-05-14", largest.get(0).get("first_published"));
    List<Map<String, Object>> byDate = get(r, "events_by_date");
    assertEquals(2, byDate.size());
    assertEquals(Map.of("date", "2024-05-14", "events", 1, "articles", 3), byDate.get(0));
    assertEquals("undated", byDate.get(1).get("date"));
  }

  @Test
  public void listsDuplicateClustersWithTheirSources() {
    Map<String, Object> r = RunReport.build(tables, List.of(), null);
    assertEquals(1, (int) get(r, "duplicate_clusters", "clusters"));
    List<Map<String, Object>> largest = get(r, "duplicate_clusters", "largest");
    assertEquals(3, largest.get(0).get("size"));
    List<Map<String, Object>> sources = (List<Map<String, Object>>) largest.get(0).get("sources");
    assertEquals(List.of("ledger.example", "mirror.example", "wire.example"),
        sources.stream().map(s -> s.get("site")).toList());
    assertEquals(List.of("canonical", "exact", "minhash"), sources.stream().map(s -> s.get("method")).toList());
    assertEquals(0.91, (Double) sources.get(2).get("similarity"), 1e-9);
  }

  @Test
  public void rejectsByReasonMostFirst() {
    List<Map<String, Object>> rejects = get(RunReport.build(tables, List.of(), null), "rejects_by_reason");
    assertEquals("parse_error", rejects.get(0).get("reason"));
    assertEquals(2, rejects.get(0).get("count"));
    assertEquals(Map.of("extract", 2), rejects.get(0).get("stages"));
    assertEquals("unsupported_type", rejects.get(1).get("reason"));
  }

  @Test
  public void quoteClustersFromArticlesWhenThereIsNoQuotesTable() {
    Map<String, Object> q = get(RunReport.build(tables, List.of(), null), "quote_clusters");
    assertTrue((Boolean) q.get("available"));
    assertEquals("article quotes", q.get("source"));
    List<Map<String, Object>> largest = (List<Map<String, Object>>) q.get("largest");
    assertEquals("q1", largest.get(0).get("id"));
    assertEquals(2, largest.get(0).get("size"));
    assertEquals("Mayor Ruiz", largest.get(0).get("speaker"));
  }

  @Test
  public void quoteClustersAbsentSaysSo() {
    RunReport.Tables none = new RunReport.Tables(List.of(), List.of(), List.of(), List.of(), null);
    Map<String, Object> q = get(RunReport.build(none, List.of(), null), "quote_clusters");
    assertFalse((Boolean) q.get("available"));
    assertThat((String) q.get("source"), containsString("no quotes table"));
    assertNull(get(RunReport.build(none, List.of(), null), "totals", "quote_clusters"));
  }

  @Test
  public void quoteClustersFromAQuotesTableCountMembers() {
    org.apache.avro.Schema s = new org.apache.avro.Schema.Parser().parse("""
        {"type":"record","name":"QuoteCluster","fields":[
          {"name":"quote_cluster_id","type":"string"},{"name":"text","type":"string"},
          {"name":"speaker","type":["null","string"]},{"name":"article_ids","type":{"type":"array","items":"string"}}]}""");
    GenericRecord c = new org.apache.avro.generic.GenericRecordBuilder(s)
        .set("quote_cluster_id", "qc1").set("text", "x").set("speaker", null).set("article_ids", List.of("a", "b", "c"))
        .build();
    RunReport.Tables withQuotes = new RunReport.Tables(List.of(), List.of(), List.of(), List.of(), List.<GenericRecord>of(c));
    Map<String, Object> q = get(RunReport.build(withQuotes, List.of(), null), "quote_clusters");
    assertEquals("quotes table", q.get("source"));
    assertEquals(3, ((List<Map<String, Object>>) q.get("largest")).get(0).get("size"));
  }

  @Test
  public void stageTimingsAndDeterministicOrder() {
    List<RunReport.StageTiming> st = List.of(new RunReport.StageTiming("read", 0, 1000, 11));
    Map<String, Object> a = RunReport.build(tables, st, 5000L);
    Map<String, Object> b = RunReport.build(tables, st, 5000L);
    assertEquals(a.toString(), b.toString());
    assertEquals(5000L, (long) get(a, "stage_timings", "wall_millis"));
    assertEquals(1, ((List<?>) get(a, "stage_timings", "stages")).size());
  }

  @Test
  public void htmlIsSelfContainedAndEmbedsTheNumbersSafely() {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("options", Map.of("input", "</script><script>alert(1)</script>"));
    manifest.put("report", RunReport.build(tables, List.of(), null));
    String html = ReportHtml.render(manifest);
    assertThat(html, not(containsString("</script><script>alert(1)")));
    assertThat(html, containsString("<\\/script>"));
    assertThat(html, not(containsString("/*REPORT_DATA*/null")));
    assertThat("no external resources", html, not(containsString("<link")));
    assertThat(html, not(containsString(" src=")));
    assertThat(html, not(containsString("https://")));
    assertThat(html.replace("http://www.w3.org/2000/svg", ""), not(containsString("http://")));
  }
}
