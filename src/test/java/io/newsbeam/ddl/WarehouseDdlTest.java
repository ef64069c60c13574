package io.newsbeam.ddl;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.Reject;
import io.newsbeam.testing.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.junit.Test;

/** The generated DDL against the schemas: every field, types (timestamps, arrays, records), partitioning. */
public class WarehouseDdlTest {
  private static final SchemaSource SCHEMAS = SchemaSource.folder(Paths.project().resolve("schemas"));
  private static final List<WarehouseTable> TABLES = WarehouseTable.all(SCHEMAS);

  private static WarehouseTable table(String name) {
    return TABLES.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static JsonNode bq(WarehouseTable t) throws Exception {
    return new ObjectMapper().readTree(WarehouseDdl.bigQuerySchema(t));
  }

  private static Map<String, JsonNode> byName(JsonNode fields) {
    Map<String, JsonNode> m = new TreeMap<>();
    fields.forEach(f -> m.put(f.get("name").asText(), f));
    return m;
  }

  private static String fp(Schema s) {
    return io.newsbeam.output.Manifest.fingerprint(s);
  }

  @Test
  public void schemasFolderMatchesTheGeneratedClasses() {
    assertEquals(fp(Article.getClassSchema()), fp(SCHEMAS.require("Article")));
    assertEquals(fp(Event.getClassSchema()), fp(SCHEMAS.require("Event")));
    assertEquals(fp(Reject.getClassSchema()), fp(SCHEMAS.require("Reject")));
    assertEquals(SCHEMAS.find("QuoteCluster").isPresent(), TABLES.stream().anyMatch(t -> t.name().equals("quotes")));
  }

  @Test
  public void bigQuerySchemaHasEveryFieldWithItsTypeAndMode() throws Exception {
    for (WarehouseTable t : TABLES) {
      JsonNode fields = bq(t);
      assertFieldsMatch(t.name(), t.schema(), fields, t.eventPartitioned());
    }
  }

  /** Walks the Avro schema and the BigQuery JSON side by side, recursively. */
  private static void assertFieldsMatch(String where, Schema record, JsonNode fields, boolean partitionKey) {
    int expected = record.getFields().size() + (partitionKey ? 1 : 0);
    assertEquals(where + ": field count", expected, fields.size());
    for (int i = 0; i < record.getFields().size(); i++) {
      Schema.Field f = record.getFields().get(i);
      JsonNode col = fields.get(i);
      String at = where + "." + f.name();
      assertEquals(at, f.name(), col.get("name").asText());
      Schema s = f.schema();
      boolean nullable = WarehouseDdl.nullable(s);
      Schema type = nullable ? WarehouseDdl.nonNull(s, f.name()) : s;
      if (type.getType() == Schema.Type.ARRAY) {
        assertEquals(at, "REPEATED", col.get("mode").asText());
        type = type.getElementType();
      } else {
        assertEquals(at, nullable ? "NULLABLE" : "REQUIRED", col.get("mode").asText());
      }
      if (type.getType() == Schema.Type.RECORD) {
        assertEquals(at, "RECORD", col.get("type").asText());
        assertFieldsMatch(at, type, col.get("fields"), false);
      } else {
        assertEquals(at, WarehouseDdl.bigQueryScalar(f.name(), type), col.get("type").asText());
      }
      if (f.doc() != null) {
        assertEquals(at, f.doc(), col.get("description").asText());
      }
    }
    if (partitionKey) {
      JsonNode key = fields.get(fields.size() - 1);
      assertEquals("event", key.get("name").asText());
      assertEquals("STRING", key.get("type").asText());
    }
  }

  @Test
  public void bigQueryTypesOfTheKeyColumns() throws Exception {
    Map<String, JsonNode> articles = byName(bq(table("articles")));
    assertEquals("TIMESTAMP", articles.get("published_at").get("type").asText());
    assertEquals("NULLABLE", articles.get("published_at").get("mode").asText());
    assertEquals("STRING", articles.get("authors").get("type").asText());
    assertEquals("REPEATED", articles.get("authors").get("mode").asText());
    assertEquals("RECORD", articles.get("copies").get("type").asText());
    assertEquals("REPEATED", articles.get("copies").get("mode").asText());
    assertEquals("FLOAT", byName(articles.get("copies").get("fields")).get("similarity").get("type").asText());
    assertEquals("INTEGER", articles.get("word_count").get("type").asText());
    assertEquals("REQUIRED", articles.get("article_id").get("mode").asText());
    Map<String, JsonNode> events = byName(bq(table("events")));
    assertEquals("TIMESTAMP", events.get("first_published").get("type").asText());
    assertFalse("events are not partitioned", events.containsKey("event"));
  }

  @Test
  public void bqCommandsUseHivePartitioningOnlyForPartitionedTables() {
    String articles = WarehouseDdl.bigQueryCommands(table("articles"), "news", "gs://b/out/");
    assertThat(articles, containsString("bq load --source_format=AVRO --use_avro_logical_types"));
    assertThat(articles, containsString("--hive_partitioning_mode=CUSTOM"));
    assertThat(articles, containsString("--hive_partitioning_source_uri_prefix='gs://b/out/articles/{event:STRING}'"));
    assertThat(articles, containsString("news.articles 'gs://b/out/articles/*'"));
    assertThat(articles, containsString("bq mk --table --external_table_definition=articles.def.json news.articles_ext"));
    assertThat(articles, containsString("bq mk --table news.articles articles.schema.json"));
    String rejects = WarehouseDdl.bigQueryCommands(table("rejects"), "news", "gs://b/out");
    assertThat(rejects, not(containsString("hive_partitioning")));
    assertThat(rejects, containsString("news.rejects 'gs://b/out/rejects/*'"));
  }

  @Test
  public void hiveDdlHasEveryFieldTypedAndThePartitionColumn() {
    for (WarehouseTable t : TABLES) {
      String ddl = WarehouseDdl.createTable(t, WarehouseDdl.Dialect.HIVE, "news", "hdfs:///data/out");
      assertThat(ddl, containsString("CREATE EXTERNAL TABLE IF NOT EXISTS `news`.`" + t.name() + "` ("));
      for (Schema.Field f : t.schema().getFields()) {
        assertThat(t.name(), ddl, containsString("  `" + f.name() + "` " + WarehouseDdl.sqlType(f.name(), f.schema())));
      }
      assertThat(ddl, containsString("STORED AS AVRO"));
      assertThat(ddl, containsString("LOCATION 'hdfs:///data/out/" + t.name() + "'"));
      assertThat(ddl, containsString("'avro.schema.literal'="));
      if (t.eventPartitioned()) {
        assertThat(ddl, containsString("PARTITIONED BY (`event` STRING"));
        assertThat(ddl, containsString("MSCK REPAIR TABLE `news`.`" + t.name() + "`;"));
        assertThat("the partition column is not also a data column", ddl, not(containsString("  `event` ")));
      } else {
        assertThat(ddl, not(containsString("PARTITIONED BY")));
      }
    }
    String articles = WarehouseDdl.createTable(table("articles"), WarehouseDdl.Dialect.HIVE, "news", "/o");
    assertThat(articles, containsString("`published_at` TIMESTAMP"));
    assertThat(articles, containsString("`authors` ARRAY<STRING>"));
    assertThat(articles, containsString(
        "`copies` ARRAY<STRUCT<`article_id`:STRING,`source_uri`:STRING,`site`:STRING,`method`:STRING,`similarity`:DOUBLE>>"));
    assertThat(articles, containsString("`word_count` INT"));
    assertThat(articles, containsString("`size_bytes` BIGINT"));
    assertThat("quotes in docs are escaped", articles, containsString("input\\'s path"));
  }

  @Test
  public void sparkDdlDeclaresThePartitionColumnInTheColumnList() {
    String ddl = WarehouseDdl.createTable(table("articles"), WarehouseDdl.Dialect.SPARK, "", "/o/");
    assertThat(ddl, containsString("CREATE TABLE IF NOT EXISTS `articles` ("));
    assertThat(ddl, containsString("  `event` STRING"));
    assertThat(ddl, containsString("USING avro"));
    assertThat(ddl, containsString("PARTITIONED BY (`event`)"));
    assertThat(ddl, containsString("LOCATION '/o/articles'"));
    assertThat(ddl, not(containsString("STORED AS")));
  }

  @Test
  public void otherAvroTypesMapAndUnsupportedOnesFailClearly() {
    Schema s = new Schema.Parser().parse("""
        {"type":"record","name":"X","fields":[
          {"name":"m","type":{"type":"map","values":"long"}},
          {"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]}},
          {"name":"b","type":"bytes"},
          {"name":"d","type":{"type":"int","logicalType":"date"}},
          {"name":"n","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
          {"name":"f","type":"boolean"}]}""");
    WarehouseTable t = new WarehouseTable("x", s, false);
    String hive = WarehouseDdl.createTable(t, WarehouseDdl.Dialect.HIVE, "", "/o");
    assertThat(hive, containsString("`m` MAP<STRING,BIGINT>"));
    assertThat(hive, containsString("`e` STRING"));
    assertThat(hive, containsString("`b` BINARY"));
    assertThat(hive, containsString("`d` DATE"));
    assertThat(hive, containsString("`n` DECIMAL(10,2)"));
    assertThat(hive, containsString("`f` BOOLEAN"));
    String bq = WarehouseDdl.bigQuerySchema(t);
    assertThat(bq, containsString("\"DATE\""));
    assertThat(bq, containsString("\"NUMERIC\""));
    assertThat(bq, containsString("\"BYTES\""));

    Schema bad = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"Y\",\"fields\":[{\"name\":\"u\",\"type\":[\"null\",\"string\",\"long\"]}]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WarehouseDdl.bigQuerySchema(new WarehouseTable("y", bad, false)));
    assertThat(e.getMessage(), containsString("field u"));
    assertTrue(e.getMessage().contains("change the schema"));
  }
}
