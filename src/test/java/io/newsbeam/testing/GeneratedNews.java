package io.newsbeam.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A larger input made from sample-input, the same for every call: {@code n} text and HTML variants of the sample
 * articles (each with its own added paragraph, so each is a distinct article), exact copies of some of them
 * under other names (duplicates), gzip copies, and truncated PDFs (rejects). For runner tests that need a job
 * that runs for a while; nothing here is tuned to the pipeline's rules.
 */
public final class GeneratedNews {
  private GeneratedNews() {}

  /** Writes the documents into {@code dir} and returns how many files it wrote. */
  public static int write(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    List<Path> bases = new ArrayList<>();
    try (Stream<Path> s = Files.list(Paths.sampleInput())) {
      s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".html")).sorted().forEach(bases::add);
    }
    byte[] brokenPdf = Files.readAllBytes(Paths.sampleInput().resolve("broken-truncated.pdf"));
    int files = 0;
    for (int i = 0; i < n; i++) {
      Path base = bases.get(i % bases.size());
      String name = base.getFileName().toString();
      String ext = name.substring(name.lastIndexOf('.'));
      String text = withParagraph(Files.readString(base, StandardCharsets.UTF_8), i, ext.equals(".html"));
      Path doc = dir.resolve(String.format("gen-%05d%s", i, ext));
      Files.writeString(doc, text, StandardCharsets.UTF_8);
      files++;
      if (i % 7 == 3) {
        Files.writeString(dir.resolve(String.format("copy-of-gen-%05d%s", i, ext)), text, StandardCharsets.UTF_8);
        files++;
      }
      if (i % 11 == 5) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(String.format("gz-of-gen-%05d%s.gz", i, ext))))) {
          out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        files++;
      }
      if (i % 25 == 7) {
        Files.write(dir.resolve(String.format("broken-%05d.pdf", i)), brokenPdf);
        files++;
      }
    }
    return files;
  }

  /** Adds a numbered paragraph after the first paragraph of the body. */
  static String withParagraph(String text, int i, boolean html) {
    String para = "Follow-up number " + i + ": the regional office confirmed on the record that its review of case "
        + (1000 + i) + " had started and that residents would receive written notice within " + (2 + i % 9) + " days.";
    if (html) {
      int p = text.indexOf("</p>");
      return p < 0 ? text : text.substring(0, p + 4) + "\n<p>" + para + "</p>" + text.substring(p + 4);
    }
    int blank = text.indexOf("\n\n", text.length() / 3);
    return blank < 0 ? text + "\n\n" + para + "\n" : text.substring(0, blank) + "\n\n" + para + text.substring(blank);
  }
}
