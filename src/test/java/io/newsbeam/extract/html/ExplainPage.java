package io.newsbeam.extract.html;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;

/**
 * Development aid: prints every paragraph of a page with the scorer's decision, boilerpipe's flag, length, link
 * density and the element path (tag[hint]) above it. {@code java ... ExplainPage FILE.html [MAXPATH]}.
 */
public final class ExplainPage {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("--bpdiff")) {
      for (int a = 1; a < args.length; a++) {
        try {
          bpdiff(Path.of(args[a]));
        } catch (Exception e) {
          System.out.println("== " + args[a] + " failed: " + e);
        }
      }
      return;
    }
    if (args[0].equals("--lines")) {
      lines(args);
      return;
    }
    if (args[0].equals("--batch")) {
      batch(Path.of(args[1]), Path.of(args[2]), args[3]);
      return;
    }
    PageModel page = model(Path.of(args[0]));
    List<PageModel.Paragraph> kept = ContentScorer.select(page);
    Set<PageModel.Paragraph> k = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    k.addAll(kept);
    int depth = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    for (PageModel.Paragraph p : page.paragraphs) {
      System.out.println(line(p, k.contains(p), depth));
    }
  }

  /** The line classifier's labels for the lines of the extracted body (pipeline path), with an optional filter. */
  static void lines(String[] args) throws Exception {
    io.newsbeam.extract.DocumentExtractor ex = new io.newsbeam.extract.DocumentExtractor(
        io.newsbeam.extract.ExtractionLimits.DEFAULTS.inProcess(), io.newsbeam.extract.ExtractorKind.NEWSBEAM);
    for (int a = 1; a < args.length; a++) {
      Path f = Path.of(args[a]);
      byte[] bytes = Files.readAllBytes(f);
      io.newsbeam.extract.DocumentExtractor.Parsed parsed = ex.parse(f.toUri().toString(), bytes);
      io.newsbeam.schema.Article draft = io.newsbeam.transforms.ExtractContent.draft("x", f.toUri().toString(), bytes.length, parsed);
      io.newsbeam.boilerplate.CleanText clean = new io.newsbeam.boilerplate.LineClassifier()
          .classify(io.newsbeam.boilerplate.LineClassifier.blocksOf(draft.getBody()), draft.getTitle(), Set.of());
      System.out.println("== " + f.getFileName() + " title=" + clean.title() + " subtitle=" + clean.subtitle());
      for (io.newsbeam.boilerplate.CleanText.RemovedLine r : clean.removed()) {
        String t = r.toString();
        System.out.println("   removed " + t);
      }
    }
    System.exit(0);
  }

  /** Paragraphs where boilerpipe's own SAX handler and BoilerpipeSignal disagree. */
  static void bpdiff(Path file) throws Exception {
    byte[] raw = Files.readAllBytes(file);
    AutoDetectParser parser = new AutoDetectParser();
    ParseContext context = new ParseContext();
    context.set(org.apache.tika.parser.html.HtmlMapper.class, KeepAllHtmlMapper.INSTANCE);
    PageModelBuilder builder = new PageModelBuilder(10_000_000);
    org.apache.tika.sax.boilerpipe.BoilerpipeContentHandler bp = new org.apache.tika.sax.boilerpipe.BoilerpipeContentHandler(
        new org.xml.sax.helpers.DefaultHandler(), de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE);
    parser.parse(new ByteArrayInputStream(raw), new org.apache.tika.sax.TeeContentHandler(builder, bp), new Metadata(), context);
    PageModel page = builder.model();
    StringBuilder content = new StringBuilder();
    java.util.Set<String> blocks = new java.util.HashSet<>();
    int n = 0;
    for (de.l3s.boilerpipe.document.TextBlock block : bp.getTextDocument().getTextBlocks()) {
      n++;
      if (block.isContent()) {
        String t = PageModelBuilder.collapse(block.getText());
        blocks.add(t);
        content.append(t).append('\n');
      }
    }
    boolean[] old = new boolean[page.paragraphs.size()];
    String all = content.toString();
    for (PageModel.Paragraph p : page.paragraphs) {
      old[p.index] = !blocks.isEmpty() && (blocks.contains(p.text) || (p.chars >= 10 && all.contains(p.text)));
    }
    BoilerpipeSignal.mark(page);
    int ours = 0;
    for (PageModel.Paragraph p : page.paragraphs) {
      ours += p.tokens > 0 ? 1 : 0;
    }
    System.out.println("== " + file.getFileName() + " boilerpipe blocks " + n + ", ours " + ours);
    for (PageModel.Paragraph p : page.paragraphs) {
      if (old[p.index] != p.boilerpipeContent) {
        System.out.println((old[p.index] ? "  old only " : "  new only ") + line(p, false, 3));
      }
    }
  }

  static String collapse(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** For each labelled page, the paragraphs holding a missed (fn) or wrongly kept (fp) segment. */
  static void batch(Path dir, Path predictions, String mode) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    java.util.Map<String, String> pred = new java.util.HashMap<>();
    for (String l : Files.readAllLines(predictions)) {
      com.fasterxml.jackson.databind.JsonNode n = json.readTree(l);
      pred.put(n.get("file").asText(), collapse(n.get("text").asText()));
    }
    for (String l : Files.readAllLines(dir.resolve("labels.jsonl"))) {
      com.fasterxml.jackson.databind.JsonNode row = json.readTree(l);
      String file = row.get("file").asText();
      String body = pred.getOrDefault(file, "");
      List<String> segs = new java.util.ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode s : row.get(mode.equals("fn") ? "with" : "without")) {
        String c = collapse(s.asText());
        if (mode.equals("fn") != body.contains(c)) {
          segs.add(c);
        }
      }
      if (segs.isEmpty()) {
        continue;
      }
      System.out.println("== " + file);
      PageModel page;
      try {
        page = model(dir.resolve(file));
      } catch (Exception e) {
        System.out.println("   parse failed " + e);
        continue;
      }
      List<PageModel.Paragraph> kept = ContentScorer.select(page);
      Set<PageModel.Paragraph> k = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      k.addAll(kept);
      for (String seg : segs) {
        System.out.println("  > " + (seg.length() > 80 ? seg.substring(0, 80) : seg));
        boolean found = false;
        for (PageModel.Paragraph p : page.paragraphs) {
          String t = collapse(p.text);
          if (t.contains(seg) || (seg.length() > 30 && seg.contains(t) && t.length() > 10)) {
            System.out.println("    " + line(p, k.contains(p), 7));
            found = true;
          }
        }
        if (!found) {
          System.out.println("    (in no single paragraph)");
        }
      }
    }
  }

  static String line(PageModel.Paragraph p, boolean kept, int depth) {
    StringBuilder path = new StringBuilder();
    int i = 0;
    for (PageModel.Node a = p.owner; a != null && i < depth; a = a.parent, i++) {
      path.insert(0, "/" + a.tag + (a.hint.isEmpty() ? "" : "[" + (a.hint.length() > 30 ? a.hint.substring(0, 30) : a.hint) + "]")
          + (a.scored ? "{" + Math.round(a.score) + "}" : ""));
    }
    String t = p.text.replace('\n', '|');
    return String.format("%s%s %4d %4d ld%.2f h%d %s :: %s", kept ? "K" : "-", p.boilerpipeContent ? "b" : " ",
        p.index, p.chars, p.linkDensity(), p.heading, path, t.length() > 110 ? t.substring(0, 110) : t);
  }

  static PageModel model(Path file) throws Exception {
    byte[] raw = Files.readAllBytes(file);
    AutoDetectParser parser = new AutoDetectParser();
    AutoDetectParserConfig config = new AutoDetectParserConfig();
    config.setMaximumDepth(100_000);
    parser.setAutoDetectParserConfig(config);
    ParseContext context = new ParseContext();
    context.set(org.apache.tika.parser.html.HtmlMapper.class, KeepAllHtmlMapper.INSTANCE);
    PageModelBuilder builder = new PageModelBuilder(10_000_000);
    Metadata md = new Metadata();
    parser.parse(new ByteArrayInputStream(raw), builder, md, context);
    PageModel page = builder.model();
    BoilerpipeSignal.mark(page);
    return page;
  }
}
