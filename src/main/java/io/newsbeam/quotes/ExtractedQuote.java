package io.newsbeam.quotes;

/**
 * One quoted statement (a sentence of a quoted passage) found in an article body.
 *
 * @param text the statement as quoted, without quotation marks
 * @param speaker who said it (a full name when the article gives one), or null when the text does not say
 * @param paragraph 0-based paragraph of the body (paragraphs are separated by a blank line)
 * @param passage 0-based index of the quoted passage in the body; the sentences of one passage share it
 */
public record ExtractedQuote(String text, String speaker, int paragraph, int passage) {}
