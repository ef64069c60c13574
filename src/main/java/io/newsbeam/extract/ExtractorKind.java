package io.newsbeam.extract;

/** Choice of main-content extractor for HTML (option --extractor). */
public enum ExtractorKind {
  /** newsbeam's cleaner: its own HTML main-content scorer (io.newsbeam.extract.html), then the line classifier. */
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
