package io.newsbeam.quotes;

import io.newsbeam.text.Hashing;
import io.newsbeam.text.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exact hashes of normalised paragraphs, to mark paragraphs repeated across articles. Plain Java. */
public final class ParagraphHashes {
  private ParagraphHashes() {}

  /** Paragraphs shorter than this many words (datelines, sign-offs) are not marked. */
  public static final int MIN_WORDS = 8;

  /** Paragraph index → hash (16 hex of SHA-256 of the normalised text) for each long enough paragraph, in order. */
  public static Map<Integer, String> of(String body) {
    Map<Integer, String> out = new LinkedHashMap<>();
    String[] paragraphs = body.split("\\n\\s*\\n");
    for (int i = 0; i < paragraphs.length; i++) {
      List<String> words = TextNormalizer.words(paragraphs[i]);
      if (words.size() >= MIN_WORDS) {
        out.put(i, Hashing.shortHash(String.join(" ", words), 16));
      }
    }
    return out;
  }

  /** Paragraphs of the body as the extractor numbers them. */
  public static List<String> paragraphs(String body) {
    return new ArrayList<>(List.of(body.split("\\n\\s*\\n")));
  }
}
