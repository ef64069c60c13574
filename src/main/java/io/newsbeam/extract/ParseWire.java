package io.newsbeam.extract;

import io.newsbeam.errors.RejectReason;
import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.html.HtmlArticle;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.tika.metadata.Metadata;

/**
 * The byte protocol between the worker and a parse child JVM: requests (id, extractor kind, text limit, name,
 * bytes) and answers framed by the request's id (a {@link DocumentExtractor.Parsed} or a reject), so that several
 * parses can be in flight in one child and answer in any order. Plain data, no Java serialization, so class
 * loaders of the runner do not matter.
 */
final class ParseWire {
  private ParseWire() {}

  static final int REQUEST = 0x4e425251; // "NBRQ"
  static final byte READY = 0x52;
  static final byte PARSED = 0;
  static final byte REJECTED = 1;

  record Request(int id, ExtractorKind kind, int maxTextChars, long timeoutMillis, String sourceUri, byte[] bytes) {}

  /** One answer as it crosses the pipe: the request's id and the encoded answer ({@link #readAnswer}). */
  record Frame(int id, byte[] answer) {}

  static void writeRequest(DataOutputStream out, Request r) throws IOException {
    out.writeInt(REQUEST);
    out.writeInt(r.id());
    writeString(out, r.kind().name());
    out.writeInt(r.maxTextChars());
    out.writeLong(r.timeoutMillis());
    writeString(out, r.sourceUri());
    out.writeInt(r.bytes().length);
    out.write(r.bytes());
    out.flush();
  }

  /** Reads a request, or returns null at the end of the stream (the worker went away). */
  static Request readRequest(DataInputStream in) throws IOException {
    int magic;
    try {
      magic = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (magic != REQUEST) {
      throw new IOException("not a parse request: " + Integer.toHexString(magic));
    }
    int id = in.readInt();
    ExtractorKind kind = ExtractorKind.valueOf(readString(in));
    int maxTextChars = in.readInt();
    long timeout = in.readLong();
    String uri = readString(in);
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new Request(id, kind, maxTextChars, timeout, uri, bytes);
  }

  /** Writes one framed answer (callers that share {@code out} between threads hold its lock). */
  static void writeFrame(DataOutputStream out, Frame f) throws IOException {
    out.writeInt(f.id());
    out.writeInt(f.answer().length);
    out.write(f.answer());
    out.flush();
  }

  /** Reads one framed answer; throws {@link EOFException} when the child's output has ended. */
  static Frame readFrame(DataInputStream in) throws IOException {
    int id = in.readInt();
    byte[] answer = new byte[in.readInt()];
    in.readFully(answer);
    return new Frame(id, answer);
  }

  static void writeParsed(DataOutputStream out, DocumentExtractor.Parsed p) throws IOException {
    out.writeByte(PARSED);
    writeString(out, p.contentType());
    out.writeBoolean(p.html());
    String[] names = p.metadata().names();
    Arrays.sort(names);
    out.writeInt(names.length);
    for (String name : names) {
      writeString(out, name);
      String[] values = p.metadata().getValues(name);
      out.writeInt(values.length);
      for (String v : values) {
        writeString(out, v);
      }
    }
    out.writeInt(p.blocks().size());
    for (List<String> block : p.blocks()) {
      writeStrings(out, block);
    }
    HtmlArticle a = p.article();
    out.writeBoolean(a != null);
    if (a != null) {
      writeStrings(out, a.paragraphs());
      writeNullable(out, a.title());
      writeStrings(out, a.authors());
      out.writeBoolean(a.publishedAt() != null);
      if (a.publishedAt() != null) {
        out.writeLong(a.publishedAt());
      }
      writeNullable(out, a.publishedDate());
      writeNullable(out, a.site());
    }
    out.flush();
  }

  private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      writeString(out, s);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readString(in));
    }
    return List.copyOf(out);
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      writeString(out, s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }

  static void writeRejected(DataOutputStream out, RejectedException e) throws IOException {
    out.writeByte(REJECTED);
    writeString(out, e.reason().name());
    writeString(out, String.valueOf(e.getMessage()));
    out.flush();
  }

  /** Reads an answer: the parsed document, or throws the reject the child decided on. */
  static DocumentExtractor.Parsed readAnswer(DataInputStream in) throws IOException, RejectedException {
    byte status = in.readByte();
    if (status == REJECTED) {
      RejectReason reason = RejectReason.valueOf(readString(in));
      throw new RejectedException(reason, readString(in));
    }
    if (status != PARSED) {
      throw new IOException("bad answer status " + status);
    }
    String type = readString(in);
    boolean html = in.readBoolean();
    Metadata metadata = new Metadata();
    int names = in.readInt();
    for (int i = 0; i < names; i++) {
      String name = readString(in);
      int n = in.readInt();
      for (int j = 0; j < n; j++) {
        metadata.add(name, readString(in));
      }
    }
    int blockCount = in.readInt();
    List<List<String>> blocks = new ArrayList<>(blockCount);
    for (int i = 0; i < blockCount; i++) {
      blocks.add(readStrings(in));
    }
    HtmlArticle article = null;
    if (in.readBoolean()) {
      List<String> paragraphs = readStrings(in);
      String title = readNullable(in);
      List<String> authors = readStrings(in);
      Long publishedAt = in.readBoolean() ? in.readLong() : null;
      String publishedDate = readNullable(in);
      String site = readNullable(in);
      article = new HtmlArticle(paragraphs, title, authors, publishedAt, publishedDate, site);
    }
    return new DocumentExtractor.Parsed(type, metadata, List.copyOf(blocks), html, article);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
