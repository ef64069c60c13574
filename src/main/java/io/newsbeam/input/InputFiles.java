package io.newsbeam.input;

import io.newsbeam.errors.RejectReason;
import io.newsbeam.errors.RejectedException;
import io.newsbeam.text.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns the bytes of one input file into documents: gzip is decompressed, a zip archive becomes one document
 * per entry, all within byte limits (so compression bombs become rejects). Plain Java, no Beam.
 */
public final class InputFiles {
  private InputFiles() {}

  /** Most entries read from one zip archive. */
  public static final int MAX_ZIP_ENTRIES = 10_000;

  /** One document found in an input file, or the reason it cannot be one. */
  public record Entry(String sourceUri, String relativePath, byte[] bytes, RejectedException rejected) {
    public boolean isRejected() {
      return rejected != null;
    }

    /** Deterministic id: path relative to the input glob plus the bytes' hash. */
    public String articleId() {
      String bytesHash = bytes == null ? "" : Hashing.sha256Hex(bytes);
      return Hashing.shortHash(relativePath + "\n" + bytesHash, 16);
    }
  }

  /** The part of a glob before its first wildcard, up to the last '/': ids are relative to it. */
  public static String globBase(String glob) {
    int wildcard = firstWildcard(glob);
    String prefix = wildcard < 0 ? glob : glob.substring(0, wildcard);
    int slash = prefix.lastIndexOf('/');
    return slash < 0 ? "" : prefix.substring(0, slash + 1);
  }

  /** {@code uri} relative to {@code base}: the last path segment(s) that identify it inside the input. */
  public static String relativePath(String uri, String base) {
    String u = stripScheme(uri);
    String b = stripScheme(base);
    int at = b.isEmpty() ? -1 : u.indexOf(b);
    if (at >= 0) {
      return u.substring(at + b.length());
    }
    int slash = u.lastIndexOf('/');
    return slash >= 0 ? u.substring(slash + 1) : u;
  }

  /** Reads {@code in} fully, failing with too_large past {@code maxBytes}. */
  public static byte[] readBounded(InputStream in, long maxBytes) throws IOException, RejectedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > maxBytes) {
        throw new RejectedException(
            RejectReason.TOO_LARGE, "more than " + maxBytes + " bytes (raise --maxInputBytes to accept it)");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Documents in one input file. {@code open} supplies the raw stream; gzip and zip are unpacked by name and
   * by magic bytes.
   */
  public static List<Entry> documents(String sourceUri, String relativePath, InputStream raw, long maxBytes)
      throws IOException {
    List<Entry> out = new ArrayList<>();
    byte[] bytes;
    try {
      bytes = readBounded(raw, maxBytes);
    } catch (RejectedException e) {
      out.add(new Entry(sourceUri, relativePath, null, e));
      return out;
    }
    String lower = sourceUri.toLowerCase(Locale.ROOT);
    if (isGzip(bytes)) {
      try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
        bytes = readBounded(gz, maxBytes);
      } catch (RejectedException e) {
        out.add(new Entry(sourceUri, relativePath, null,
            new RejectedException(RejectReason.TOO_LARGE, "gzip expands to " + e.getMessage())));
        return out;
      } catch (IOException e) {
        out.add(new Entry(sourceUri, relativePath, null,
            new RejectedException(RejectReason.PARSE_ERROR, "broken gzip: " + e.getMessage(), e)));
        return out;
      }
      lower = lower.replaceFirst("\\.gz$", "");
    }
    if (isZip(bytes) && lower.endsWith(".zip")) {
      return zipEntries(sourceUri, relativePath, bytes, maxBytes);
    }
    out.add(new Entry(sourceUri, relativePath, bytes, null));
    return out;
  }

  private static List<Entry> zipEntries(String sourceUri, String relativePath, byte[] zip, long maxBytes) {
    List<Entry> out = new ArrayList<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      ZipEntry entry;
      int count = 0;
      while ((entry = in.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        if (++count > MAX_ZIP_ENTRIES) {
          return List.of(new Entry(sourceUri, relativePath, null,
              new RejectedException(RejectReason.ARCHIVE_LIMIT, "more than " + MAX_ZIP_ENTRIES + " entries")));
        }
        String uri = sourceUri + "!/" + entry.getName();
        String rel = relativePath + "!/" + entry.getName();
        try {
          byte[] bytes = readBounded(in, maxBytes - total);
          total += bytes.length;
          out.add(new Entry(uri, rel, bytes, null));
        } catch (RejectedException e) {
          return List.of(new Entry(sourceUri, relativePath, null,
              new RejectedException(RejectReason.ARCHIVE_LIMIT,
                  "archive expands past " + maxBytes + " bytes (raise --maxInputBytes to accept it)")));
        }
      }
    } catch (IOException e) {
      return List.of(new Entry(sourceUri, relativePath, null,
          new RejectedException(RejectReason.PARSE_ERROR, "broken zip: " + e.getMessage(), e)));
    }
    if (out.isEmpty()) {
      out.add(new Entry(sourceUri, relativePath, null,
          new RejectedException(RejectReason.EMPTY, "the archive holds no files")));
    }
    return out;
  }

  static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  static boolean isZip(byte[] b) {
    return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
  }

  private static int firstWildcard(String glob) {
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }

  private static String stripScheme(String s) {
    return s.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("^file:", "");
  }
}
