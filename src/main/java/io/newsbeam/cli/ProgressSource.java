package io.newsbeam.cli;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Where a running pipeline's progress counters ({@code namespace/name → value}) come from: Beam's metrics of a
 * {@link PipelineResult} (DirectRunner, Dataflow, a finished Flink job) or Flink's REST API while a Flink job runs
 * ({@link FlinkRestProgress}). A source that is not ready yet throws; the monitor retries on its next tick.
 */
@FunctionalInterface
interface ProgressSource {
  Map<String, Long> counters() throws Exception;

  /** Attempted counter values of a pipeline result (fine for progress). */
  static ProgressSource beamMetrics(PipelineResult result) {
    return () -> {
      MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder().build());
      Map<String, Long> counters = new TreeMap<>();
      for (MetricResult<Long> c : q.getCounters()) {
        String key = c.getName().getNamespace() + "/" + c.getName().getName();
        Long v = attempted(c);
        if (v != null) {
          counters.merge(key, v, Long::sum);
        }
      }
      return counters;
    };
  }

  private static Long attempted(MetricResult<Long> c) {
    try {
      return c.getAttempted();
    } catch (UnsupportedOperationException e) {
      return c.getCommitted();
    }
  }
}
