package io.newsbeam.extract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.newsbeam.extract.html.HtmlArticle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.junit.Test;

/** What a parse child sends back must arrive whole: blocks, Tika metadata and the HTML extractor's fields. */
public class ParseWireTest {
  private static DocumentExtractor.Parsed roundTrip(DocumentExtractor.Parsed p) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ParseWire.writeParsed(new DataOutputStream(bytes), p);
    return ParseWire.readAnswer(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }

  @Test
  public void carriesTheHtmlArticle() throws Exception {
    Metadata md = new Metadata();
    md.add("og:site_name", "The Ledger");
    HtmlArticle article = new HtmlArticle(List.of("First paragraph.", "Second."), "A title", List.of("Maria Delgado"),
        1715729400000L, "2024-05-14", "The Ledger");
    DocumentExtractor.Parsed back =
        roundTrip(new DocumentExtractor.Parsed("text/html", md, List.of(List.of("First paragraph.")), true, article));
    assertEquals(article, back.article());
    assertEquals("The Ledger", back.metadata().get("og:site_name"));
    assertEquals(List.of(List.of("First paragraph.")), back.blocks());
  }

  @Test
  public void carriesNullFieldsAndNoArticle() throws Exception {
    HtmlArticle sparse = new HtmlArticle(List.of(), null, List.of(), null, null, null);
    assertEquals(sparse, roundTrip(new DocumentExtractor.Parsed("text/html", new Metadata(), List.of(), true, sparse)).article());
    assertNull(roundTrip(new DocumentExtractor.Parsed("text/plain", new Metadata(), List.of(), false, null)).article());
  }
}
