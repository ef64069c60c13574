package io.newsbeam.events;

/** What event grouping needs of an article. {@code publishedAt} is epoch millis or null. */
public record EventDoc(String id, Long publishedAt, String title, String body) {}
