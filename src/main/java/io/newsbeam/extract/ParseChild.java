package io.newsbeam.extract;

import io.newsbeam.errors.RejectedException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Entry point of a parse child JVM ({@link ParseProcessPool}): reads requests on stdin, parses each with the
 * same {@link DocumentExtractor} code in its own JVM, answers on stdout. Ends when stdin closes.
 */
public final class ParseChild {
  private ParseChild() {}

  /** Loads Tika and its parsers before saying ready, so a document's timeout never pays for JVM start-up. */
  static void warmUp() {
    try {
      new DocumentExtractor(ExtractionLimits.DEFAULTS.inProcess(), ExtractorKind.NEWSBEAM)
          .parse("file:///warm-up.html",
              "<html><head><title>Warm up</title></head><body><p>Warm-up text for the parser.</p></body></html>"
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (RejectedException e) {
      // the warm-up document's outcome does not matter
    }
  }

  public static void main(String[] args) throws IOException {
    DataOutputStream answers =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    // Parsers may print: keep stdout for the protocol only.
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    DataInputStream requests =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
    Map<String, DocumentExtractor> extractors = new HashMap<>();
    warmUp();
    answers.writeByte(ParseWire.READY);
    answers.flush();
    ParseWire.Request r;
    while ((r = ParseWire.readRequest(requests)) != null) {
      ExtractionLimits limits =
          new ExtractionLimits(Long.MAX_VALUE, r.maxTextChars(), r.timeoutMillis(), 0, 0, ParseIsolation.NONE);
      ParseWire.Request req = r;
      DocumentExtractor extractor =
          extractors.computeIfAbsent(r.kind() + "/" + r.maxTextChars() + "/" + r.timeoutMillis(),
              k -> new DocumentExtractor(limits, req.kind()));
      try {
        ParseWire.writeParsed(answers, extractor.parse(r.sourceUri(), r.bytes()));
      } catch (RejectedException e) {
        ParseWire.writeRejected(answers, e);
      }
    }
  }
}
