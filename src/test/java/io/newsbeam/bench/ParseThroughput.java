package io.newsbeam.bench;

import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.extract.ParseIsolation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Extraction alone, without Beam: the first N files of a folder (sorted) through {@link DocumentExtractor} from T
 * threads, parsing in child JVMs ({@code process}, the pipeline's default) or in this JVM ({@code none}), in
 * rounds over the same files, so the first round shows the cold start (JIT warm-up of each JVM) and the later ones
 * the warm rate. Prints documents/s per round and this JVM's CPU seconds (child JVMs not included).
 *
 * <p>{@code pipelines/bench.sh parse DIR [N [THREADS [process|none [ROUNDS]]]]}
 */
public final class ParseThroughput {
  private ParseThroughput() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ParseThroughput DIR [N [THREADS [process|none [ROUNDS]]]]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    if (!Files.isDirectory(dir)) {
      System.err.println(dir + " is not a folder (make one with: pipelines/bench.sh generate 10000 DIR)");
      System.exit(2);
    }
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    ParseIsolation isolation = ParseIsolation.parse(args.length > 3 ? args[3] : "process");
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().limit(n).toList();
    }
    List<byte[]> bytes = new ArrayList<>();
    for (Path f : files) {
      bytes.add(Files.readAllBytes(f));
    }
    ExtractionLimits limits = isolation == ParseIsolation.NONE ? ExtractionLimits.DEFAULTS.inProcess() : ExtractionLimits.DEFAULTS;
    DocumentExtractor extractor = new DocumentExtractor(limits, ExtractorKind.NEWSBEAM);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.printf("parse files=%d threads=%d isolation=%s cores=%d%n", files.size(), threads,
        isolation.name().toLowerCase(), Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int round = 1; round <= rounds; round++) {
      AtomicInteger next = new AtomicInteger();
      AtomicInteger rejected = new AtomicInteger();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        work.add(pool.submit(() -> {
          int i;
          while ((i = next.getAndIncrement()) < files.size()) {
            try {
              extractor.parse(files.get(i).toUri().toString(), bytes.get(i));
            } catch (RejectedException e) {
              rejected.incrementAndGet(); // broken files are part of the corpus: their rejects are counted
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      System.out.printf("round=%d seconds=%.1f docs_per_s=%.1f rejects=%d this_jvm_cpu_s=%.1f%n", round, secs,
          files.size() / secs, rejected.get(), cpu);
    }
    pool.shutdown();
    System.exit(0); // parse children end with this JVM
  }

}
