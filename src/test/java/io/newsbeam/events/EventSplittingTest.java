package io.newsbeam.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.Test;

/** Stage 2 of event grouping on one topic-level group, plain Java. */
public class EventSplittingTest {
  private static Long day(String iso) {
    return Instant.parse(iso + "T09:00:00Z").toEpochMilli();
  }

  /** Two earthquakes in one week: same kind of happening, different places, people and figures. */
  static final List<EventDoc> QUAKES = List.of(
      new EventDoc("izmir-1", day("2024-02-06"), "Magnitude 6.1 earthquake strikes near Izmir",
          "A magnitude 6.1 earthquake struck near Izmir on Tuesday, Turkey's disaster agency AFAD said. Buildings "
              + "collapsed in the Bornova district of Izmir and rescuers searched the rubble through the night. "
              + "Governor Yavuz Selim Kosger said 12 people were injured in Izmir and schools would stay closed."),
      new EventDoc("izmir-2", day("2024-02-07"), "Rescuers pull survivors from rubble in Izmir",
          "Rescue teams in Izmir pulled two survivors from a collapsed apartment block in Bornova a day after the "
              + "6.1 magnitude earthquake, AFAD said. Governor Yavuz Selim Kosger said the number of injured rose to 15 "
              + "and that tents were set up for families in Bornova."),
      new EventDoc("izmir-3", day("2024-02-07"), "Aftershocks rattle Izmir after earthquake",
          "Dozens of aftershocks rattled Izmir after Tuesday's magnitude 6.1 earthquake. AFAD said the strongest "
              + "aftershock measured 4.2. Residents of Bornova slept in their cars, and Yavuz Selim Kosger urged people "
              + "to stay away from damaged buildings in Izmir."),
      new EventDoc("sulawesi-1", day("2024-02-09"), "Strong earthquake hits Sulawesi",
          "A strong earthquake of magnitude 5.4 hit Sulawesi in Indonesia on Friday, the BMKG agency said. Houses "
              + "were damaged in Mamuju and residents fled to higher ground. Dwikorita Karnawati of BMKG said there was "
              + "no tsunami threat to Mamuju."),
      new EventDoc("sulawesi-2", day("2024-02-10"), "Sulawesi earthquake damages homes in Mamuju",
          "Residents of Mamuju in Sulawesi slept outdoors after the 5.4 magnitude earthquake damaged more than 300 "
              + "homes. BMKG head Dwikorita Karnawati warned of aftershocks around Mamuju and ruled out a tsunami."),
      new EventDoc("sulawesi-3", day("2024-02-10"), "Indonesia sends aid to quake-hit Mamuju",
          "Indonesia's disaster agency BNPB sent tents and food to Mamuju after the magnitude 5.4 earthquake on "
              + "Friday. Dwikorita Karnawati said BMKG recorded 20 aftershocks in West Sulawesi."));

  /** One happening told in different words by different outlets; one article without a date. */
  static final List<EventDoc> ONE_EVENT = List.of(
      new EventDoc("strike-1", day("2024-03-04"), "Rail workers walk out across the Netherlands",
          "Train drivers and conductors at NS stopped work on Monday in a dispute over pay, halting services between "
              + "Amsterdam, Utrecht and Rotterdam. The FNV union said the strike would last 24 hours."),
      new EventDoc("strike-2", day("2024-03-04"), "Dutch commuters stranded as NS staff strike",
          "Commuters in Utrecht and Amsterdam were stranded on Monday as NS staff went on strike. FNV negotiator "
              + "Henk Vos said talks on a pay rise had failed and no trains would run for a day."),
      new EventDoc("strike-3", null, "No trains between Rotterdam and Amsterdam",
          "No trains ran between Rotterdam and Amsterdam as NS drivers and conductors stopped work. Henk Vos of the "
              + "FNV union said the walkout over wages would end after 24 hours."),
      new EventDoc("strike-4", day("2024-03-05"), "Trains run again after NS strike",
          "Trains ran again on Tuesday after a 24-hour strike by NS drivers and conductors. The FNV union said Henk "
              + "Vos would meet NS on pay next week; commuters in Utrecht praised the return of services."));

  private static List<EventSignals> signals(List<EventDoc> docs) {
    return EventGrouping.signals(docs);
  }

  private static Map<String, Integer> groupOf(List<List<String>> groups) {
    Map<String, Integer> out = new HashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      for (String id : groups.get(g)) {
        out.put(id, g);
      }
    }
    return out;
  }

  @Test
  public void twoEarthquakesInOneWeekAreTwoEvents() {
    List<List<String>> events = EventSplitting.split(signals(QUAKES), EventParams.defaults());
    Map<String, Integer> g = groupOf(events);
    assertEquals(events.toString(), 2, events.size());
    assertEquals(g.get("izmir-1"), g.get("izmir-2"));
    assertEquals(g.get("izmir-1"), g.get("izmir-3"));
    assertEquals(g.get("sulawesi-1"), g.get("sulawesi-2"));
    assertEquals(g.get("sulawesi-1"), g.get("sulawesi-3"));
  }

  @Test
  public void oneEventInDifferentWordsStaysTogether() {
    List<List<String>> events = EventSplitting.split(signals(ONE_EVENT), EventParams.defaults());
    assertEquals(List.of(List.of("strike-1", "strike-2", "strike-3", "strike-4")), events);
  }

  @Test
  public void articlesWithoutAnyDateSplitOnTheirContent() {
    List<EventDoc> undated = new ArrayList<>();
    for (EventDoc d : QUAKES) {
      undated.add(new EventDoc(d.id(), null, d.title(), d.body()));
    }
    Map<String, Integer> g = groupOf(EventSplitting.split(signals(undated), EventParams.defaults()));
    assertEquals(g.get("izmir-1"), g.get("izmir-3"));
    assertEquals(g.get("sulawesi-1"), g.get("sulawesi-3"));
    assertTrue(!g.get("izmir-2").equals(g.get("sulawesi-2")));
  }

  @Test
  public void knownDatesFurtherApartThanTheWindowNeverShareAnEvent() {
    List<EventDoc> docs = new ArrayList<>(ONE_EVENT);
    docs.add(new EventDoc("strike-next-year", day("2025-03-03"), "Rail workers walk out across the Netherlands",
        "Train drivers and conductors at NS stopped work on Monday in a dispute over pay, halting services between "
            + "Amsterdam, Utrecht and Rotterdam. The FNV union said the strike would last 24 hours."));
    Map<String, Integer> g = groupOf(EventSplitting.split(signals(docs), EventParams.defaults()));
    assertTrue(!g.get("strike-1").equals(g.get("strike-next-year")));
    assertEquals(g.get("strike-1"), g.get("strike-2"));
  }

  @Test
  public void resultDependsOnlyOnTheSetOfArticles() {
    List<EventDoc> all = new ArrayList<>(QUAKES);
    all.addAll(ONE_EVENT);
    List<List<String>> expected = EventSplitting.split(signals(all), EventParams.defaults());
    for (int seed = 0; seed < 5; seed++) {
      List<EventDoc> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(expected, EventSplitting.split(signals(shuffled), EventParams.defaults()));
    }
  }

  @Test
  public void noRoundsOrNoRatioMeansNoSplit() {
    assertEquals(1, EventSplitting.split(signals(QUAKES), EventParams.defaults().withSplit(0.3, 0)).size());
    assertEquals(1, EventSplitting.split(signals(QUAKES), EventParams.defaults().withSplit(0.0, 3)).size());
  }

  @Test
  public void spectralBisectionFindsTwoBlocksAndLeavesOneBlockAlone() {
    int n = 10;
    double[][] sim = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          sim[i][j] = (i < 4) == (j < 4) ? 0.5 + 0.01 * ((i + j) % 3) : 0.02;
        }
      }
    }
    int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int[][] cut = EventSplitting.bisect(all, sim, 0.3);
    assertNotNull(cut);
    Set<Integer> small = new HashSet<>();
    for (int i : cut[0].length == 4 ? cut[0] : cut[1]) {
      small.add(i);
    }
    assertEquals(Set.of(0, 1, 2, 3), small);
    assertNull("one block: nothing to cut", EventSplitting.bisect(new int[] {4, 5, 6, 7, 8, 9}, sim, 0.3));
  }

  @Test
  public void largeGroupsAreSplitInChunksAndKeepEveryArticleOnce() {
    List<EventDoc> docs = new ArrayList<>();
    for (int i = 0; i < 2 * EventSplitting.CHUNK + 50; i++) {
      EventDoc d = QUAKES.get(i % QUAKES.size());
      // ids in an order unrelated to time, as hashes are; one report an hour
      docs.add(new EventDoc(String.format("d%04d", (i * 7919) % 1000), day("2024-02-06") + i * 3_600_000L, d.title(), d.body()));
    }
    List<EventSignals> signals = signals(docs);
    List<List<String>> events = EventSplitting.split(signals, EventParams.defaults());
    Map<String, Integer> chunkOf = new HashMap<>();
    List<EventSignals> ordered = new ArrayList<>(signals);
    ordered.sort(EventSplitting.ORDER);
    for (int i = 0; i < ordered.size(); i++) {
      chunkOf.put(ordered.get(i).id(), i / EventSplitting.CHUNK);
    }
    Set<String> seen = new HashSet<>();
    for (List<String> e : events) {
      for (String id : e) {
        assertTrue(id + " twice", seen.add(id));
        assertEquals("an event lies inside one chunk of consecutive publication times", chunkOf.get(e.get(0)), chunkOf.get(id));
      }
    }
    assertEquals(docs.size(), seen.size());
  }
}
