package io.newsbeam.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/** Reads title, authors and publication time from the metadata Tika collected (meta tags, document properties). */
public final class TikaMetadata {
  private TikaMetadata() {}

  private static final List<String> TITLE_KEYS = List.of("og:title", "twitter:title", TikaCoreProperties.TITLE.getName(), "title");
  private static final List<String> AUTHOR_KEYS =
      List.of("author", "article:author", "dc:creator", "parsely-author", "sailthru.author", "byl");
  private static final List<String> DATE_KEYS =
      List.of(
          "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate",
          "date", "dc.date", "dc:date", "DC.date.issued", "sailthru.date", "parsely-pub-date",
          TikaCoreProperties.CREATED.getName(), "dcterms:created", "article:modified_time", "Creation-Date");

  public static String title(Metadata md) {
    for (String key : TITLE_KEYS) {
      String v = md.get(key);
      if (v != null && !v.isBlank()) {
        return v.strip().replaceAll("\\s+", " ");
      }
    }
    return null;
  }

  public static List<String> authors(Metadata md) {
    Set<String> names = new LinkedHashSet<>();
    for (String key : AUTHOR_KEYS) {
      for (String v : md.getValues(key)) {
        if (v == null || v.isBlank() || v.startsWith("http")) {
          continue;
        }
        for (String n : v.split("\\s*(?:,|;|\\band\\b)\\s*")) {
          String name = n.strip().replaceFirst("(?i)^by\\s+", "");
          if (!name.isEmpty() && name.split("\\s+").length <= 5) {
            names.add(name);
          }
        }
      }
      if (!names.isEmpty()) {
        break;
      }
    }
    return new ArrayList<>(names);
  }

  public static Long published(Metadata md) {
    for (String key : DATE_KEYS) {
      Optional<Long> t = Dates.parseMachine(md.get(key));
      if (t.isPresent()) {
        return t.get();
      }
    }
    return null;
  }
}
