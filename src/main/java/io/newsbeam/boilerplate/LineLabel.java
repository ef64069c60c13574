package io.newsbeam.boilerplate;

/** What a line of a document is, as decided by {@link LineClassifier}. Only BODY lines stay in the body. */
public enum LineLabel {
  BODY,
  TITLE,
  SUBTITLE,
  BYLINE,
  DATELINE,
  CAPTION,
  CREDIT,
  TAGS,
  NAVIGATION,
  PROMO,
  RELATED,
  PUBLISHER_BLURB,
  TRAILER,
  DUPLICATE_LINE,
  SITE_REPEATED
}
