package io.newsbeam.hostile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes the hostile-input corpus into a folder: the small text files committed under
 * {@code src/test/resources/hostile/} plus the binary, large and machine-specific ones generated here (bombs,
 * a 50 MB one-line page, PDFs, symlinks, XXE files pointing at a canary file and a local port). Each file
 * comes with what the pipeline must make of it. Deterministic: fixed seeds, fixed content.
 */
public final class HostileCorpus {
  private HostileCorpus() {}

  /** A marker that must never appear in any output: the content of the file the XXE entities point at. */
  public static final String CANARY = "CANARY-5e1f0c7d-must-never-be-read";

  /** Outcome of a path the input glob does not list (Beam's match skips dangling symlinks and loops). */
  public static final String NOT_LISTED = "not listed by the input match";

  /** One corpus file: its name, what it is, and the expected outcome ({@code article}, {@code duplicate}, or a reject code). */
  public record Case(String name, String what, String expected) {}

  static final String STORY =
      "City council approves new budget for schools and roads\n\n"
          + "The city council voted 7-2 on Tuesday night to approve a budget that raises spending on schools and"
          + " road repairs by four percent, after a debate that lasted more than three hours.\n\n"
          + "Mayor Ellen Park said the plan would hire twenty new teachers and repave forty kilometres of streets"
          + " before the end of next year, paid for by savings in the city's vehicle fleet and a small rise in"
          + " parking fees.\n\n"
          + "Two council members voted against the budget, saying the parking fees would hurt shops in the old"
          + " town. The finance committee will review the fees again in the spring.\n";

  static String story(String topic) {
    return STORY.replace("schools and roads", topic).replace("schools and road repairs", topic);
  }

  static String html(String title, String body) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(title).append("</title></head><body><article><h1>").append(title).append("</h1>");
    for (String p : body.split("\n\n")) {
      b.append("<p>").append(p.strip()).append("</p>\n");
    }
    return b.append("</article></body></html>\n").toString();
  }

  /** Writes every case into {@code dir} (canary file and port for the XXE cases) and returns the cases. */
  public static List<Case> write(Path dir, Path canaryFile, int canaryPort, long maxInputBytes) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(canaryFile, CANARY + "\n");
    List<Case> cases = new ArrayList<>();
    String canaryUri = canaryFile.toUri().toString();
    String canaryUrl = "http://127.0.0.1:" + canaryPort + "/xxe";

    // committed small files
    for (String name : List.of("parser-spins.xml", "parser-exits-jvm.xml", "parser-out-of-memory.xml",
        "billion-laughs.xml", "quadratic-blowup.xml", "only-markup.html", "only-navigation.html",
        "tiny-text.txt", "control-characters.txt", "whitespace-only.txt", "whitespace-only.html")) {
      try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/" + name)) {
        if (in == null) {
          throw new IOException("missing test resource hostile/" + name);
        }
        Files.write(dir.resolve(name), in.readAllBytes());
      }
    }
    cases.add(new Case("parser-spins.xml", "Tika's MockParser in a busy loop that ignores interrupts", "parse_timeout"));
    cases.add(new Case("parser-exits-jvm.xml", "Tika's MockParser calls System.exit mid-parse", "parse_error"));
    cases.add(new Case("parser-out-of-memory.xml", "Tika's MockParser allocates until out of memory", "parse_error"));
    cases.add(new Case("billion-laughs.xml", "XML entity expansion bomb (billion laughs)", "parse_error"));
    cases.add(new Case("quadratic-blowup.xml", "XML with one large entity referenced many times", "parse_error"));
    cases.add(new Case("only-markup.html", "HTML with markup and no text", "no_text"));
    cases.add(new Case("only-navigation.html", "HTML page of menus and footer links only", "no_text"));
    cases.add(new Case("tiny-text.txt", "two words of text (no minimum article length yet)", "article"));
    cases.add(new Case("control-characters.txt", "text made of control characters", "unsupported_type"));
    cases.add(new Case("whitespace-only.txt", "spaces, tabs and newlines only", "empty"));
    cases.add(new Case("whitespace-only.html", "whitespace only, .html name", "empty"));

    // empty
    Files.write(dir.resolve("empty.txt"), new byte[0]);
    cases.add(new Case("empty.txt", "zero bytes", "empty"));
    Files.write(dir.resolve("empty.html"), new byte[0]);
    cases.add(new Case("empty.html", "zero bytes, .html name", "empty"));

    // binary noise
    Random random = new Random(7);
    for (String ext : List.of("html", "txt", "pdf")) {
      byte[] noise = new byte[64 * 1024];
      random.nextBytes(noise);
      Files.write(dir.resolve("binary-noise." + ext), noise);
    }
    cases.add(new Case("binary-noise.html", "64 KiB of random bytes named .html", "unsupported_type"));
    cases.add(new Case("binary-noise.txt", "64 KiB of random bytes named .txt", "unsupported_type"));
    cases.add(new Case("binary-noise.pdf", "64 KiB of random bytes named .pdf", "parse_error"));

    // PDFs
    byte[] pdf = pdf(story("harbour repairs"), null);
    Files.write(dir.resolve("good-article.pdf"), pdf);
    cases.add(new Case("good-article.pdf", "a fine one-page PDF article (control)", "article"));
    Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
    cases.add(new Case("truncated.pdf", "the first third of a PDF", "parse_error"));
    Files.write(dir.resolve("encrypted.pdf"), pdf(story("library hours"), "secret-user-password"));
    cases.add(new Case("encrypted.pdf", "PDF encrypted with a user password", "encrypted"));
    Files.write(dir.resolve("xfa-external-entity.pdf"), xfaPdf(canaryUri, canaryUrl));
    cases.add(new Case("xfa-external-entity.pdf", "PDF with an XFA form whose XML declares external entities"
        + " (file and http)", "article"));
    Files.write(dir.resolve("pdf-named.html"), pdf(story("bus timetables"), null));
    cases.add(new Case("pdf-named.html", "a fine PDF article named .html (wrong extension)", "article"));

    // Office
    Files.write(dir.resolve("corrupt.docx"), corruptDocx());
    cases.add(new Case("corrupt.docx", "a .docx whose zip is cut and overwritten with junk", "parse_error"));
    Files.write(dir.resolve("docx-named.pdf"), docx(story("park lighting")));
    cases.add(new Case("docx-named.pdf", "a fine DOCX article named .pdf (wrong extension)", "article"));
    Files.write(dir.resolve("spreadsheet.xlsx"), spreadsheet());
    cases.add(new Case("spreadsheet.xlsx", "an Excel workbook of figures (not news)", "unsupported_type"));
    Files.write(dir.resolve("image.png"), png());
    cases.add(new Case("image.png", "a PNG image (not news)", "unsupported_type"));
    Files.write(dir.resolve("image-named.html"), png());
    cases.add(new Case("image-named.html", "a PNG image named .html", "unsupported_type"));
    byte[] elf = new byte[4096];
    new Random(11).nextBytes(elf);
    System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
    Files.write(dir.resolve("executable.txt"), elf);
    cases.add(new Case("executable.txt", "an ELF executable header named .txt", "unsupported_type"));

    // archives and bombs
    Files.write(dir.resolve("zip-bomb.zip"), zipBomb());
    cases.add(new Case("zip-bomb.zip", "zip of 8 entries x 16 MiB of zeros (about 1000x)", "archive_limit"));
    Files.write(dir.resolve("nested-archive-bomb.zip"), nestedZipBomb());
    cases.add(new Case("nested-archive-bomb.zip", "zip of 10 zips of 10 zips of 10 MiB of zeros", "archive_limit"));
    Files.write(dir.resolve("gzip-bomb.html.gz"), gzip(zeros(200 << 20)));
    cases.add(new Case("gzip-bomb.html.gz", "gzip of 200 MiB of zeros", "archive_limit"));
    Files.write(dir.resolve("gzip-in-gzip-in-gzip.txt.gz"),
        gzip(gzip(gzip(story("tram lines").getBytes(StandardCharsets.UTF_8)))));
    cases.add(new Case("gzip-in-gzip-in-gzip.txt.gz", "an article gzipped three times (deeper than 2)", "archive_limit"));
    byte[] brokenGz = gzip(story("water meters").getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("broken.txt.gz"), Arrays.copyOf(brokenGz, brokenGz.length / 2));
    cases.add(new Case("broken.txt.gz", "a gzip cut in half", "parse_error"));
    Files.write(dir.resolve("empty-archive.zip"), zip(List.<Object[]>of()));
    cases.add(new Case("empty-archive.zip", "a zip with no entries", "empty"));
    Files.write(dir.resolve("two-articles.zip"), zip(List.<Object[]>of(
        new Object[] {"first.txt", story("harbour dredging").getBytes(StandardCharsets.UTF_8)},
        new Object[] {"second.html", html("Second story", story("snow clearing")).getBytes(StandardCharsets.UTF_8)})));
    cases.add(new Case("two-articles.zip!/first.txt", "first entry of a fine zip (control)", "article"));
    cases.add(new Case("two-articles.zip!/second.html", "second entry of a fine zip (control)", "article"));
    Files.write(dir.resolve("zip-named.html"), zip(List.<Object[]>of(
        new Object[] {"inner.txt", story("ferry fares").getBytes(StandardCharsets.UTF_8)})));
    cases.add(new Case("zip-named.html", "a zip archive named .html", "unsupported_type"));

    // size limits
    writeRepeated(dir.resolve("over-size-limit.txt"), "The council met again today. ", maxInputBytes + 1, true);
    cases.add(new Case("over-size-limit.txt", "one byte over --maxInputBytes", "too_large"));
    writeOneLineHtml(dir.resolve("one-line-50mb.html"), 50_000_000L);
    cases.add(new Case("one-line-50mb.html", "an HTML page of one 50 MB line", "text_too_long"));
    Files.writeString(dir.resolve("nested-10000.html"), nested(10_000));
    cases.add(new Case("nested-10000.html", "an article inside 10,000 nested <div>s", "article"));

    // encodings
    ByteArrayOutputStream mixed = new ByteArrayOutputStream();
    mixed.write(story("bridge tolls").getBytes(StandardCharsets.UTF_8));
    mixed.write("\nCafé owners in the Königstraße complained.\n".getBytes(StandardCharsets.ISO_8859_1));
    mixed.write("\nLe café de la gare ferme à midi.\n".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("mixed-encodings.txt"), mixed.toByteArray());
    cases.add(new Case("mixed-encodings.txt", "UTF-8 paragraphs with a Latin-1 paragraph inside", "article"));
    byte[] invalid = story("river cleanup").getBytes(StandardCharsets.UTF_8);
    for (int i = 100; i < invalid.length; i += 97) {
      invalid[i] = (byte) 0xC3; // a lead byte followed by ASCII: invalid UTF-8
    }
    Files.write(dir.resolve("invalid-utf8.txt"), invalid);
    cases.add(new Case("invalid-utf8.txt", "an article with invalid UTF-8 sequences sprinkled in", "article"));
    Files.write(dir.resolve("utf16le-no-bom.txt"), story("school meals").getBytes(StandardCharsets.UTF_16LE));
    cases.add(new Case("utf16le-no-bom.txt", "an article in UTF-16LE without a byte-order mark", "article"));
    Files.write(dir.resolve("utf16be-no-bom.html"),
        html("Pool reopens", story("the swimming pool")).getBytes(StandardCharsets.UTF_16BE));
    cases.add(new Case("utf16be-no-bom.html", "an HTML article in UTF-16BE without a byte-order mark", "article"));

    // XXE
    Files.writeString(dir.resolve("xxe-file.xml"), xxe("file", canaryUri));
    cases.add(new Case("xxe-file.xml", "XML whose entity reads a local file (the canary)", "no_text"));
    Files.writeString(dir.resolve("xxe-http.xml"), xxe("http", canaryUrl));
    cases.add(new Case("xxe-http.xml", "XML whose entity fetches a URL (a local port that counts connections)", "no_text"));
    Files.writeString(dir.resolve("xxe-parameter-entity.xml"),
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % ext SYSTEM \"" + canaryUrl + "\"> %ext;]>\n"
            + "<r><p>" + story("parking fees").replace("\n", " ") + "</p></r>\n");
    cases.add(new Case("xxe-parameter-entity.xml", "XML whose external parameter entity fetches a URL", "article"));
    Files.writeString(dir.resolve("xxe-in-xhtml.html"),
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY leak SYSTEM \"" + canaryUri + "\">]>\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Leak</title></head><body><p>"
            + story("street lights").replace("\n", " ") + " &leak;</p></body></html>\n");
    cases.add(new Case("xxe-in-xhtml.html", "XHTML article with an external entity to the canary file", "article"));

    // fine content with a wrong extension, and duplicates under different names
    Files.writeString(dir.resolve("html-named.txt"), html("Museum extends hours", story("museum opening hours")));
    cases.add(new Case("html-named.txt", "a fine HTML article named .txt", "article"));
    Files.writeString(dir.resolve("good-article.txt"), story("the new stadium"));
    cases.add(new Case("good-article.txt", "a fine plain-text article (control)", "article"));
    Files.writeString(dir.resolve("same-article-copy.txt"), story("the new stadium"));
    cases.add(new Case("same-article-copy.txt", "byte-identical copy of good-article.txt under another name",
        "duplicate"));

    // filesystem oddities
    Path loopA = dir.resolve("symlink-loop-a.html");
    Path loopB = dir.resolve("symlink-loop-b.html");
    Files.createSymbolicLink(loopA, loopB.getFileName());
    Files.createSymbolicLink(loopB, loopA.getFileName());
    cases.add(new Case("symlink-loop-a.html", "symlink to symlink-loop-b.html, which links back", NOT_LISTED));
    cases.add(new Case("symlink-loop-b.html", "symlink to symlink-loop-a.html, which links back", NOT_LISTED));
    Files.createSymbolicLink(dir.resolve("dangling-symlink.txt"), dir.resolve("no-such-file.txt").getFileName());
    cases.add(new Case("dangling-symlink.txt", "symlink to a file that does not exist", NOT_LISTED));
    return cases;
  }

  static byte[] pdf(String text, String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.LETTER);
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        cs.setLeading(13);
        cs.newLineAtOffset(50, 740);
        for (String para : text.split("\n\n")) {
          for (String line : wrap(para.strip(), 95)) {
            cs.showText(line);
            cs.newLine();
          }
          cs.newLine();
        }
        cs.endText();
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] xfaPdf(String canaryUri, String canaryUrl) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.LETTER);
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        cs.setLeading(13);
        cs.newLineAtOffset(50, 740);
        for (String line : wrap(story("the form office").replace("\n", " "), 95)) {
          cs.showText(line);
          cs.newLine();
        }
        cs.endText();
      }
      String xfa = "<?xml version=\"1.0\"?>\n<!DOCTYPE xdp [<!ENTITY leak SYSTEM \"" + canaryUri + "\">"
          + "<!ENTITY fetch SYSTEM \"" + canaryUrl + "\">]>\n"
          + "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template xmlns=\"http://www.xfa.org/schema/xfa-template/3.3/\">"
          + "<subform name=\"form1\"><field name=\"leak\"><caption><value><text>&leak;</text></value></caption></field>"
          + "<field name=\"fetch\"><caption><value><text>&fetch;</text></value></caption></field></subform></template>"
          + "<xfa:datasets xmlns:xfa=\"http://www.xfa.org/schema/xfa-data/1.0/\"><xfa:data><form1><leak>&leak;</leak>"
          + "</form1></xfa:data></xfa:datasets></xdp:xdp>";
      PDAcroForm form = new PDAcroForm(doc);
      doc.getDocumentCatalog().setAcroForm(form);
      COSStream stream = doc.getDocument().createCOSStream();
      try (OutputStream out = stream.createOutputStream()) {
        out.write(xfa.getBytes(StandardCharsets.UTF_8));
      }
      form.setXFA(new PDXFAResource(stream));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      for (String para : text.split("\n\n")) {
        doc.createParagraph().createRun().setText(para.strip());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] corruptDocx() throws IOException {
    byte[] good = docx(story("harbour fees"));
    byte[] bad = Arrays.copyOf(good, good.length / 2);
    Random r = new Random(3);
    for (int i = 200; i < bad.length; i += 50) {
      bad[i] = (byte) r.nextInt();
    }
    return bad;
  }

  static byte[] spreadsheet() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFSheet sheet = wb.createSheet("Budget");
      for (int r = 0; r < 40; r++) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue("Line " + r);
        row.createCell(1).setCellValue(1000.0 * r + 17);
        row.createCell(2).setCellValue(r % 2 == 0 ? "approved" : "pending");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  static byte[] png() throws IOException {
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 48; y++) {
        img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  static byte[] zeros(int n) {
    return new byte[n];
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gz.write(b);
    }
    return out.toByteArray();
  }

  static byte[] zip(List<Object[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.setLevel(Deflater.BEST_COMPRESSION);
      for (Object[] e : entries) {
        ZipEntry entry = new ZipEntry((String) e[0]);
        entry.setTime(0);
        z.putNextEntry(entry);
        z.write((byte[]) e[1]);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] zipBomb() throws IOException {
    byte[] block = zeros(16 << 20);
    List<Object[]> entries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      entries.add(new Object[] {"part" + i + ".txt", block});
    }
    return zip(entries);
  }

  static byte[] nestedZipBomb() throws IOException {
    byte[] leaf = zip(List.<Object[]>of(new Object[] {"zeros.txt", zeros(10 << 20)}));
    List<Object[]> mid = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      mid.add(new Object[] {"leaf" + i + ".zip", leaf});
    }
    byte[] middle = zip(mid);
    List<Object[]> top = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      top.add(new Object[] {"mid" + i + ".zip", middle});
    }
    return zip(top);
  }

  static void writeRepeated(Path file, String unit, long bytes, boolean newlines) throws IOException {
    byte[] u = unit.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      long written = 0;
      int n = 0;
      while (written < bytes) {
        int len = (int) Math.min(u.length, bytes - written);
        out.write(u, 0, len);
        written += len;
        if (newlines && ++n % 20 == 0 && written < bytes) {
          out.write('\n');
          written++;
        }
      }
    }
  }

  static void writeOneLineHtml(Path file, long bytes) throws IOException {
    String head = "<html><head><title>One line</title></head><body><p>";
    String tail = "</p></body></html>";
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] unit = "news words keep coming ".getBytes(StandardCharsets.US_ASCII);
      long left = bytes - head.length() - tail.length();
      while (left > 0) {
        int len = (int) Math.min(unit.length, left);
        out.write(unit, 0, len);
        left -= len;
      }
      out.write(tail.getBytes(StandardCharsets.US_ASCII));
    }
  }

  static String nested(int depth) {
    StringBuilder b = new StringBuilder("<html><head><title>Deep page</title></head><body>");
    b.append("<div>".repeat(depth));
    for (String p : story("deep nesting").split("\n\n")) {
      b.append("<p>").append(p.strip()).append("</p>");
    }
    b.append("</div>".repeat(depth));
    return b.append("</body></html>").toString();
  }

  static String xxe(String kind, String target) {
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY leak SYSTEM \"" + target + "\">]>\n"
        + "<r><title>Entity via " + kind + "</title><p>&leak;</p></r>\n";
  }

  static List<String> wrap(String s, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String w : s.split(" ")) {
      if (line.length() + w.length() + 1 > width) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(w);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    return out;
  }
}
