package io.newsbeam.ddl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Where the Avro schemas come from: the project's {@code schemas/} folder (the single source of the record
 * types), or, in a bundled jar without that folder, the classes generated from it.
 */
public final class SchemaSource {
  private final Path folder;

  private SchemaSource(Path folder) {
    this.folder = folder;
  }

  /** Schemas read from {@code folder/NAME.avsc}. */
  public static SchemaSource folder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          "schema folder " + folder + " does not exist: pass --schemas=DIR with the project's schemas/ folder");
    }
    return new SchemaSource(folder);
  }

  /** Schemas of the generated classes {@code io.newsbeam.schema.NAME}. */
  public static SchemaSource generatedClasses() {
    return new SchemaSource(null);
  }

  public Optional<Schema> find(String name) {
    if (folder != null) {
      Path file = folder.resolve(name + ".avsc");
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Schema.Parser().parse(file.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read schema " + file, e);
      }
    }
    try {
      Class<?> type = Class.forName("io.newsbeam.schema." + name);
      return Optional.of((Schema) type.getMethod("getClassSchema").invoke(null));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("generated class io.newsbeam.schema." + name + " has no schema", e);
    }
  }

  public Schema require(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "schema " + name + " not found in " + (folder != null ? folder : "the generated classes")));
  }
}
