package io.newsbeam.transforms;

import io.newsbeam.errors.RejectReason;
import io.newsbeam.schema.Reject;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/** Builds reject records and counts them per reason (Beam metric {@code rejects_<reason>}). */
final class Rejects {
  private Rejects() {}

  /** The reject, counted: call it on the thread that runs the DoFn's element or bundle. */
  static Reject of(String sourceUri, String stage, RejectReason reason, String message, long sizeBytes) {
    return counted(uncounted(sourceUri, stage, reason, message, sizeBytes));
  }

  /**
   * The reject, not counted yet: for work done on threads of a DoFn's own, where Beam cannot count metrics (it
   * logs "Unable to update metrics on the current thread" and drops the count). Pass it to {@link #counted} on the
   * DoFn's thread.
   */
  static Reject uncounted(String sourceUri, String stage, RejectReason reason, String message, long sizeBytes) {
    String msg = message == null ? reason.code() : stable(message);
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

  /** Counts {@code reject} under its stage and reason, and returns it. */
  static Reject counted(Reject reject) {
    Counter counter = Metrics.counter("newsbeam." + reject.getStage(), "rejects_" + reject.getReason());
    counter.inc();
    return reject;
  }

  /**
   * Drops JVM identity hashes (Object.toString's "PDFParser@2d3c4a76", as Tika words some errors) from a message:
   * they differ per JVM, and reject records must be the same on every runner and run.
   */
  static String stable(String message) {
    return message.replaceAll("\\b([A-Z][\\w$]*)@[0-9a-f]{1,8}\\b", "$1");
  }
}
