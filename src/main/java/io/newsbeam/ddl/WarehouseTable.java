package io.newsbeam.ddl;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * One output table as a warehouse sees it: its folder under the output, its Avro schema and whether its files
 * sit in Hive-style {@code event=<event_id>/} partitions.
 */
public record WarehouseTable(String name, Schema schema, boolean eventPartitioned) {

  /** Hive partition column that the {@code event=} folders turn into (equal to the records' event_id). */
  public static final String PARTITION_COLUMN = "event";

  /**
   * The tables of an output folder, from their schemas: articles and duplicates (Article, partitioned by event),
   * events (Event), rejects (Reject), and quotes (QuoteCluster) when that schema exists.
   */
  public static List<WarehouseTable> all(SchemaSource schemas) {
    List<WarehouseTable> tables = new ArrayList<>();
    Schema article = schemas.require("Article");
    tables.add(new WarehouseTable("articles", article, true));
    tables.add(new WarehouseTable("duplicates", article, true));
    tables.add(new WarehouseTable("events", schemas.require("Event"), false));
    tables.add(new WarehouseTable("rejects", schemas.require("Reject"), false));
    schemas.find("QuoteCluster").ifPresent(s -> tables.add(new WarehouseTable("quotes", s, false)));
    return List.copyOf(tables);
  }
}
