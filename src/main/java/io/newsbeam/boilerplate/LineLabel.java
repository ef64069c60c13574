package io.newsbeam.boilerplate;

/** What a line of a document is, as decided by {@link LineClassifier}. Only BODY lines stay in the body. */
public enum LineLabel {
  BODY,
  /** The headline (goes to the title field). */
  TITLE,
  /** Standfirst / dek under the headline (goes to the subtitle field). */
  SUBTITLE,
  /** "By …", "Posted by" and the name line under it (names go to the authors field). */
  BYLINE,
  /** A line that only dates the article (goes to the publication time). */
  DATELINE,
  /** Photo caption, "(Photo by …)". */
  CAPTION,
  /** Photo or image credit: a lone agency or ministry name under a caption, "Getty Images". */
  CREDIT,
  /** Tag / keyword line: "china, russia, military, partnership, training". */
  TAGS,
  /** Navigation and page chrome: "top of page", "Share", "Back to top", "Advertisement". */
  NAVIGATION,
  /** Page numbers and running headers or footers of converted documents (PDF). */
  PAGE_FURNITURE,
  /** E-mail header lines (From:, To:, Subject: …) in converted messages. */
  EMAIL_HEADER,
  /** Calls to action and newsletter prompts: "You can read the full … here.", "Sign up for our newsletter". */
  PROMO,
  /** Store and ad lines: "MRC Store", "Sponsored content". */
  ADVERT,
  /** "Related Reading" and the list under it; "Read more: …" lines. */
  RELATED,
  /** "About Us" sections, publisher blurbs and author bios at the end. */
  PUBLISHER_BLURB,
  /** Trailing "Source", copyright, "originally published" notes. */
  TRAILER,
  /** The same line again right after itself. */
  DUPLICATE_LINE,
  /** A line repeated across many documents of the same site or folder (cross-document boilerplate). */
  SITE_REPEATED
}
