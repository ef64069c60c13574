package io.newsbeam.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.output.AvroTables;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.Reject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run's output folder read back in a runner-independent form: every record of every table as its Avro JSON,
 * sorted by key, so two runs can be compared record by record (ids, event ids, duplicate links, bodies, rejects).
 */
public final class RunOutput {
  public final Path dir;
  public final List<Article> articles;
  public final List<Article> duplicates;
  public final List<Event> events;
  public final List<Reject> rejects;
  public final JsonNode manifest;

  private RunOutput(Path dir) {
    this.dir = dir;
    this.articles = sorted(AvroTables.read(dir.resolve("articles"), Article.class), Article::getArticleId);
    this.duplicates = sorted(AvroTables.read(dir.resolve("duplicates"), Article.class), Article::getArticleId);
    this.events = sorted(AvroTables.read(dir.resolve("events"), Event.class), Event::getEventId);
    this.rejects = sorted(AvroTables.read(dir.resolve("rejects"), Reject.class), Reject::getSourceUri);
    try {
      this.manifest = new ObjectMapper().readTree(dir.resolve("_MANIFEST.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("no readable _MANIFEST.json in " + dir, e);
    }
  }

  public static RunOutput read(Path dir) {
    return new RunOutput(dir);
  }

  private static <T> List<T> sorted(List<T> records, java.util.function.Function<T, String> key) {
    List<T> out = new ArrayList<>(records);
    out.sort(Comparator.comparing(key));
    return out;
  }

  public boolean succeeded() {
    return Files.exists(dir.resolve("_SUCCESS"));
  }

  /** input_documents = articles + duplicates + rejects, in the manifest and in the records on disk. */
  public boolean balanced() {
    long in = manifest.get("input_documents").asLong();
    JsonNode t = manifest.get("tables");
    return manifest.get("balanced").asBoolean()
        && in == t.get("articles").asLong() + t.get("duplicates").asLong() + t.get("rejects").asLong()
        && t.get("articles").asLong() == articles.size()
        && t.get("duplicates").asLong() == duplicates.size()
        && t.get("events").asLong() == events.size()
        && t.get("rejects").asLong() == rejects.size();
  }

  /** Every record, one JSON line each, tables in a fixed order: equal lists mean equal outputs. */
  public List<String> recordLines() {
    List<String> lines = new ArrayList<>();
    articles.forEach(a -> lines.add("article " + a));
    duplicates.forEach(a -> lines.add("duplicate " + a));
    events.forEach(e -> lines.add("event " + e));
    rejects.forEach(r -> lines.add("reject " + r));
    return lines;
  }

  /** The partition folders of the articles and duplicates tables (event=<id>), sorted. */
  public List<String> partitions() {
    List<String> out = new ArrayList<>();
    for (String table : List.of("articles", "duplicates")) {
      Path t = dir.resolve(table);
      if (!Files.isDirectory(t)) {
        continue;
      }
      try (Stream<Path> s = Files.list(t)) {
        s.filter(Files::isDirectory).map(p -> table + "/" + p.getFileName()).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
