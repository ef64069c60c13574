package io.newsbeam.bench;

import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Profiling aid: parses the dev pages in a loop on one thread for a number of seconds and prints pages/s, so a
 * JFR recording ({@code -XX:StartFlightRecording}) sees only the extractor; also pages per CPU second of the
 * whole JVM, a per-core figure that holds on a loaded machine. Args: newsbeam|boilerpipe[+lines] SECONDS [DIR]
 * (+lines: also the line classifier, as StripBoilerplate cleans a draft).
 */
public final class ExtractionLoop {
  public static void main(String[] args) throws Exception {
    boolean lines = args[0].endsWith("+lines");
    ExtractorKind kind = ExtractorKind.parse(args[0].replace("+lines", ""));
    io.newsbeam.boilerplate.LineClassifier classifier = new io.newsbeam.boilerplate.LineClassifier();
    double seconds = Double.parseDouble(args[1]);
    Path dir = args.length > 2 ? Path.of(args[2]) : io.newsbeam.testing.Paths.shared().resolve("dev-data/extraction_html/html");
    List<byte[]> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        pages.add(Files.readAllBytes(f));
      }
    }
    DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.DEFAULTS.inProcess(), kind);
    for (int round = 0; round < 2; round++) {
      long end = System.nanoTime() + (long) (seconds * 1e9 / (round == 0 ? 3 : 1));
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      int n = 0;
      while (System.nanoTime() < end) {
        try {
          DocumentExtractor.Parsed parsed = extractor.parse("file:///page.html", pages.get(n % pages.size()));
          if (lines) {
            io.newsbeam.transforms.StripBoilerplate.clean(
                io.newsbeam.transforms.ExtractContent.draft("id", "file:///page.html", 0, parsed), classifier);
          }
        } catch (RejectedException e) {
          // counted like a page
        }
        n++;
      }
      double cpu = (processCpuNanos() - cpuStart) / 1e9;
      System.out.printf("%s %s: %d pages, %.1f pages/s wall, %.1f pages per CPU second (all JVM threads)%n",
          round == 0 ? "warmup" : "measure", kind, n, n / ((System.nanoTime() - start) / 1e9), n / cpu);
    }
    System.exit(0);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
