package io.newsbeam.extract;

import io.newsbeam.errors.RejectedException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Entry point of a parse child JVM ({@link ParseProcessPool}): reads requests on stdin, parses each on a thread
 * of its own with the same {@link DocumentExtractor} code, and answers on stdout, each answer framed by its
 * request's id. Ends when stdin closes.
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
    warmUp();
    answers.writeByte(ParseWire.READY);
    answers.flush();
    // The worker bounds how many requests are in flight; each runs on its own thread and answers when done.
    ExecutorService parses = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "newsbeam-parse-child");
      t.setDaemon(true);
      return t;
    });
    ParseWire.Request r;
    while ((r = ParseWire.readRequest(requests)) != null) {
      ParseWire.Request request = r;
      parses.execute(() -> answer(request, answers));
    }
  }

  /** Parses one request with this thread's extractor and writes its framed answer. */
  private static void answer(ParseWire.Request r, DataOutputStream answers) {
    ExtractionLimits limits =
        new ExtractionLimits(Long.MAX_VALUE, r.maxTextChars(), r.timeoutMillis(), 0, 0, ParseIsolation.NONE);
    DocumentExtractor extractor =
        EXTRACTORS.get().computeIfAbsent(r.kind() + "/" + r.maxTextChars() + "/" + r.timeoutMillis(),
            k -> new DocumentExtractor(limits, r.kind()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream answer = new DataOutputStream(bytes);
    try {
      try {
        ParseWire.writeParsed(answer, extractor.parse(r.sourceUri(), r.bytes()));
      } catch (RejectedException e) {
        ParseWire.writeRejected(answer, e);
      }
      synchronized (answers) {
        ParseWire.writeFrame(answers, new ParseWire.Frame(r.id(), bytes.toByteArray()));
      }
    } catch (IOException e) {
      // The worker closed the pipe: it has gone away, and so does this JVM.
      System.exit(3);
    }
  }

  /** Extractors of a parse thread, by kind and limits. */
  private static final ThreadLocal<Map<String, DocumentExtractor>> EXTRACTORS = ThreadLocal.withInitial(HashMap::new);
}
