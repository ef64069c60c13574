package io.newsbeam.bench;

import io.newsbeam.text.TextNormalizer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Text normalisation throughput (runs before every hash and shingle). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class NormalizeBenchmark {
  private final String text =
      "The Chinese government insisted Monday that talks now underway between the Chinese and Russian foreign"
          + " ministers did “not target any specific country,” but also drew a clear distinction. ".repeat(20);

  @Benchmark
  public String normalize() {
    return TextNormalizer.normalize(text);
  }
}
