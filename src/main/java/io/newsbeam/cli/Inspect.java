package io.newsbeam.cli;

import io.newsbeam.output.AvroTables;
import java.nio.file.Path;
import org.apache.avro.generic.GenericRecord;

/** Prints Avro files (or folders of them) as JSON lines: {@code Inspect PATH [event_id]}. */
public final class Inspect {
  private Inspect() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: Inspect PATH [EVENT_ID]   (PATH: an .avro file or a folder of them)");
      System.exit(2);
    }
    String event = args.length > 1 ? args[1] : null;
    for (GenericRecord r : AvroTables.readGeneric(Path.of(args[0]))) {
      if (event != null && r.getSchema().getField("event_id") != null && !event.equals(String.valueOf(r.get("event_id")))) {
        continue;
      }
      System.out.println(r);
    }
  }
}
