package io.newsbeam.cli;

import io.newsbeam.report.RunReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Reads an output folder's tables back on any Beam filesystem (local, gs://, …), files in name order. */
final class OutputTables {
  private OutputTables() {}

  static final List<String> TABLES = List.of("articles", "duplicates", "events", "rejects", "quotes");

  /** The .avro files under {@code dir} (a table folder, searched recursively) or {@code dir} itself. */
  static List<ResourceId> files(String dir) throws IOException {
    String base = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    String spec = base.endsWith(".avro") ? base : base + "/**.avro";
    MatchResult match = FileSystems.match(spec, EmptyMatchTreatment.ALLOW);
    List<ResourceId> out = new ArrayList<>();
    if (match.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata m : match.metadata()) {
        String name = m.resourceId().getFilename();
        if (name != null && !name.startsWith(".")) {
          out.add(m.resourceId());
        }
      }
    }
    out.sort(Comparator.comparing(ResourceId::toString));
    return out;
  }

  static List<GenericRecord> read(String dir) throws IOException {
    List<GenericRecord> records = new ArrayList<>();
    for (ResourceId f : files(dir)) {
      try (InputStream in = Channels.newInputStream(FileSystems.open(f));
          DataFileStream<GenericRecord> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
        stream.forEach(records::add);
      }
    }
    return records;
  }

  /** The tables of an output folder; quotes is null when the output has no quotes table. */
  static RunReport.Tables readAll(String output) throws IOException {
    String base = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
    List<GenericRecord> quotes = files(base + "/quotes").isEmpty() ? null : read(base + "/quotes");
    return new RunReport.Tables(
        read(base + "/articles"), read(base + "/duplicates"), read(base + "/events"), read(base + "/rejects"), quotes);
  }
}
