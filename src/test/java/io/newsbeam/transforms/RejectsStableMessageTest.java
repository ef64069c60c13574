package io.newsbeam.transforms;

import static org.junit.Assert.assertEquals;

import io.newsbeam.errors.RejectReason;
import org.junit.Test;

/** Reject messages must not carry JVM identity hashes: the same input gives the same record on every runner. */
public class RejectsStableMessageTest {
  @Test
  public void identityHashesAreDropped() {
    assertEquals("TIKA-198: Illegal IOException from org.apache.tika.parser.pdf.PDFParser",
        Rejects.stable("TIKA-198: Illegal IOException from org.apache.tika.parser.pdf.PDFParser@2d3c4a76"));
    assertEquals("a.b.C and D", Rejects.stable("a.b.C@1f and D@67d12e15"));
  }

  @Test
  public void otherAtSignsStay() {
    assertEquals("write to desk@example.com", Rejects.stable("write to desk@example.com"));
    assertEquals("user@host: 3 errors", Rejects.stable("user@host: 3 errors"));
    assertEquals("mail ab@cafe.org", Rejects.stable("mail ab@cafe.org"));
  }

  @Test
  public void recordsGetTheStableMessage() {
    assertEquals("parse failed in PDFParser",
        Rejects.of("f.pdf", "extract", RejectReason.PARSE_ERROR, "parse failed in PDFParser@abcdef12", 700).getMessage());
  }
}
