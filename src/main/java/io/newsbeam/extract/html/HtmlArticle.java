package io.newsbeam.extract.html;

import java.util.List;

/**
 * The main content and metadata newsbeam reads from one HTML page.
 *
 * @param paragraphs article paragraphs in reading order (headings included)
 * @param title the article title (site suffix removed), or null
 * @param authors clean author names (no "By", dates or job titles); may be empty
 * @param publishedAt publication time in epoch millis (UTC when the page gives no zone), or null
 * @param publishedDate the calendar date of publication as the page writes it (its own UTC offset kept,
 *     ISO yyyy-mm-dd), or null
 * @param site the publishing site (og:site_name, else canonical host), or null
 */
public record HtmlArticle(
    List<String> paragraphs, String title, List<String> authors, Long publishedAt, String publishedDate, String site) {
  public HtmlArticle {
    paragraphs = List.copyOf(paragraphs);
    authors = List.copyOf(authors);
  }
}
