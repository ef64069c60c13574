package io.newsbeam.extract.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.junit.Test;

/** newsbeam's HTML extractor on hand-made pages, each mixing article text with one kind of chrome or more. */
public class HtmlArticleExtractorTest {
  private static final AutoDetectParser PARSER = new AutoDetectParser();

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = HtmlArticleExtractorTest.class.getResourceAsStream(name)) {
      assertNotNull("missing fixture " + name, in);
      return in.readAllBytes();
    }
  }

  static HtmlArticle extract(String name) throws Exception {
    byte[] bytes = fixture(name);
    return HtmlArticleExtractor.extract(PARSER, TikaInputStream.get(bytes), bytes, new Metadata(), new ParseContext(), 1_000_000);
  }

  private static String body(HtmlArticle a) {
    return String.join("\n\n", a.paragraphs());
  }

  @Test
  public void newsPageKeepsArticleParagraphsInOrderAndDropsChrome() throws Exception {
    HtmlArticle a = extract("news-article.html");
    String body = body(a);
    List<String> expected =
        List.of(
            "The harbour bridge reopened to traffic on Wednesday morning",
            "Engineers replaced the corroded steel cables",
            "Costs rose by a third",
            "The repairs cost 48 million euros",
            "\"We are relieved that the bridge is open again,\"");
    int last = -1;
    for (String e : expected) {
      int at = body.indexOf(e);
      assertTrue("missing or out of order: " + e + "\n" + body, at > last);
      last = at;
    }
    // navigation, share bar, caption, newsletter box, related links, comments, footer, script
    for (String chrome :
        List.of("Opinion and analysis", "Share on Facebook", "Email this article", "north pier", "Photo by",
            "Sign up for our newsletter", "morning briefing", "Ferry timetable", "cycle lanes along the waterfront",
            "3 comments", "driving around the bay", "bus line 4", "All rights reserved", "Privacy policy",
            "Do not extract", "Senior Correspondent")) {
      assertThat(body, not(containsString(chrome)));
    }
  }

  @Test
  public void newsPageMetadataComesFromJsonLdAndMetaTags() throws Exception {
    HtmlArticle a = extract("news-article.html");
    assertEquals("Harbour bridge reopens after repairs", a.title());
    assertEquals(List.of("Maria Jensen"), a.authors());
    assertEquals(Instant.parse("2023-05-17T06:30:00Z").toEpochMilli(), (long) a.publishedAt());
    assertEquals("The Coastal Ledger", a.site());
  }

  @Test
  public void germanBlogInLatin1DropsSidebarTagsShareButtonsCommentsAndFooter() throws Exception {
    HtmlArticle a = extract("german-blog.html");
    String body = body(a);
    assertThat(body, containsString("Früh am Morgen lag noch Nebel über dem Tal"));
    assertThat(body, containsString("Gegen Mittag erreichten wir den Kamm."));
    assertThat(body, containsString("Die ganze Runde misst gut achtzehn Kilometer."));
    for (String chrome :
        List.of("Startseite", "Neueste Beiträge", "Winterwanderung", "Herbst, Wald", "Teilen", "Twittern",
            "Schöner Bericht", "Impressum", "urheberrechtlich")) {
      assertThat(body, not(containsString(chrome)));
    }
    assertEquals(List.of("Jonas Bergmann"), a.authors());
    assertEquals(Instant.parse("2021-10-12T00:00:00Z").toEpochMilli(), (long) a.publishedAt());
    assertEquals("Herbstwanderung am Kammweg", a.title());
  }

  @Test
  public void lineBreaksStayLinesOfOneParagraph() throws Exception {
    HtmlArticle a = extract("german-blog.html");
    String para = a.paragraphs().stream().filter(p -> p.contains("Hohlweg")).findFirst().orElseThrow();
    assertThat(para, containsString("Kuchen.\nDie ganze Runde"));
  }

  @Test
  public void tableLayoutPageKeepsTheMainCellWithoutMenuCaptionOrFooter() throws Exception {
    HtmlArticle a = extract("table-layout.html");
    String body = body(a);
    assertThat(body, containsString("Twenty-two boats took part"));
    assertThat(body, containsString("The overall winner was the crew of the Seagull"));
    assertThat(body, containsString("The club thanks all volunteers"));
    for (String chrome : List.of("Members", "Calendar", "Photo: the start", "Harbour Road")) {
      assertThat(body, not(containsString(chrome)));
    }
    assertEquals("Spring regatta results", a.title());
    assertEquals(Instant.parse("2019-04-28T00:00:00Z").toEpochMilli(), (long) a.publishedAt());
  }

  @Test
  public void documentExtractorUsesThisExtractorOnlyForTheNewsbeamKind() throws Exception {
    byte[] bytes = fixture("news-article.html");
    DocumentExtractor.Parsed ours =
        new DocumentExtractor(ExtractionLimits.DEFAULTS, ExtractorKind.NEWSBEAM).parse("file:///x/news.html", bytes);
    assertNotNull(ours.article());
    assertTrue(ours.html());
    assertThat(ours.blocks().get(0).get(0), containsString("The harbour bridge reopened"));
    assertEquals("Maria Jensen", ours.article().authors().get(0));
    DocumentExtractor.Parsed reference =
        new DocumentExtractor(ExtractionLimits.DEFAULTS, ExtractorKind.BOILERPIPE).parse("file:///x/news.html", bytes);
    assertNull(reference.article());
    assertTrue(reference.html());
  }

  @Test
  public void softHyphensAndZeroWidthCharactersAreRemoved() throws Exception {
    String html = "<html><body><article><p>Schon im Mit\u00adtel\u00adal\u00adter war der Wein das Aus\u00adhän\u00adge\u00adschild"
        + " der Region, und die Win\u200bzer wussten das.</p><p>Ein zweiter Absatz, damit der Artikel genug Text hat, um als"
        + " Artikel zu gelten.</p></article></body></html>";
    byte[] bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Metadata md = new Metadata();
    md.set(Metadata.CONTENT_TYPE, "text/html; charset=UTF-8");
    HtmlArticle a = HtmlArticleExtractor.extract(PARSER, TikaInputStream.get(bytes), bytes, md, new ParseContext(), 100_000);
    assertThat(body(a), containsString("Schon im Mittelalter war der Wein das Aushängeschild der Region, und die Winzer"));
  }

  @Test
  public void publishedDateKeepsThePagesOwnCalendarDay() throws Exception {
    // JSON-LD gives 08:30 at +02:00: the instant is 06:30Z, the page's day is the 17th
    assertEquals("2023-05-17", extract("news-article.html").publishedDate());
    assertEquals("2022-05-07", HtmlMetadata.localDate(Instant.parse("2022-05-08T01:06:00Z").toEpochMilli(), "2022-05-07T20:06:00-05:00"));
  }

  @Test
  public void authorNamesAreCleaned() {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    HtmlMetadata.addNames("By Jane Roe and John Smith | March 3, 2021", names);
    HtmlMetadata.addNames("Von Erika Mustermann, 3. März 2021", names);
    HtmlMetadata.addNames("Posted by Max Weber - Senior Editor", names);
    assertEquals(List.of("Jane Roe", "John Smith", "Erika Mustermann", "Max Weber"), List.copyOf(names));
  }

  @Test
  public void siteSuffixIsRemovedFromTitles() {
    assertEquals("Bridge reopens", HtmlMetadata.stripSite("Bridge reopens | The Ledger", "The Ledger", null));
    assertEquals("Bridge reopens", HtmlMetadata.stripSite("Ledger - Bridge reopens", null, "https://www.ledger.example/a"));
    assertEquals("Rock - Paper - Scissors explained", HtmlMetadata.stripSite("Rock - Paper - Scissors explained", null, null));
  }

  @Test
  public void leadInLineEndingInAColonGoesWithTheLinkListItAnnounces() throws Exception {
    String body = body(extract("lead-in-link-list.html"));
    assertThat(body, containsString("Ein Team aus Hamburg hat die Messreihen"));
    assertThat(body, containsString("sofern die Finanzierung gesichert ist."));
    for (String chrome : List.of("Weitere Informationen:", "Kontakt:", "Datensatz zum Herunterladen", "presse@example.org")) {
      assertThat(body, not(containsString(chrome)));
    }
  }

  @Test
  public void hAtomPublishedTitleWinsOverAnUpdatedDateBox() throws Exception {
    HtmlArticle a = extract("hatom-published.html");
    assertEquals(Instant.parse("2018-06-05T15:00:00Z").toEpochMilli(), (long) a.publishedAt());
    assertEquals("2018-06-05", a.publishedDate());
  }

  @Test
  public void rdfaDateCreatedPropertyIsThePublicationTime() throws Exception {
    HtmlArticle a = extract("rdfa-date.html");
    assertEquals(Instant.parse("2022-01-28T12:45:46Z").toEpochMilli(), (long) a.publishedAt());
  }

  @Test
  public void datelineOpeningALongParagraphGivesTheDate() throws Exception {
    HtmlArticle a = extract("dateline-in-paragraph.html");
    assertEquals(Instant.parse("2022-01-25T00:00:00Z").toEpochMilli(), (long) a.publishedAt());
    assertThat(body(a), containsString("Pressemitteilung vom 25. Januar 2022"));
  }

  @Test
  public void cookieDialogNeverOutscoresAShortArticle() throws Exception {
    String body = body(extract("consent-dialog.html"));
    assertThat(body, containsString("Der Plakatwettbewerb für Kinder findet in diesem Jahr"));
    assertThat(body, containsString("Kinder zwischen sechs und zwölf Jahren"));
    for (String chrome : List.of("Datenschutz-Übersicht", "verwendet Cookies", "Google Analytics")) {
      assertThat(body, not(containsString(chrome)));
    }
  }

  @Test
  public void ariaDialogLayerNeverOutscoresTheArticle() throws Exception {
    String body = body(extract("popup-layer.html"));
    assertThat(body, containsString("The conference, which is scheduled for June 13 to 17"));
    assertThat(body, not(containsString("officer training programme provides")));
  }

  /** An article inside {@code depth} nested divs, with a link list at the same depth. */
  private static byte[] nested(int depth) {
    StringBuilder b = new StringBuilder("<html><head><title>Deep page</title></head><body>");
    b.append("<div>".repeat(depth));
    b.append("<ul class=\"menu\"><li><a href=\"/a\">Home</a></li><li><a href=\"/b\">Weather</a></li></ul>");
    b.append("<p>The water board said on Monday that the reservoir will be drained in spring, after engineers found"
        + " cracks in the northern dam wall.</p>");
    b.append("<p>Residents downstream will be informed by letter, and the footpath along the dam stays closed.</p>");
    b.append("</div>".repeat(depth));
    return b.append("</body></html>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  public void deeplyNestedPageExtractsItsArticle() throws Exception {
    for (int depth : new int[] {150, 10_000}) {
      DocumentExtractor.Parsed parsed =
          new DocumentExtractor(ExtractionLimits.DEFAULTS.inProcess(), ExtractorKind.NEWSBEAM).parse("file:///x/deep.html", nested(depth));
      String body = body(parsed.article());
      assertThat("depth " + depth, body, containsString("cracks in the northern dam wall"));
      assertThat("depth " + depth, body, containsString("the footpath along the dam stays closed"));
      assertThat("depth " + depth, body, not(containsString("Weather")));
    }
  }

  @Test
  public void pageModelNeverNestsDeeperThanItsCap() throws Exception {
    byte[] bytes = nested(2_000);
    PageModelBuilder builder = new PageModelBuilder(1_000_000);
    org.apache.tika.parser.AutoDetectParser deep = new org.apache.tika.parser.AutoDetectParser();
    org.apache.tika.parser.AutoDetectParserConfig config = new org.apache.tika.parser.AutoDetectParserConfig();
    config.setMaximumDepth(100_000);
    deep.setAutoDetectParserConfig(config);
    ParseContext context = new ParseContext();
    context.set(org.apache.tika.parser.html.HtmlMapper.class, KeepAllHtmlMapper.INSTANCE);
    deep.parse(TikaInputStream.get(bytes), builder, new Metadata(), context);
    PageModel model = builder.model();
    int max = model.nodes.stream().mapToInt(n -> n.depth).max().orElse(0);
    assertTrue("deepest node " + max, max <= PageModelBuilder.MAX_DEPTH);
    assertTrue(model.nodes.size() > 500);
    assertTrue(model.paragraphs.stream().anyMatch(p -> p.text.contains("cracks in the northern dam wall")));
  }

  @Test
  public void theDayShownAtTheHeadSettlesAUtcTimestampOneDayOff() throws Exception {
    // JSON-LD: 02:41 GMT on the 4th; the page shows "3 de mayo de 2022, 22:41" (an evening story west of UTC)
    HtmlArticle a = extract("utc-timestamp-local-day.html");
    assertEquals(Instant.parse("2022-05-04T02:41:00Z").toEpochMilli(), (long) a.publishedAt());
    assertEquals("2022-05-03", a.publishedDate());
  }

  @Test
  public void timesOfTeasersAfterTheArticleDoNotDateIt() throws Exception {
    HtmlArticle a = extract("teaser-times.html");
    assertEquals("2023-10-31", a.publishedDate());
  }
}
