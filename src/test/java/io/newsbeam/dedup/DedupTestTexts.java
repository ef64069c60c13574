package io.newsbeam.dedup;

import io.newsbeam.testing.Paths;
import io.newsbeam.testing.Syndication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The seed articles of sample-input as test texts. */
final class DedupTestTexts {
  private DedupTestTexts() {}

  static String seed(String prefix) {
    try (Stream<Path> s = Files.list(Paths.sampleInput())) {
      Path p = s.filter(f -> f.getFileName().toString().startsWith(prefix + "_")).findFirst().orElseThrow();
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> paragraphs(String prefix) {
    return Syndication.paragraphs(seed(prefix));
  }

  /** Features of a text whose first line is its title. */
  static DocFeatures features(String id, String text) {
    List<String> p = Syndication.paragraphs(text);
    return DocFeatures.of(id, p.get(0), String.join("\n\n", p.subList(1, p.size())), null);
  }
}
