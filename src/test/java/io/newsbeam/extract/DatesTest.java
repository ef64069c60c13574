package io.newsbeam.extract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import org.junit.Test;

/** Date forms found in meta tags, bylines and datelines, English and German. */
public class DatesTest {
  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  public void germanMonthNamesAndNumericDates() {
    assertEquals(at("2021-10-12T00:00:00Z"), (long) Dates.parseText("Veröffentlicht am 12. Oktober 2021").orElseThrow());
    assertEquals(at("2015-03-01T00:00:00Z"), (long) Dates.parseText("1. März 2015").orElseThrow());
    assertEquals(at("2019-12-24T00:00:00Z"), (long) Dates.parseText("Stand: 24. Dez. 2019").orElseThrow());
    assertEquals(at("2021-03-23T16:47:00Z"), (long) Dates.parseText("23.03.2021, 16:47 Uhr").orElseThrow());
    assertEquals(at("2020-01-14T00:00:00Z"), (long) Dates.parseText("Pubblicato 2020/01/14").orElseThrow());
  }

  @Test
  public void englishBylineDateWithZone() {
    assertEquals(at("2021-03-23T08:47:00Z"),
        (long) Dates.parseText("By Patrick Goodenough | March 23, 2021 | 4:47am EDT").orElseThrow());
  }

  @Test
  public void spanishFrenchPortugueseAndItalianMonthNames() {
    assertEquals(at("2022-05-03T00:00:00Z"), (long) Dates.parseText("3 de mayo de 2022").orElseThrow());
    assertEquals(at("2022-05-04T00:00:00Z"), (long) Dates.parseText("04 de mayo 2022, 12:00 A. M.").orElseThrow());
    assertEquals(at("2020-07-01T00:00:00Z"), (long) Dates.parseText("Publié le 1er juillet 2020").orElseThrow());
    assertEquals(at("2021-03-09T00:00:00Z"), (long) Dates.parseText("9 de março de 2021").orElseThrow());
    assertEquals(at("2019-12-14T00:00:00Z"), (long) Dates.parseText("14 dicembre 2019").orElseThrow());
    assertEquals(at("2020-01-06T00:00:00Z"), (long) Dates.parseText("Monday, 6 January 2020").orElseThrow());
  }

  @Test
  public void impossibleDatesAreNotDates() {
    assertTrue(Dates.parseText("Version 1.2.3 from 45.67.2021").isEmpty());
    assertTrue(Dates.parseMachine("").isEmpty());
  }
}
