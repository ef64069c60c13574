package io.newsbeam.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations tests share: the project folder, sample-input and ../shared. */
public final class Paths {
  private Paths() {}

  public static Path project() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("pom.xml"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("run the tests from inside the project");
    }
    return p;
  }

  public static Path sampleInput() {
    return project().resolve("sample-input");
  }

  /** ../shared beside the project (CI and developer machines have it). */
  public static Path shared() {
    return project().resolve("../shared").normalize();
  }
}
