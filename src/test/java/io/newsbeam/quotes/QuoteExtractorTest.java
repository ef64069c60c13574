package io.newsbeam.quotes;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import org.junit.Test;

public class QuoteExtractorTest {
  private final QuoteExtractor extractor = new QuoteExtractor();

  private List<ExtractedQuote> quotes(String... paragraphs) {
    return extractor.extract(String.join("\n\n", paragraphs));
  }

  private static List<String> texts(List<ExtractedQuote> qs) {
    return qs.stream().map(ExtractedQuote::text).toList();
  }

  private static List<String> speakers(List<ExtractedQuote> qs) {
    return qs.stream().map(ExtractedQuote::speaker).toList();
  }

  @Test
  public void invertedAttributionAfterTheQuote() {
    List<ExtractedQuote> qs = quotes("“The harbour will reopen on Monday,” said Martens.");
    assertThat(texts(qs), contains("The harbour will reopen on Monday"));
    assertThat(speakers(qs), contains("Martens"));
  }

  @Test
  public void subjectThenVerbAfterTheQuoteWithTitlesStripped() {
    List<ExtractedQuote> qs = quotes(
        "\"We expected a difficult round of talks,\" Deputy Trade Minister Ilse Martens said on Tuesday.");
    assertThat(speakers(qs), contains("Ilse Martens"));
  }

  @Test
  public void shortNameResolvesToTheFullNameUsedEarlier() {
    List<ExtractedQuote> qs = quotes(
        "Port authority spokeswoman Ilse Martens spoke to reporters at the harbour on Tuesday morning.",
        "“The harbour will reopen on Monday once the divers are done,” Martens said.");
    assertThat(speakers(qs), contains("Ilse Martens"));
  }

  @Test
  public void organisationAttributionResolvesToTheNamedBody() {
    List<ExtractedQuote> qs = quotes(
        "The Dutch Ministry of Infrastructure published its report on the collapse late on Friday.",
        "“The bridge was inspected twice last year,” the ministry said.");
    assertThat(speakers(qs), contains("Dutch Ministry of Infrastructure"));
  }

  @Test
  public void appositiveBeforeThatClause() {
    List<ExtractedQuote> qs = quotes(
        "Martens, the port authority spokeswoman, said that “the harbour will reopen on Monday at the earliest.”");
    assertThat(speakers(qs), contains("Martens"));
    assertThat(texts(qs), contains("the harbour will reopen on Monday at the earliest."));
  }

  @Test
  public void subjectBeforeAnAdverbialAndAParticiple() {
    List<ExtractedQuote> qs = quotes(
        "Norway’s fisheries ministry in a statement on Monday expressed regret, saying “one more chance has been missed to settle the quota dispute.”");
    assertThat(speakers(qs), contains("Norway’s fisheries ministry"));
  }

  @Test
  public void quoteSplitByItsAttributionKeepsTheSpeakerForBothParts() {
    List<ExtractedQuote> qs = quotes(
        "Ilse Martens leads the port authority.",
        "“The divers found no damage,” Martens said. “We will reopen the harbour on Monday.”");
    assertThat(texts(qs), contains("The divers found no damage", "We will reopen the harbour on Monday."));
    assertThat(speakers(qs), contains("Ilse Martens", "Ilse Martens"));
  }

  @Test
  public void pronounResolvesToTheMostRecentlyNamedSpeaker() {
    List<ExtractedQuote> qs = quotes(
        "“The divers found no damage,” said Ilse Martens.",
        "“We will reopen the harbour on Monday,” she said.");
    assertThat(speakers(qs), contains("Ilse Martens", "Ilse Martens"));
  }

  @Test
  public void pronounIsLeftUnknownWhenAnotherNameOpensItsSentence() {
    List<ExtractedQuote> qs = quotes(
        "“The divers found no damage,” said Ilse Martens.",
        "Van Dijk also criticised the delay, in which he said the city “would pay a heavy price for years.”");
    assertEquals("Ilse Martens", qs.get(0).speaker());
    assertNull(qs.get(1).speaker());
  }

  @Test
  public void paragraphThatIsOnlyAQuoteContinuesTheIntroducedSpeaker() {
    List<ExtractedQuote> qs = quotes(
        "Here is what Ilse Martens told the council:",
        "“The divers found no damage. We will reopen the harbour on Monday.”",
        "“The ferries will run a reduced timetable for a week.”");
    assertThat(speakers(qs), contains("Ilse Martens", "Ilse Martens", "Ilse Martens"));
    // multi-sentence passage: one statement per sentence, same passage index
    assertThat(texts(qs), contains("The divers found no damage.", "We will reopen the harbour on Monday.",
        "The ferries will run a reduced timetable for a week."));
    assertEquals(qs.get(0).passage(), qs.get(1).passage());
  }

  @Test
  public void marksArePairedInOrderWhateverTheirDirection() {
    // translated copy with the closing and opening marks swapped around the attribution
    List<ExtractedQuote> qs = quotes(
        "“We regret that the proposal was rejected, “said the ministry.” Another opportunity has been lost to end the dispute. “");
    assertThat(texts(qs), contains("We regret that the proposal was rejected",
        "Another opportunity has been lost to end the dispute."));
    assertThat(speakers(qs), contains("ministry", "ministry"));
  }

  @Test
  public void straightQuotesAndNestedSingleQuotes() {
    List<ExtractedQuote> qs = quotes(
        "\"We are witnessing the same 'instincts' in the new administration,\" said Ilse Martens.");
    assertThat(texts(qs), contains("We are witnessing the same 'instincts' in the new administration"));
  }

  @Test
  public void singleQuotesDelimitOnlyWithoutDoubleQuotes() {
    List<ExtractedQuote> qs = quotes("The mayor’s office said the plan was ‘a long overdue safety measure’ for cyclists.");
    assertThat(texts(qs), contains("a long overdue safety measure"));
  }

  @Test
  public void scareQuotesAreNotStatements() {
    assertThat(quotes("The minister called the plan a “disaster” and the talks “substantive.”"), empty());
  }

  @Test
  public void abbreviationsDoNotSplitSentences() {
    assertThat(Sentences.split("Talks with the U.S. side went well. Mr. Holm agreed."),
        contains("Talks with the U.S. side went well.", "Mr. Holm agreed."));
  }
}
