package io.newsbeam.events;

import io.newsbeam.text.Hashing;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Readable, deterministic event ids safe as a path segment and in URLs: {@code <date>-<term>-<term>-<hash>},
 * lowercase letters, digits and '-'. The hash comes from the representative article, so the id stays when
 * later articles join the event.
 */
public final class EventNaming {
  private EventNaming() {}

  public static String eventId(Long firstPublished, List<String> terms, String representativeId) {
    StringBuilder id = new StringBuilder();
    id.append(firstPublished == null
        ? "undated"
        : Instant.ofEpochMilli(firstPublished).atZone(ZoneOffset.UTC).toLocalDate().toString());
    int used = 0;
    for (String t : terms) {
      String slug = slug(t);
      if (!slug.isEmpty() && used < 3) {
        id.append('-').append(slug);
        used++;
      }
    }
    id.append('-').append(Hashing.shortHash(representativeId, 8));
    return id.toString();
  }

  public static String label(List<String> terms) {
    return String.join(", ", terms);
  }

  /** ASCII-folds and keeps [a-z0-9], at most 20 characters. */
  static String slug(String term) {
    String ascii = Normalizer.normalize(term, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    return s.length() > 20 ? s.substring(0, 20) : s;
  }

  /** True when {@code id} is a valid event id. */
  public static boolean isValid(String id) {
    return id != null && id.matches("[a-z0-9]+(-[a-z0-9]+)*");
  }
}
