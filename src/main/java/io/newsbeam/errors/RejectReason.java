package io.newsbeam.errors;

/** Stable reason codes written to the rejects table. Never rename a code: downstream queries filter on them. */
public enum RejectReason {
  /** The input is larger than --maxInputBytes (after decompression). */
  TOO_LARGE("too_large"),
  /** The input could not be read from its filesystem. */
  UNREADABLE("unreadable"),
  /** The input has no bytes, or only whitespace. */
  EMPTY("empty"),
  /** Tika found no parser for the detected type, or the type is not a document (image, audio, ...). */
  UNSUPPORTED_TYPE("unsupported_type"),
  /** The document is encrypted or password protected. */
  ENCRYPTED("encrypted"),
  /** The parser failed on malformed or truncated content. */
  PARSE_ERROR("parse_error"),
  /** The parser did not finish within --parseTimeoutSeconds. */
  PARSE_TIMEOUT("parse_timeout"),
  /** The extracted text exceeds --maxTextChars. */
  TEXT_TOO_LONG("text_too_long"),
  /** Parsing worked but no text (or only boilerplate) was left. */
  NO_TEXT("no_text"),
  /** Nested archives deeper than allowed, or an archive expanding past the ratio limit. */
  ARCHIVE_LIMIT("archive_limit");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
