package io.newsbeam.extract;

/** Choice of main-content extractor for HTML (option --extractor). */
public enum ExtractorKind {
  /** newsbeam's cleaner: Tika + boilerpipe blocks, then newsbeam's line classifier and metadata recovery. */
  NEWSBEAM,
  /** Tika's boilerpipe handler (ArticleExtractor) alone: the reference point. */
  BOILERPIPE,
  /** All text Tika extracts, no main-content selection. */
  TEXT;

  public static ExtractorKind parse(String value) {
    for (ExtractorKind k : values()) {
      if (k.name().equalsIgnoreCase(value)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "--extractor=" + value + " is not known; use one of newsbeam, boilerpipe, text");
  }
}
