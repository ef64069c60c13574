package io.newsbeam.ddl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Warehouse DDL derived from the Avro schemas, never written by hand: BigQuery schema JSON and {@code bq}
 * commands with Hive partitioning, Hive {@code CREATE EXTERNAL TABLE … STORED AS AVRO} and Spark SQL
 * {@code CREATE TABLE … USING avro}. The {@code event=<event_id>/} folders become the partition column
 * {@value WarehouseTable#PARTITION_COLUMN}: Hive-style discovery names a partition column after the folder key,
 * and Hive forbids a partition column that is also a data column (the records keep {@code event_id}).
 */
public final class WarehouseDdl {
  private WarehouseDdl() {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String PARTITION_DOC = "Hive partition key from the event=<event_id> folder; equals event_id.";

  // ---------------------------------------------------------------- BigQuery

  /** BigQuery schema JSON ({@code bq mk --table DATASET.TABLE FILE}) of a table; partitioned ones end with the key. */
  public static String bigQuerySchema(WarehouseTable table) {
    ArrayNode fields = JSON.createArrayNode();
    for (Schema.Field f : table.schema().getFields()) {
      fields.add(bigQueryField(f.name(), f.schema(), f.doc()));
    }
    if (table.eventPartitioned()) {
      ObjectNode key = fields.addObject();
      key.put("name", WarehouseTable.PARTITION_COLUMN);
      key.put("type", "STRING");
      key.put("mode", "NULLABLE");
      key.put("description", PARTITION_DOC);
    }
    try {
      return JSON.writeValueAsString(fields) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode bigQueryField(String name, Schema schema, String doc) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", name);
    String mode = "REQUIRED";
    Schema type = schema;
    if (nullable(schema)) {
      mode = "NULLABLE";
      type = nonNull(schema, name);
    }
    if (type.getType() == Schema.Type.ARRAY) {
      mode = "REPEATED";
      type = type.getElementType();
      if (nullable(type) || type.getType() == Schema.Type.ARRAY) {
        throw unsupported(name, schema, "BigQuery has no arrays of nullable values or of arrays");
      }
    }
    if (type.getType() == Schema.Type.MAP) {
      node.put("type", "RECORD");
      node.put("mode", "REPEATED");
      ArrayNode kv = node.putArray("fields");
      ObjectNode key = kv.addObject();
      key.put("name", "key");
      key.put("type", "STRING");
      key.put("mode", "REQUIRED");
      kv.add(bigQueryField("value", type.getValueType(), null));
    } else if (type.getType() == Schema.Type.RECORD) {
      node.put("type", "RECORD");
      node.put("mode", mode);
      ArrayNode sub = node.putArray("fields");
      for (Schema.Field f : type.getFields()) {
        sub.add(bigQueryField(f.name(), f.schema(), f.doc()));
      }
    } else {
      node.put("type", bigQueryScalar(name, type));
      node.put("mode", mode);
    }
    if (doc != null && !doc.isBlank()) {
      node.put("description", doc);
    }
    return node;
  }

  static String bigQueryScalar(String name, Schema type) {
    LogicalType logical = type.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros) {
      return "TIMESTAMP";
    }
    if (logical instanceof LogicalTypes.Date) {
      return "DATE";
    }
    if (logical instanceof LogicalTypes.TimeMillis || logical instanceof LogicalTypes.TimeMicros) {
      return "TIME";
    }
    if (logical instanceof LogicalTypes.Decimal d) {
      return d.getPrecision() <= 38 && d.getScale() <= 9 ? "NUMERIC" : "BIGNUMERIC";
    }
    return switch (type.getType()) {
      case STRING, ENUM -> "STRING";
      case INT, LONG -> "INTEGER";
      case FLOAT, DOUBLE -> "FLOAT";
      case BOOLEAN -> "BOOLEAN";
      case BYTES, FIXED -> "BYTES";
      default -> throw unsupported(name, type, "no BigQuery type for Avro " + type.getType());
    };
  }

  /**
   * Shell commands that create and load the table from Avro under {@code uriPrefix} (e.g. gs://bucket/out), and
   * an external table over the same files. Hive partitioning is CUSTOM with the key typed as STRING.
   */
  public static String bigQueryCommands(WarehouseTable table, String dataset, String uriPrefix) {
    String t = table.name();
    String base = stripSlash(uriPrefix) + "/" + t;
    String qualified = dataset + "." + t;
    String partitioning = table.eventPartitioned()
        ? " \\\n  --hive_partitioning_mode=CUSTOM --hive_partitioning_source_uri_prefix='" + base + "/{"
            + WarehouseTable.PARTITION_COLUMN + ":STRING}'"
        : "";
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(t).append(" (").append(table.schema().getFullName())
        .append(table.eventPartitioned() ? ", partitioned by " + WarehouseTable.PARTITION_COLUMN : "").append(")\n");
    sb.append("bq mk --table ").append(qualified).append(' ').append(t).append(".schema.json\n");
    sb.append("bq load --source_format=AVRO --use_avro_logical_types --replace").append(partitioning)
        .append(" \\\n  ").append(qualified).append(" '").append(base).append("/*'\n");
    sb.append("bq mkdef --source_format=AVRO --use_avro_logical_types").append(partitioning)
        .append(" \\\n  '").append(base).append("/*' > ").append(t).append(".def.json\n");
    sb.append("bq mk --table --external_table_definition=").append(t).append(".def.json ")
        .append(qualified).append("_ext\n");
    return sb.toString();
  }

  // ---------------------------------------------------------------- Hive / Spark SQL

  /** SQL dialect of the CREATE statements. */
  public enum Dialect {
    /** Hive (and Spark with Hive support): CREATE EXTERNAL TABLE … PARTITIONED BY (event STRING) STORED AS AVRO. */
    HIVE,
    /** Spark SQL data source table: CREATE TABLE … USING avro PARTITIONED BY (event) LOCATION. */
    SPARK
  }

  /** The CREATE statement (and partition repair for Hive) of a table whose files live under {@code location}. */
  public static String createTable(WarehouseTable table, Dialect dialect, String database, String location) {
    String qualified = (database == null || database.isBlank() ? "" : quote(database) + ".") + quote(table.name());
    String path = stripSlash(location) + "/" + table.name();
    List<String> columns = new ArrayList<>();
    for (Schema.Field f : table.schema().getFields()) {
      columns.add("  " + quote(f.name()) + " " + sqlType(f.name(), f.schema()) + comment(f.doc()));
    }
    if (dialect == Dialect.SPARK && table.eventPartitioned()) {
      columns.add("  " + quote(WarehouseTable.PARTITION_COLUMN) + " STRING" + comment(PARTITION_DOC));
    }
    StringBuilder sb = new StringBuilder();
    sb.append(dialect == Dialect.HIVE ? "CREATE EXTERNAL TABLE IF NOT EXISTS " : "CREATE TABLE IF NOT EXISTS ")
        .append(qualified).append(" (\n").append(String.join(",\n", columns)).append("\n)\n");
    if (dialect == Dialect.SPARK) {
      sb.append("USING avro\n");
    }
    if (table.schema().getDoc() != null) {
      sb.append("COMMENT ").append(literal(table.schema().getDoc())).append('\n');
    }
    if (table.eventPartitioned()) {
      sb.append(dialect == Dialect.HIVE
          ? "PARTITIONED BY (" + quote(WarehouseTable.PARTITION_COLUMN) + " STRING" + comment(PARTITION_DOC) + ")\n"
          : "PARTITIONED BY (" + quote(WarehouseTable.PARTITION_COLUMN) + ")\n");
    }
    if (dialect == Dialect.HIVE) {
      sb.append("STORED AS AVRO\n");
    }
    sb.append("LOCATION ").append(literal(path));
    if (dialect == Dialect.HIVE) {
      sb.append("\nTBLPROPERTIES ('avro.schema.literal'=").append(literal(table.schema().toString())).append(")");
    }
    sb.append(";\n");
    if (table.eventPartitioned()) {
      sb.append("MSCK REPAIR TABLE ").append(qualified).append(";\n"); // registers the event=… partitions
    }
    return sb.toString();
  }

  /** Hive / Spark SQL type of an Avro schema (nullability is implicit in SQL). */
  public static String sqlType(String name, Schema schema) {
    Schema type = nullable(schema) ? nonNull(schema, name) : schema;
    LogicalType logical = type.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros) {
      return "TIMESTAMP";
    }
    if (logical instanceof LogicalTypes.Date) {
      return "DATE";
    }
    if (logical instanceof LogicalTypes.Decimal d) {
      return "DECIMAL(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    return switch (type.getType()) {
      case STRING, ENUM -> "STRING";
      case INT -> "INT";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case BYTES, FIXED -> "BINARY";
      case ARRAY -> "ARRAY<" + sqlType(name, type.getElementType()) + ">";
      case MAP -> "MAP<STRING," + sqlType(name, type.getValueType()) + ">";
      case RECORD -> {
        List<String> parts = new ArrayList<>();
        for (Schema.Field f : type.getFields()) {
          parts.add(quote(f.name()) + ":" + sqlType(f.name(), f.schema()));
        }
        yield "STRUCT<" + String.join(",", parts) + ">";
      }
      default -> throw unsupported(name, type, "no SQL type for Avro " + type.getType());
    };
  }

  // ---------------------------------------------------------------- helpers

  static boolean nullable(Schema s) {
    return s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
  }

  static Schema nonNull(Schema union, String name) {
    List<Schema> rest = union.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
    if (rest.size() != 1) {
      throw unsupported(name, union, "only [\"null\", T] unions map to warehouse columns");
    }
    return rest.get(0);
  }

  private static IllegalArgumentException unsupported(String field, Schema s, String why) {
    return new IllegalArgumentException("field " + field + " (" + s + "): " + why + "; change the schema");
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  private static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String comment(String doc) {
    return doc == null || doc.isBlank() ? "" : " COMMENT " + literal(doc);
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
