package io.newsbeam.events;

import io.newsbeam.events.EventFeatures.EventVector;
import io.newsbeam.events.EventFeatures.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events-table view of one group of articles: first/last publication, anchor (earliest, then smallest id:
 * what the id hangs on, unchanged when later articles join), representative (the member closest to the
 * group's term centroid), top entities, likely place, label and a proposed id. Plain Java.
 *
 * @param eventId proposed id ({@link EventNaming#eventId})
 * @param label human-readable label: key entities, then the place after " — "
 * @param firstPublished epoch millis or null
 * @param lastPublished epoch millis or null
 * @param articleIds members, sorted
 * @param anchorId earliest member (undated last), then smallest id
 * @param representativeId member closest to the centroid (ties: smallest id)
 * @param topEntities heaviest entities over the members (display forms)
 * @param place the entity most often written after in/at/near/from/to, or null
 * @param topTerms heaviest key terms of the centroid
 */
public record EventSummary(
    String eventId, String label, Long firstPublished, Long lastPublished, List<String> articleIds, String anchorId,
    String representativeId, List<String> topEntities, String place, List<String> topTerms) implements Serializable {

  public static EventSummary of(List<EventVector> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an event needs at least one article");
    }
    List<EventVector> sorted = new ArrayList<>(members);
    sorted.sort(Blocking.ORDER);
    EventVector anchor = sorted.get(0);
    Long first = null;
    Long last = null;
    Map<String, Double> centroid = new HashMap<>();
    Map<String, Double> entityWeight = new TreeMap<>();
    Map<String, Integer> placeMentions = new TreeMap<>();
    Map<String, String> display = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (EventVector v : sorted) {
      ids.add(v.id());
      if (v.publishedAt() != null) {
        first = first == null ? v.publishedAt() : Math.min(first, v.publishedAt());
        last = last == null ? v.publishedAt() : Math.max(last, v.publishedAt());
      }
      for (int i = 0; i < v.terms().size(); i++) {
        centroid.merge(v.terms().keys()[i], v.terms().weights()[i], Double::sum);
      }
      for (Named n : v.named()) {
        entityWeight.merge(n.key(), n.weight(), Double::sum);
        placeMentions.merge(n.key(), n.placeMentions(), Integer::sum);
        display.putIfAbsent(n.key(), n.display());
      }
    }
    ids.sort(Comparator.naturalOrder());
    SparseVector c = SparseVector.normalised(centroid);
    EventVector representative = null;
    double best = -1;
    for (EventVector v : sorted.stream().sorted(Comparator.comparing(EventVector::id)).toList()) {
      double s = v.terms().dot(c);
      if (s > best) {
        best = s;
        representative = v;
      }
    }
    List<String> entityKeys = new ArrayList<>(entityWeight.keySet());
    entityKeys.sort((a, b) -> {
      int cmp = Double.compare(entityWeight.get(b), entityWeight.get(a));
      return cmp != 0 ? cmp : a.compareTo(b);
    });
    String placeKey = null;
    for (String k : entityKeys.subList(0, Math.min(8, entityKeys.size()))) {
      int pm = placeMentions.getOrDefault(k, 0);
      if (pm > 0 && (placeKey == null || pm > placeMentions.get(placeKey))) {
        placeKey = k;
      }
    }
    List<String> top = new ArrayList<>();
    List<String> people = new ArrayList<>();
    for (String k : entityKeys) {
      if (top.size() < 5) {
        top.add(display.get(k));
      }
      if (!k.equals(placeKey) && people.size() < 2) {
        people.add(k);
      }
    }
    String place = placeKey == null ? null : display.get(placeKey);
    List<String> labelParts = new ArrayList<>();
    for (String k : people) {
      labelParts.add(display.get(k));
    }
    String label = String.join(", ", labelParts);
    if (place != null) {
      label = label.isEmpty() ? place : label + " — " + place;
    }
    List<String> topTerms = Vectors.topTerms(centroid, 5);
    if (label.isEmpty()) {
      label = String.join(", ", topTerms);
    }
    List<String> slugWords = new ArrayList<>();
    for (String k : people) {
      slugWords.add(EventNaming.nameWord(k));
    }
    if (placeKey != null) {
      slugWords.add(EventNaming.nameWord(placeKey));
    }
    if (slugWords.isEmpty()) {
      slugWords.addAll(topTerms);
    }
    return new EventSummary(EventNaming.eventId(first, slugWords, anchor.id()), label, first, last, ids, anchor.id(),
        representative.id(), top, place, topTerms);
  }
}
