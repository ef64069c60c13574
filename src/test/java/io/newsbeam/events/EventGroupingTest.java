package io.newsbeam.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.Test;

/** The grouping library on hand-written hard cases. */
public class EventGroupingTest {
  private static long day(String iso) {
    return Instant.parse(iso + "T12:00:00Z").toEpochMilli();
  }

  private static final List<EventDoc> CORPUS = List.of(
      new EventDoc("q1", day("2024-02-06"), "Earthquake of magnitude 6.1 strikes near Izmir",
          "A magnitude 6.1 earthquake struck near Izmir on Tuesday, the Turkish disaster agency AFAD said. "
              + "Buildings collapsed in the Bornova district of Izmir and rescuers searched the rubble. "
              + "Governor Yavuz Selim Kosger said 12 people were injured in Izmir."),
      new EventDoc("q2", day("2024-02-07"), "Rescuers search rubble in Izmir after quake",
          "Rescue teams in Izmir pulled two survivors from a collapsed building in Bornova after Tuesday's 6.1 "
              + "magnitude earthquake, AFAD said. Yavuz Selim Kosger, the governor, said the number of injured rose to 15."),
      new EventDoc("q3", day("2024-02-09"), "Strong earthquake hits Sulawesi",
          "A strong earthquake of magnitude 5.4 hit Sulawesi in Indonesia on Friday, the BMKG agency said. "
              + "Houses were damaged in Mamuju and residents fled to higher ground in Sulawesi. "
              + "Dwikorita Karnawati of BMKG said there was no tsunami threat to Mamuju."),
      new EventDoc("q4", null, "Sulawesi quake damages homes in Mamuju",
          "Residents of Mamuju in Sulawesi slept outdoors after the 5.4 magnitude earthquake damaged homes. "
              + "BMKG head Dwikorita Karnawati warned of aftershocks around Mamuju and ruled out a tsunami."),
      new EventDoc("a1", day("2023-01-10"), "Pop star Lana Vale arrested in Miami",
          "Singer Lana Vale was arrested in Miami on Monday on charges of driving under the influence, "
              + "the Miami-Dade police said. Vale was released on bail."),
      new EventDoc("a2", day("2023-09-02"), "Lana Vale arrested again, this time in Las Vegas",
          "Lana Vale was arrested in Las Vegas on Saturday after a fight at a casino on the Strip, Las Vegas "
              + "Metropolitan Police said. It is the singer's second arrest this year."));

  private static Map<String, String> eventOf(TreeMap<String, List<String>> groups) {
    Map<String, String> out = new TreeMap<>();
    groups.forEach((root, members) -> members.forEach(m -> out.put(m, root)));
    return out;
  }

  @Test
  public void sameKindOfHappeningInTheSameWeekIsTwoEvents() {
    Map<String, String> ev = eventOf(EventGrouping.group(CORPUS, EventParams.defaults()));
    assertEquals(ev.get("q1"), ev.get("q2"));
    assertEquals("undated article joins its event", ev.get("q3"), ev.get("q4"));
    assertNotEquals(ev.get("q1"), ev.get("q3"));
  }

  @Test
  public void twoArrestsOfOnePersonAreTwoEvents() {
    Map<String, String> ev = eventOf(EventGrouping.group(CORPUS, EventParams.defaults()));
    assertNotEquals(ev.get("a1"), ev.get("a2"));
  }

  @Test
  public void resultDoesNotDependOnInputOrder() {
    TreeMap<String, List<String>> expected = EventGrouping.group(CORPUS, EventParams.defaults());
    for (int seed = 0; seed < 5; seed++) {
      List<EventDoc> shuffled = new ArrayList<>(CORPUS);
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(expected, EventGrouping.group(shuffled, EventParams.defaults()));
    }
  }

  @Test
  public void summaryNamesEntitiesPlaceAndKeepsTheAnchorHashWhenLaterArticlesJoin() {
    List<EventFeatures.EventVector> vs = EventGrouping.vectors(CORPUS, EventParams.defaults());
    EventSummary one = EventSummary.of(List.of(vs.get(0)));
    EventSummary two = EventSummary.of(List.of(vs.get(1), vs.get(0)));
    assertEquals("q1", two.anchorId());
    assertTrue(two.eventId(), two.eventId().startsWith("2024-02-06-"));
    assertTrue(EventNaming.isValid(two.eventId()));
    assertEquals(one.eventId().substring(one.eventId().length() - 8), two.eventId().substring(two.eventId().length() - 8));
    assertEquals("Izmir", two.place());
    assertTrue(two.label(), two.label().contains("Izmir"));
    assertEquals(List.of("q1", "q2"), two.articleIds());
  }

  @Test
  public void entitiesAreCapitalisedRunsWithoutTitlesOrSentenceStarts() {
    List<String> keys = new ArrayList<>();
    for (Entities.Entity e : Entities.extract(null,
        "Russian Foreign Minister Sergei Lavrov met Wang Yi in Guilin on Monday. Lavrov praised China-Russia ties. "
            + "However, talks were long.")) {
      keys.add(e.key());
    }
    // "Russian" opens the sentence and is never capitalised inside one: not counted
    assertEquals(List.of("china", "guilin", "russia", "sergei lavrov", "wang yi"), keys);
  }

  @Test
  public void datesComeFromMetadataThenFromTheText() {
    assertEquals((Long) 5L, TextDates.publication(5L, null, "On March 22, 2021 the talks began."));
    assertEquals((Long) LocalDate.of(2021, 3, 22).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli(),
        TextDates.publication(null, null, "Talks began on March 22, 2021 in Guilin."));
    assertNull(TextDates.publication(null, null, "The talks began on Monday."));
    long ref = day("2021-03-24"); // a Wednesday
    assertEquals(List.of(LocalDate.of(2021, 3, 18), LocalDate.of(2021, 3, 22)),
        TextDates.mentionedDays(null, "The talks began on Monday, days after the March 18 meeting.", ref));
    assertEquals(List.of(LocalDate.of(2021, 3, 18)), TextDates.mentionedDays(null, "It happened last Thursday.", ref));
    assertFalse(EventSimilarity.withinWindow(
        new EventFeatures.EventVector("a", day("2021-03-01"), false, SparseVector.EMPTY, SparseVector.EMPTY, List.of(), List.of(), List.of()),
        new EventFeatures.EventVector("b", day("2021-03-20"), false, SparseVector.EMPTY, SparseVector.EMPTY, List.of(), List.of(), List.of()),
        EventParams.defaults()));
  }

  @Test
  public void articlesNamingOnlyDifferentPlacesAreLessSimilar() {
    SparseVector terms = SparseVector.normalised(java.util.Map.of("talks", 1.0, "ministers", 1.0));
    EventFeatures.EventVector guilin =
        new EventFeatures.EventVector("a", null, false, terms, SparseVector.EMPTY, List.of(), List.of(), List.of("guilin"));
    EventFeatures.EventVector bali =
        new EventFeatures.EventVector("b", null, false, terms, SparseVector.EMPTY, List.of(), List.of(), List.of("bali"));
    EventFeatures.EventVector alsoGuilin = new EventFeatures.EventVector(
        "c", null, false, terms, SparseVector.EMPTY, List.of(), List.of(), List.of("beijing", "guilin"));
    EventFeatures.EventVector noPlace =
        new EventFeatures.EventVector("d", null, false, terms, SparseVector.EMPTY, List.of(), List.of(), List.of());
    EventParams p = EventParams.defaults();
    double same = EventSimilarity.score(guilin, alsoGuilin, p);
    assertEquals(same, EventSimilarity.score(guilin, noPlace, p), 1e-12);
    assertEquals(same * EventSimilarity.PLACE_CONFLICT, EventSimilarity.score(guilin, bali, p), 1e-12);
    assertTrue(EventSimilarity.score(guilin, bali, p) < same);
  }

  @Test
  public void bigBlocksAreCutIntoOverlappingWindows() {
    List<EventFeatures.EventVector> block = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      block.add(new EventFeatures.EventVector(String.format("d%03d", i), (long) i, false, SparseVector.EMPTY, SparseVector.EMPTY, List.of(), List.of(), List.of()));
    }
    List<List<EventFeatures.EventVector>> w = Blocking.windows(block, 40);
    assertEquals(4, w.size());
    for (List<EventFeatures.EventVector> win : w) {
      assertTrue(win.size() <= 40);
    }
    assertEquals("d020", w.get(1).get(0).id());
  }

  @Test
  public void previousIdsGoToTheEventHoldingMostOfTheirArticles() {
    PreviousEvents.Claim a = PreviousEvents.bestClaim("c1", "new-a", Map.of("old-1", 3L, "old-2", 1L));
    PreviousEvents.Claim b = PreviousEvents.bestClaim("c2", "new-b", Map.of("old-1", 1L));
    assertEquals("old-1", a.previousId());
    Map<String, String> ids = PreviousEvents.resolve(List.of(b, a));
    assertEquals("old-1", ids.get("c1"));
    assertEquals("new-b", ids.get("c2"));
    assertNull(PreviousEvents.bestClaim("c3", "new-c", Map.of()).previousId());
  }
}
