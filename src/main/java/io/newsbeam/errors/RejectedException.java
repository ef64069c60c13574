package io.newsbeam.errors;

/** Thrown by library code when an input must become a reject; carries the stable reason code. */
public final class RejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final RejectReason reason;

  public RejectedException(RejectReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RejectedException(RejectReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
