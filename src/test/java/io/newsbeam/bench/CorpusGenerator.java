package io.newsbeam.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Generates a realistic benchmark corpus of any size from real pages and texts (../shared/dev-data and
 * sample-input), deterministic from a seed:
 *
 * <ul>
 *   <li>real HTML pages (extraction and SpotSigs sets) with a per-copy marker so bytes differ;
 *   <li>real article texts (ECB+, seeds) as plain text with boilerplate lines around them;
 *   <li>syndicated variants of those texts: re-templated as HTML under another site's chrome, re-headlined,
 *       trimmed, lightly edited;
 *   <li>exact copies under other names, some gzipped;
 *   <li>a share of broken files (truncated gzip, binary noise, empty).
 * </ul>
 *
 * <p>Usage: {@code CorpusGenerator N DIR [SEED]}; files go to DIR/NNN/ folders of 1000.
 */
public final class CorpusGenerator {
  private final List<Path> htmlPages = new ArrayList<>();
  private final List<Text> texts = new ArrayList<>();
  private final SplittableRandom random;

  record Text(String title, List<String> paragraphs) {}

  private static final String[] SITES = {
    "Harbor Daily News", "The Riverside Ledger", "Metro Wire", "Valley Courier", "Northern Tribune",
    "Coastal Herald", "Capital Report", "Evening Post", "Lakeside Gazette", "Global Dispatch"
  };
  private static final String[] CHROME_TOP = {
    "Home | World | Business | Sports | Opinion | Weather", "Skip to content", "Subscribe now and save 50%",
    "Breaking: Road closures this weekend", "Sign in | Register"
  };
  private static final String[] CHROME_BOTTOM = {
    "Share this article: Facebook Twitter Email", "Related stories", "Sign up for our newsletter",
    "© All rights reserved.", "About us | Contact | Privacy policy | Terms of use", "Advertisement"
  };

  CorpusGenerator(Path shared, Path sampleInput, long seed) throws IOException {
    this.random = new SplittableRandom(seed);
    for (String set : List.of("extraction_html/html", "neardup_spotsigs/html")) {
      Path dir = shared.resolve("dev-data").resolve(set);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          s.filter(p -> p.toString().endsWith(".html")).sorted().forEach(htmlPages::add);
        }
      }
    }
    List<Path> textFiles = new ArrayList<>();
    Path ecb = shared.resolve("dev-data/events_ecbplus/txt");
    if (Files.isDirectory(ecb)) {
      try (Stream<Path> s = Files.list(ecb)) {
        s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(textFiles::add);
      }
    }
    try (Stream<Path> s = Files.list(sampleInput)) {
      s.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().forEach(textFiles::add);
    }
    for (Path p : textFiles) {
      List<String> lines = new ArrayList<>();
      for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        if (!l.isBlank()) {
          lines.add(l.strip());
        }
      }
      if (lines.size() >= 3) {
        texts.add(new Text(lines.get(0), lines.subList(1, lines.size())));
      }
    }
    if (htmlPages.isEmpty() || texts.isEmpty()) {
      throw new IllegalStateException("no dev data found under " + shared + " (needs ../shared/dev-data)");
    }
  }

  void generate(int n, Path out) throws IOException {
    Files.createDirectories(out);
    for (int i = 0; i < n; i++) {
      Path dir = out.resolve(String.format(Locale.ROOT, "%03d", i / 1000));
      Files.createDirectories(dir);
      String base = String.format(Locale.ROOT, "doc-%07d", i);
      double r = random.nextDouble();
      if (r < 0.35) {
        Path page = htmlPages.get(random.nextInt(htmlPages.size()));
        String html = Files.readString(page, StandardCharsets.UTF_8);
        write(dir.resolve(base + ".html"), (html + "\n<!-- copy " + i + " -->\n").getBytes(StandardCharsets.UTF_8));
      } else if (r < 0.60) {
        Text t = texts.get(random.nextInt(texts.size()));
        write(dir.resolve(base + ".txt"), plainText(t, i).getBytes(StandardCharsets.UTF_8));
      } else if (r < 0.90) {
        Text t = texts.get(random.nextInt(texts.size()));
        write(dir.resolve(base + ".html"), syndicated(t).getBytes(StandardCharsets.UTF_8));
      } else if (r < 0.97) {
        Text t = texts.get(random.nextInt(texts.size()));
        byte[] bytes = plainText(t, -1).getBytes(StandardCharsets.UTF_8);
        if (random.nextBoolean()) {
          write(dir.resolve(base + ".txt.gz"), gzip(bytes));
        } else {
          write(dir.resolve(base + ".txt"), bytes);
        }
      } else {
        write(dir.resolve(base + brokenSuffix()), broken());
      }
    }
  }

  private String plainText(Text t, int marker) {
    StringBuilder b = new StringBuilder();
    b.append(t.title()).append("\n\n");
    if (random.nextBoolean()) {
      b.append("By Staff Reporter | ").append(SITES[random.nextInt(SITES.length)]).append("\n\n");
    }
    for (String p : t.paragraphs()) {
      b.append(p).append("\n\n");
    }
    b.append(CHROME_BOTTOM[random.nextInt(CHROME_BOTTOM.length)]).append("\n");
    if (marker >= 0) {
      b.append("\nRef ").append(marker).append("\n");
    }
    return b.toString();
  }

  /** A wire copy under another site's template: new headline, trimmed tail, small edits. */
  private String syndicated(Text t) {
    String site = SITES[random.nextInt(SITES.length)];
    List<String> paras = new ArrayList<>(t.paragraphs());
    int trim = paras.size() > 4 ? random.nextInt(Math.min(3, paras.size() / 3) + 1) : 0;
    paras = new ArrayList<>(paras.subList(0, paras.size() - trim));
    if (paras.size() > 3 && random.nextDouble() < 0.3) {
      Collections.swap(paras, paras.size() - 1, paras.size() - 2);
    }
    String title = random.nextBoolean() ? t.title() : "UPDATE: " + t.title();
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(esc(title)).append(" - ")
        .append(esc(site)).append("</title><meta property=\"og:site_name\" content=\"").append(esc(site))
        .append("\"></head><body><nav>").append(esc(CHROME_TOP[random.nextInt(CHROME_TOP.length)]))
        .append("</nav><article><h1>").append(esc(title)).append("</h1>");
    for (String p : paras) {
      String edited = random.nextDouble() < 0.2 ? p.replace(" said ", " told reporters ") : p;
      b.append("<p>").append(esc(edited)).append("</p>\n");
    }
    b.append("</article><aside><h3>Related</h3><ul>");
    for (int k = 0; k < 3; k++) {
      Text other = texts.get(random.nextInt(texts.size()));
      b.append("<li><a href=\"/r").append(k).append("\">").append(esc(other.title())).append("</a></li>");
    }
    b.append("</ul></aside><footer>").append(esc(CHROME_BOTTOM[random.nextInt(CHROME_BOTTOM.length)]))
        .append("</footer></body></html>\n");
    return b.toString();
  }

  private String brokenSuffix() {
    String[] s = {".pdf", ".html", ".txt.gz", ".docx", ".txt"};
    return s[random.nextInt(s.length)];
  }

  private byte[] broken() {
    int kind = random.nextInt(3);
    if (kind == 0) {
      return new byte[0];
    }
    byte[] noise = new byte[512 + random.nextInt(4096)];
    for (int k = 0; k < noise.length; k++) {
      noise[k] = (byte) random.nextInt(256);
    }
    if (kind == 1) {
      noise[0] = '%';
      noise[1] = 'P';
      noise[2] = 'D';
      noise[3] = 'F';
    }
    return noise;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static void write(Path p, byte[] bytes) throws IOException {
    Files.write(p, bytes);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: CorpusGenerator N DIR [SEED]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    Path project = Path.of("").toAbsolutePath();
    String home = System.getProperty("newsbeam.home");
    if (home != null) {
      project = Path.of(home);
    }
    new CorpusGenerator(project.resolve("../shared").normalize(), project.resolve("sample-input"), seed).generate(n, out);
    System.out.println("generated " + n + " documents under " + out + " (seed " + seed + ")");
  }
}
