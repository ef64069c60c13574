package io.newsbeam.output;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificDatumReader;

/** Reads an output table (a folder of .avro files, searched recursively) back, in file-name order. */
public final class AvroTables {
  private AvroTables() {}

  public static List<Path> files(Path dir) {
    if (!Files.exists(dir)) {
      return List.of();
    }
    if (Files.isRegularFile(dir)) {
      return List.of(dir);
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".avro") && !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every record of the table as the generated class {@code type}. */
  public static <T> List<T> read(Path dir, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Path f : files(dir)) {
      try (DataFileReader<T> reader = new DataFileReader<>(f.toFile(), new SpecificDatumReader<>(type))) {
        reader.forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f, e);
      }
    }
    return out;
  }

  /** Every record of the table, schema taken from each file. */
  public static List<GenericRecord> readGeneric(Path dir) {
    List<GenericRecord> out = new ArrayList<>();
    for (Path f : files(dir)) {
      File file = f.toFile();
      try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file, new GenericDatumReader<>())) {
        reader.forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f, e);
      }
    }
    return out;
  }
}
