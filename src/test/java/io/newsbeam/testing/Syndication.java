package io.newsbeam.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes syndicated variants of a real article text, deterministically from a seed: a new headline, a
 * dateline, a few word edits, the last paragraph(s) trimmed and short lines of site chrome around the text,
 * as a wire copy looks on another site. For tests and benchmarks.
 */
public final class Syndication {
  private Syndication() {}

  private static final String[] SUBSTITUTES = {"officials", "reported", "on Monday", "the", "U.S.", "also", "however"};
  private static final String[] CHROME = {
    "Home | World | Business | Sports", "Share this article", "Advertisement", "Subscribe to our newsletter",
    "Most read", "Follow us on social media", "Comments (0)", "Related stories"};

  /** Paragraphs of a text: its non-blank lines. */
  public static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\r?\\n")) {
      if (!line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  /** A variant of {@code paragraphs} (first one is the headline); {@code editRate} of the words edited. */
  public static String variant(List<String> paragraphs, long seed, double editRate) {
    Random r = new Random(seed);
    List<String> body = new ArrayList<>(paragraphs.subList(1, paragraphs.size()));
    int trim = body.size() > 4 ? r.nextInt(3) : 0;
    body = body.subList(0, body.size() - trim);
    StringBuilder out = new StringBuilder();
    out.append(CHROME[r.nextInt(CHROME.length)]).append("\n\n");
    List<String> title = new ArrayList<>(Arrays.asList(paragraphs.get(0).split(" ")));
    if (title.size() > 3) {
      title.remove(r.nextInt(title.size()));
      title.remove(r.nextInt(title.size()));
    }
    out.append(r.nextBoolean() ? "Update: " : "").append(String.join(" ", title)).append("\n\n");
    boolean first = true;
    for (String p : body) {
      List<String> words = new ArrayList<>(Arrays.asList(p.split(" ")));
      for (int i = 0; i < words.size(); i++) {
        if (r.nextDouble() < editRate) {
          switch (r.nextInt(3)) {
            case 0 -> words.set(i, SUBSTITUTES[r.nextInt(SUBSTITUTES.length)]);
            case 1 -> words.remove(i);
            default -> words.add(i, SUBSTITUTES[r.nextInt(SUBSTITUTES.length)]);
          }
        }
      }
      if (first) {
        out.append("CITY (Wire) — ");
        first = false;
      }
      out.append(String.join(" ", words)).append("\n\n");
    }
    out.append(CHROME[r.nextInt(CHROME.length)]).append("\n");
    return out.toString();
  }
}
