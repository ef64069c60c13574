package io.newsbeam.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsbeam.output.Manifest;
import io.newsbeam.report.ReportHtml;
import io.newsbeam.report.RunReport;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Writes the run report of a finished output: reads the tables back, adds a {@code report} section to
 * {@code _MANIFEST.json} and writes {@code _REPORT.html} beside it. Runs in the launching process after the
 * pipeline is done, so it works the same on every runner and sees the launcher's stage timings.
 */
public final class PublishReport {
  private PublishReport() {}

  public static final String REPORT = "_REPORT.html";

  /** Writes the report; {@code stages}/{@code wallMillis} may be empty/null (then earlier timings are kept). */
  public static Map<String, Object> write(String output, List<RunReport.StageTiming> stages, Long wallMillis)
      throws IOException {
    ResourceId dir = FileSystems.matchNewResource(output, true);
    ResourceId manifestFile = dir.resolve(Manifest.MANIFEST, StandardResolveOptions.RESOLVE_FILE);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> manifest;
    try (InputStream in = Channels.newInputStream(FileSystems.open(manifestFile))) {
      manifest = json.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (FileNotFoundException | java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(
          output + " has no " + Manifest.MANIFEST + ": give the --output folder of a finished newsbeam run", e);
    }
    Map<String, Object> report = RunReport.build(OutputTables.readAll(output), stages, wallMillis);
    if (stages.isEmpty() && manifest.get("report") instanceof Map<?, ?> old
        && old.get("stage_timings") instanceof Map<?, ?> timings
        && timings.get("stages") instanceof List<?> l && !l.isEmpty()) {
      report.put("stage_timings", timings); // regenerating from the output alone keeps the run's timings
    }
    report.put("output", output);
    manifest.put("report", report);
    writeFile(manifestFile, json.writeValueAsBytes(manifest), MimeTypes.TEXT);
    writeFile(dir.resolve(REPORT, StandardResolveOptions.RESOLVE_FILE),
        ReportHtml.render(manifest).getBytes(StandardCharsets.UTF_8), "text/html");
    return manifest;
  }

  private static void writeFile(ResourceId file, byte[] bytes, String mime) throws IOException {
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file, mime))) {
      out.write(bytes);
    }
  }
}
