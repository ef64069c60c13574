package io.newsbeam.transforms;

import io.newsbeam.errors.RejectReason;
import io.newsbeam.schema.Reject;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/** Builds reject records and counts them per reason (Beam metric {@code rejects_<reason>}). */
final class Rejects {
  private Rejects() {}

  static Reject of(String sourceUri, String stage, RejectReason reason, String message, long sizeBytes) {
    Counter counter = Metrics.counter("newsbeam." + stage, "rejects_" + reason.code());
    counter.inc();
    String msg = message == null ? reason.code() : message;
    if (msg.length() > 2000) {
      msg = msg.substring(0, 2000) + "…";
    }
    return Reject.newBuilder()
        .setSourceUri(sourceUri)
        .setStage(stage)
        .setReason(reason.code())
        .setMessage(msg)
        .setSizeBytes(sizeBytes)
        .build();
  }
}
