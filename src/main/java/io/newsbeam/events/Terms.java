package io.newsbeam.events;

import io.newsbeam.text.TextNormalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Term counts for TF-IDF: normalised words minus stopwords, title words counted extra. */
public final class Terms {
  private Terms() {}

  static final Set<String> STOPWORDS = Set.of(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
      "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
      "did", "do", "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had",
      "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
      "in", "into", "is", "it", "its", "itself", "just", "last", "like", "made", "make", "many", "may", "me",
      "more", "most", "much", "must", "my", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
      "only", "or", "other", "our", "ours", "out", "over", "own", "said", "same", "say", "says", "she", "should",
      "since", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these",
      "they", "this", "those", "through", "to", "told", "too", "two", "under", "until", "up", "us", "very", "was",
      "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
      "year", "years", "you", "your", "week", "day", "days", "time", "first", "people", "according", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "ms", "mrs", "percent", "get",
      "got", "going", "well", "back", "still", "however", "way", "three", "news", "including", "take", "took");

  /** Term frequencies of one article; title terms count {@code titleWeight} times. */
  public static Map<String, Integer> counts(String title, String body, int titleWeight) {
    Map<String, Integer> counts = new HashMap<>();
    add(counts, body, 1);
    if (title != null) {
      add(counts, title, titleWeight);
    }
    return counts;
  }

  private static void add(Map<String, Integer> counts, String text, int weight) {
    for (String w : TextNormalizer.words(text)) {
      if (w.length() < 3 || STOPWORDS.contains(w) || w.chars().allMatch(Character::isDigit)) {
        continue;
      }
      counts.merge(w, weight, Integer::sum);
    }
  }
}
