package io.newsbeam.events;

import io.newsbeam.text.Hashing;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Readable, deterministic event ids safe as a path segment and in URLs: {@code <date>-<word>-<word>-<hash>}
 * (e.g. {@code 2021-03-23-lavrov-wang-guilin-1a2b3c4d}), lowercase letters, digits and '-'. The date is the
 * first publication ("undated" when none is known), the words name the key entities and place, and the hash
 * comes from the event's anchor article (its earliest, then smallest id), so the hash part stays when later
 * articles join. Across runs, {@code --previousEvents} keeps whole ids (see {@link PreviousEvents}).
 */
public final class EventNaming {
  private EventNaming() {}

  public static String eventId(Long firstPublished, List<String> words, String anchorId) {
    StringBuilder id = new StringBuilder();
    id.append(firstPublished == null
        ? "undated"
        : Instant.ofEpochMilli(firstPublished).atZone(ZoneOffset.UTC).toLocalDate().toString());
    int used = 0;
    for (String t : words) {
      String slug = slug(t);
      if (!slug.isEmpty() && used < 3 && id.indexOf("-" + slug + "-") < 0) {
        id.append('-').append(slug);
        used++;
      }
    }
    id.append('-').append(Hashing.shortHash(anchorId, 8));
    return id.toString();
  }

  /** The word that names an entity in an id: its last word, or its first when the last is shorter than 3 letters ("Wang Yi" → wang). */
  static String nameWord(String entityKey) {
    String[] words = entityKey.split(" ");
    String last = words[words.length - 1];
    return last.length() >= 3 || words.length == 1 ? last : words[0];
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
