package io.newsbeam.events;

import java.util.List;
import java.util.Map;

/**
 * Keeping event ids across runs ({@code --previousEvents}). A new event "claims" the previous event that holds
 * most of its articles (ties: smaller previous id); when several new events claim one previous id, the one
 * holding most of its articles keeps it (ties: the smaller new proposed id) and the others get fresh ids.
 * Plain Java: the transform runs {@link #bestClaim} per new event and {@link #winner} per previous id.
 */
public final class PreviousEvents {
  private PreviousEvents() {}

  /**
   * A new event's claim on a previous id.
   *
   * @param component key of the new event in the run (its smallest article id)
   * @param proposedId the id the new event would get without a previous one
   * @param previousId the claimed previous id, or null
   * @param overlap articles of the previous event in the new one
   */
  public record Claim(String component, String proposedId, String previousId, long overlap) implements java.io.Serializable {}

  /** The claim of a new event from the previous ids of its articles (count per id); previousId null when none. */
  public static Claim bestClaim(String component, String proposedId, Map<String, Long> previousIdCounts) {
    Claim best = new Claim(component, proposedId, null, 0);
    for (Map.Entry<String, Long> e : new java.util.TreeMap<>(previousIdCounts).entrySet()) {
      if (e.getValue() > best.overlap()) {
        best = new Claim(component, proposedId, e.getKey(), e.getValue());
      }
    }
    return best;
  }

  /** Final id of each claim among those on one previous id: the winner keeps it, the others their proposed ids. */
  public static Map<String, String> resolve(List<Claim> claims) {
    Claim w = winner(claims);
    Map<String, String> out = new java.util.TreeMap<>();
    for (Claim c : claims) {
      out.put(c.component(), c == w && c.previousId() != null ? c.previousId() : c.proposedId());
    }
    return out;
  }

  /** The claim that keeps a previous id. */
  public static Claim winner(List<Claim> claims) {
    Claim best = null;
    for (Claim c : claims) {
      if (best == null || c.overlap() > best.overlap()
          || (c.overlap() == best.overlap() && c.proposedId().compareTo(best.proposedId()) < 0)) {
        best = c;
      }
    }
    return best;
  }
}
