package io.newsbeam.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads labels and writes predictions as JSON lines (the format of ../shared/dev-data and ../shared/tools). */
public final class Jsonl {
  private Jsonl() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public static List<JsonNode> read(Path file) {
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return rows;
  }

  public static void write(Path file, List<? extends Map<String, ?>> rows) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map<String, ?> row : rows) {
        w.write(JSON.writeValueAsString(row));
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
