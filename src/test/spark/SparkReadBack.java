// Reads a newsbeam output folder with Apache Spark (local mode, spark-avro) and prints what Spark sees, one JSON
// object per line. Run as a single-file Java program on the Spark classpath only (see pom.xml beside it):
//   java <add-opens flags> -cp "$(cat target/spark-classpath.txt)" src/test/spark/SparkReadBack.java OUT [SPARK_DDL.sql]
// WarehouseReadBackTest runs it and checks the lines against _MANIFEST.json and the Avro files.
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

public class SparkReadBack {
  public static void main(String[] args) throws Exception {
    String out = Path.of(args[0]).toAbsolutePath().toString();
    SparkSession spark = SparkSession.builder()
        .appName("newsbeam-readback").master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    try {
      for (String table : List.of("articles", "duplicates", "events", "rejects")) {
        Path dir = Path.of(out, table);
        if (!Files.isDirectory(dir)) {
          System.out.println("{\"table\":\"" + table + "\",\"mode\":\"path\",\"missing\":true}");
          continue;
        }
        // Partition discovery: basePath makes event=<id> folders a column named "event".
        Dataset<Row> df = spark.read().format("avro").option("basePath", dir.toString()).load(dir.toString());
        System.out.println(describe(table, "path", df));
      }
      if (args.length > 1) {
        for (String statement : Files.readString(Path.of(args[1])).split(";\\s*\\n")) {
          String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
          if (!sql.isEmpty()) {
            spark.sql(sql);
          }
        }
        for (String table : List.of("articles", "duplicates", "events", "rejects")) {
          System.out.println(describe(table, "ddl", spark.table("newsbeam." + table)));
        }
      }
    } finally {
      spark.stop();
    }
  }

  static String describe(String table, String mode, Dataset<Row> df) {
    Map<String, String> columns = new TreeMap<>();
    for (StructField f : df.schema().fields()) {
      columns.put(f.name(), f.dataType().simpleString());
    }
    StringBuilder sb = new StringBuilder("{\"table\":").append(q(table)).append(",\"mode\":").append(q(mode));
    sb.append(",\"rows\":").append(df.count());
    sb.append(",\"columns\":{");
    List<String> cols = new ArrayList<>();
    columns.forEach((k, v) -> cols.add(q(k) + ":" + q(v)));
    sb.append(String.join(",", cols)).append('}');
    if (columns.containsKey("event")) {
      sb.append(",\"partitions\":").append(df.select("event").distinct().count());
      if (columns.containsKey("event_id")) {
        sb.append(",\"event_differs_from_event_id\":").append(df.filter("event <> event_id").count());
      }
    }
    String tsColumn = columns.containsKey("published_at") ? "published_at"
        : columns.containsKey("first_published") ? "first_published" : null;
    String idColumn = columns.containsKey("article_id") ? "article_id" : columns.containsKey("event_id") ? "event_id" : null;
    if (tsColumn != null && idColumn != null) {
      List<String> values = new ArrayList<>();
      for (Row r : df.select(idColumn, tsColumn).collectAsList()) {
        Object ts = r.get(1);
        String iso = ts == null ? "null" : q(((Timestamp) ts).toInstant().toString());
        values.add(q(r.getString(0)) + ":" + iso);
      }
      java.util.Collections.sort(values);
      sb.append(",\"timestamps\":{").append(String.join(",", values)).append('}');
    }
    return sb.append('}').toString();
  }

  static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
