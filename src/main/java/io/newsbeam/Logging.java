package io.newsbeam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;

/** Applies newsbeam's default java.util.logging configuration unless the user supplied one. */
public final class Logging {
  private Logging() {}

  public static void configureDefaults() {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return;
    }
    try (InputStream in = Logging.class.getResourceAsStream("/newsbeam-logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled logging configuration", e);
    }
  }
}
