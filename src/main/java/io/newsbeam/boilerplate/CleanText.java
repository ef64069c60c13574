package io.newsbeam.boilerplate;

import java.util.List;

/**
 * The result of classifying a document's lines: the body, the metadata found in lines, and every removed
 * line with its label (the evidence users inspect with {@code newsbeam extract}).
 */
public record CleanText(
    String title,
    String subtitle,
    List<String> authors,
    Long publishedAt,
    List<String> body,
    List<RemovedLine> removed) {

  public CleanText {
    authors = List.copyOf(authors);
    body = List.copyOf(body);
    removed = List.copyOf(removed);
  }

  /** A line taken out of the body, and why. */
  public record RemovedLine(String text, LineLabel label) {}
}
