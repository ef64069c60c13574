package io.newsbeam.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.newsbeam.testing.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.Test;

/**
 * Schema evolution gate: every schema in {@code schemas/} must read data written with each released version in
 * {@code schemas/history/NAME.vN.avsc}, and each released version must read data written with the current
 * schema (Avro's SchemaCompatibility, both directions). Releasing a schema = copying it to the next vN.
 */
public class SchemaHistoryTest {

  static Schema parse(Path file) throws IOException {
    return new Schema.Parser().parse(file.toFile());
  }

  static List<Path> history(String name) throws IOException {
    try (Stream<Path> s = Files.list(Paths.project().resolve("schemas/history"))) {
      return s.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(name) + "\\.v\\d+\\.avsc"))
          .sorted()
          .toList();
    }
  }

  /** Problems between {@code current} and {@code old}, in words; empty when both directions work. */
  static List<String> problems(Schema current, Schema old, String label) {
    List<String> out = new ArrayList<>();
    var newReadsOld = SchemaCompatibility.checkReaderWriterCompatibility(current, old);
    if (newReadsOld.getType() != SchemaCompatibilityType.COMPATIBLE) {
      out.add("the current schema cannot read data written with " + label + ": "
          + newReadsOld.getResult().getIncompatibilities());
    }
    var oldReadsNew = SchemaCompatibility.checkReaderWriterCompatibility(old, current);
    if (oldReadsNew.getType() != SchemaCompatibilityType.COMPATIBLE) {
      out.add("readers of " + label + " cannot read data written with the current schema: "
          + oldReadsNew.getResult().getIncompatibilities());
    }
    return out;
  }

  @Test
  public void everySchemaIsCompatibleBothWaysWithEveryReleasedVersion() throws Exception {
    List<Path> current;
    try (Stream<Path> s = Files.list(Paths.project().resolve("schemas"))) {
      current = s.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
    }
    assertThat(current, not(empty()));
    List<String> problems = new ArrayList<>();
    for (Path file : current) {
      String name = file.getFileName().toString().replaceFirst("\\.avsc$", "");
      List<Path> released = history(name);
      if (released.isEmpty()) {
        problems.add(name + ": no released version in schemas/history/ (copy it to schemas/history/" + name
            + ".v1.avsc)");
      }
      Schema now = parse(file);
      for (Path old : released) {
        for (String p : problems(now, parse(old), "schemas/history/" + old.getFileName())) {
          problems.add(name + ": " + p + " (give new fields a default; never remove or retype a field)");
        }
      }
    }
    assertEquals(String.join("\n", problems), List.of(), problems);
  }

  @Test
  public void theCheckCatchesBreakingChangesInBothDirections() {
    Schema v1 = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    Schema addedWithDefault = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
    Schema addedRequired = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"b\",\"type\":\"string\"}]}");
    Schema removedRequired = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"c\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
    Schema retyped = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"long\"}]}");
    assertEquals(List.of(), problems(addedWithDefault, v1, "v1"));
    assertTrue(problems(addedRequired, v1, "v1").get(0).startsWith("the current schema cannot read"));
    assertTrue(problems(removedRequired, v1, "v1").stream().anyMatch(p -> p.startsWith("readers of v1")));
    assertEquals(2, problems(retyped, v1, "v1").size());
  }
}
