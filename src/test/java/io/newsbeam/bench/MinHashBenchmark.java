package io.newsbeam.bench;

import io.newsbeam.dedup.DocFeatures;
import io.newsbeam.dedup.LshBands;
import io.newsbeam.dedup.MinHash;
import io.newsbeam.testing.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MinHash throughput on the five seed articles (710-1,452 words), one article per operation, 128 hashes:
 * {@code signature} hashes precomputed shingles; {@code featuresAndSignature} is the whole per-article cost
 * of the dedup step (normalise, shingle, sign, band keys). Ops/s = articles/s on one core (-t 1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class MinHashBenchmark {
  private final MinHash minHash = MinHash.standard();
  private List<String> bodies;
  private List<long[]> shingles;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    bodies = new ArrayList<>();
    shingles = new ArrayList<>();
    try (Stream<Path> s = Files.list(Paths.sampleInput())) {
      for (Path p : s.filter(f -> f.getFileName().toString().matches("00[0-4]_.*\\.txt")).sorted().toList()) {
        String text = Files.readString(p);
        bodies.add(text);
        shingles.add(DocFeatures.of("x", null, text, null).shingles());
      }
    }
  }

  @Benchmark
  public int[] signature() {
    next = (next + 1) % shingles.size();
    return minHash.signature(shingles.get(next));
  }

  @Benchmark
  public long[] featuresAndSignature() {
    next = (next + 1) % bodies.size();
    DocFeatures f = DocFeatures.of("x", "title", bodies.get(next), null);
    return LshBands.DEFAULT.keys(minHash.signature(f.shingles()));
  }
}
