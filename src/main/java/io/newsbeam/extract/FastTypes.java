package io.newsbeam.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.tika.mime.MediaType;

/**
 * The media type of the commonest inputs, read from their first bytes where Tika's full detection is known to
 * agree; {@code null} for everything else, which Tika then detects. Tika's {@code MimeTypes} evaluates its magic
 * patterns in priority order on the first 64 KB (a fresh stream per pattern, regexes compiled per call): about a
 * quarter of the CPU of extracting a page. A page named {@code .html} or {@code .htm} that opens with an HTML
 * doctype or {@code <html} (after a byte-order mark and white space) is {@code text/html}, and a {@code .pdf}
 * that opens with {@code %PDF-} is {@code application/pdf}, for Tika as here; {@code FastTypesTest} checks both
 * against Tika on every page of the dev data, the sample input and the test fixtures. Pages with an XHTML doctype,
 * an XML declaration or an XML namespace in the first 64 KB go to Tika (they may be {@code application/xhtml+xml}).
 */
public final class FastTypes {
  private static final MediaType PDF = MediaType.application("pdf");
  /** Bytes Tika's magic detection reads. */
  private static final int WINDOW = 64 * 1024;

  private FastTypes() {}

  /** The type of {@code bytes} named {@code name}, or null when Tika must decide. */
  public static MediaType detect(byte[] bytes, String name) {
    String ext = extension(name);
    if (ext.equals("html") || ext.equals("htm")) {
      String head = head(bytes);
      String lower = head.toLowerCase(Locale.ROOT);
      boolean doctype = lower.startsWith("<!doctype html>")
          || lower.startsWith("<!doctype html ") && !lower.contains("xhtml") && lower.endsWith(">");
      boolean root = lower.startsWith("<html>") || lower.startsWith("<html ") && lower.endsWith(">");
      if ((doctype || root) && !containsXmlMarks(bytes)) {
        return MediaType.TEXT_HTML;
      }
    }
    if (ext.equals("pdf") && bytes.length >= 5
        && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      return PDF;
    }
    return null;
  }

  /**
   * An XML namespace or declaration in the window Tika reads: an HTML 4 doctype over {@code <html xmlns=…>} is
   * {@code application/xhtml+xml} to Tika.
   */
  private static boolean containsXmlMarks(byte[] bytes) {
    int end = Math.min(bytes.length, WINDOW);
    for (int i = 0; i + 5 <= end; i++) {
      if (lowerAscii(bytes[i]) == 'x' && lowerAscii(bytes[i + 1]) == 'm' && lowerAscii(bytes[i + 2]) == 'l'
          && (lowerAscii(bytes[i + 3]) == 'n' && lowerAscii(bytes[i + 4]) == 's'
              || i > 1 && bytes[i - 1] == '?' && bytes[i - 2] == '<')) {
        return true;
      }
    }
    return false;
  }

  private static int lowerAscii(byte b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }

  /** The first tag of the text (up to 256 bytes), after a UTF-8 byte-order mark and white space. */
  private static String head(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    int end = Math.min(bytes.length, i + 256);
    String s = new String(bytes, i, end - i, StandardCharsets.ISO_8859_1);
    int close = s.indexOf('>');
    return close < 0 ? s : s.substring(0, close + 1);
  }

  private static String extension(String name) {
    if (name == null) {
      return "";
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
