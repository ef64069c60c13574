package io.newsbeam.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders {@code _REPORT.html}: one self-contained page (inline CSS, JavaScript and SVG; nothing fetched) that
 * draws the report section of the manifest. The numbers are embedded once as JSON, so the page and
 * {@code _MANIFEST.json} cannot disagree.
 */
public final class ReportHtml {
  private ReportHtml() {}

  /** The page for a manifest that holds a {@code report} section. */
  public static String render(Map<String, Object> manifest) {
    String template = resource("report.html");
    String json;
    try {
      json = new ObjectMapper().writeValueAsString(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    // Inside <script>, "</" could close the element: escape it (and U+2028/9, which old parsers reject).
    String safe = json.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    return template.replace("/*REPORT_DATA*/null", safe);
  }

  private static String resource(String name) {
    try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/newsbeam/report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
