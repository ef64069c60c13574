package io.newsbeam.bench;

import io.newsbeam.boilerplate.LineClassifier;
import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.transforms.ExtractContent;
import io.newsbeam.transforms.StripBoilerplate;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Profiling aid: parses the dev pages in a loop on one thread and prints pages/s (wall) and pages per CPU second of
 * the whole JVM, so a JFR recording ({@code -XX:StartFlightRecording}) sees only the extractor. With several
 * extractors it alternates them in slices of a few seconds, round after round, so that both see the same machine
 * load and their ratio holds on a busy machine.
 * Args: EXTRACTOR[,EXTRACTOR…] SECONDS_PER_SLICE ROUNDS [DIR], EXTRACTOR = newsbeam|boilerpipe, with "+lines"
 * to run the line classifier too (as StripBoilerplate cleans a draft).
 */
public final class ExtractionLoop {
  public static void main(String[] args) throws Exception {
    String[] names = args[0].split(",");
    double seconds = Double.parseDouble(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Path dir = args.length > 3 ? Path.of(args[3]) : io.newsbeam.testing.Paths.shared().resolve("dev-data/extraction_html/html");
    List<byte[]> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        pages.add(Files.readAllBytes(f));
      }
    }
    DocumentExtractor[] extractors = new DocumentExtractor[names.length];
    for (int i = 0; i < names.length; i++) {
      extractors[i] = new DocumentExtractor(ExtractionLimits.DEFAULTS.inProcess(), ExtractorKind.parse(names[i].replace("+lines", "")));
    }
    LineClassifier classifier = new LineClassifier();
    long[] done = new long[names.length];
    double[] wall = new double[names.length];
    double[] cpu = new double[names.length];
    // round 0 warms every extractor up and is not counted
    for (int round = 0; round <= rounds; round++) {
      for (int i = 0; i < names.length; i++) {
        boolean lines = names[i].endsWith("+lines");
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long end = start + (long) (seconds * 1e9 * (round == 0 ? 2 : 1));
        int n = 0;
        while (System.nanoTime() < end) {
          try {
            DocumentExtractor.Parsed parsed = extractors[i].parse("file:///page.html", pages.get(n % pages.size()));
            if (lines) {
              StripBoilerplate.clean(ExtractContent.draft("id", "file:///page.html", 0, parsed), classifier);
            }
          } catch (RejectedException e) {
            // counted like a page
          }
          n++;
        }
        double w = (System.nanoTime() - start) / 1e9;
        double c = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf("round %d %-16s %6.1f pages/s wall, %6.1f pages per CPU second%n", round, names[i], n / w, n / c);
        if (round > 0) {
          done[i] += n;
          wall[i] += w;
          cpu[i] += c;
        }
      }
    }
    for (int i = 0; i < names.length; i++) {
      System.out.printf("%-16s %d pages: %.1f pages/s wall, %.1f pages per CPU second (all JVM threads)%n",
          names[i], done[i], done[i] / wall[i], done[i] / cpu[i]);
    }
    System.exit(0);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
