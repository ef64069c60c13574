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

  /** What to say when {@code --input} matches no file (at launch and in the read step). */
  public static String noMatch(String glob) {
    return "--input=" + glob + " matches no files: check the path, and quote the glob so that the shell does not"
        + " expand it";
  }

  /** Whether {@code --excludePattern} (a regular expression found anywhere in the path) drops {@code path}. */
  public static boolean excluded(String pattern, String path) {
    return pattern != null && !pattern.isEmpty() && java.util.regex.Pattern.compile(pattern).matcher(path).find();
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

  /** Limits on reading one input file: bytes after decompression, archive nesting and expansion ratio. */
  public record ReadLimits(long maxBytes, int maxArchiveDepth, int maxExpansionRatio) implements java.io.Serializable {
    /** Below this many decompressed bytes the expansion ratio is not checked (tiny files compress a lot). */
    public static final long RATIO_FLOOR_BYTES = 1L << 20;

    /** Most bytes an archive of {@code compressed} bytes may expand to before it counts as a bomb. */
    long expansionBudget(long compressed) {
      long byRatio = compressed * (long) maxExpansionRatio;
      return Math.max(byRatio, RATIO_FLOOR_BYTES);
    }
  }

  /**
   * Documents in one input file. gzip (by magic bytes) and zip (by magic bytes and a .zip name) are unpacked,
   * also when nested, up to {@code maxArchiveDepth} levels; any limit broken inside an archive makes the whole
   * input file one archive_limit reject (nothing of a bomb is half-read into documents).
   */
  public static List<Entry> documents(String sourceUri, String relativePath, InputStream raw, ReadLimits limits)
      throws IOException {
    byte[] bytes;
    try {
      bytes = readBounded(raw, limits.maxBytes());
    } catch (RejectedException e) {
      return List.of(new Entry(sourceUri, relativePath, null, e));
    }
    List<Entry> out = new ArrayList<>();
    try {
      unpack(sourceUri, relativePath, sourceUri.toLowerCase(Locale.ROOT), bytes, 0, limits, new long[1], out);
    } catch (RejectedException e) {
      return List.of(new Entry(sourceUri, relativePath, null, e));
    }
    if (out.isEmpty()) {
      return List.of(new Entry(sourceUri, relativePath, null,
          new RejectedException(RejectReason.EMPTY, "the archive holds no files")));
    }
    return out;
  }

  /** Same with the default depth (2) and ratio (200). */
  public static List<Entry> documents(String sourceUri, String relativePath, InputStream raw, long maxBytes)
      throws IOException {
    return documents(sourceUri, relativePath, raw, new ReadLimits(maxBytes, 2, 200));
  }

  private static void unpack(String uri, String rel, String lowerName, byte[] bytes, int depth, ReadLimits limits,
      long[] expanded, List<Entry> out) throws RejectedException {
    boolean gzip = isGzip(bytes);
    boolean zip = isZip(bytes) && lowerName.endsWith(".zip");
    if (!gzip && !zip) {
      out.add(new Entry(uri, rel, bytes, null));
      return;
    }
    if (depth + 1 > limits.maxArchiveDepth()) {
      throw new RejectedException(RejectReason.ARCHIVE_LIMIT, "archives nest more than " + limits.maxArchiveDepth()
          + " deep (raise --maxArchiveDepth to accept it)");
    }
    long budget = Math.min(limits.maxBytes(), limits.expansionBudget(bytes.length));
    if (gzip) {
      byte[] inner;
      try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
        inner = readBounded(gz, budget - expanded[0]);
      } catch (RejectedException e) {
        throw bomb(budget, limits);
      } catch (IOException e) {
        throw new RejectedException(RejectReason.PARSE_ERROR, "broken gzip: " + e.getMessage(), e);
      }
      expanded[0] += inner.length;
      unpack(uri, rel, lowerName.replaceFirst("\\.gz$", ""), inner, depth + 1, limits, expanded, out);
      return;
    }
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      int count = 0;
      while ((entry = in.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        if (++count > MAX_ZIP_ENTRIES) {
          throw new RejectedException(RejectReason.ARCHIVE_LIMIT, "more than " + MAX_ZIP_ENTRIES + " entries");
        }
        byte[] inner;
        try {
          inner = readBounded(in, budget - expanded[0]);
        } catch (RejectedException e) {
          throw bomb(budget, limits);
        }
        expanded[0] += inner.length;
        String name = entry.getName();
        unpack(uri + "!/" + name, rel + "!/" + name, name.toLowerCase(Locale.ROOT), inner, depth + 1, limits,
            expanded, out);
      }
    } catch (IOException e) {
      throw new RejectedException(RejectReason.PARSE_ERROR, "broken zip: " + e.getMessage(), e);
    }
  }

  private static RejectedException bomb(long budget, ReadLimits limits) {
    return new RejectedException(RejectReason.ARCHIVE_LIMIT, "archive expands past " + budget + " bytes (at most "
        + limits.maxExpansionRatio() + "x its compressed size and --maxInputBytes=" + limits.maxBytes()
        + "): a compression bomb? Raise --maxExpansionRatio or --maxInputBytes to accept it");
  }

  static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  static boolean isZip(byte[] b) {
    // a local file header, or the end record of an empty archive
    return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
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
