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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>By default every document is drawn from the same pool of about 2,500 real stories, so the number of distinct
 * articles stays near that pool's size whatever N is (96 % of a 100k corpus are copies). With {@code COPIES} &gt; 0
 * the pool grows with N: round k of a story (k &gt; 0) renames its people, places and organisations (capitalised
 * words not opening a sentence get a suffix of round letters, in text and in an HTML page's text nodes), so it is a
 * distinct story about distinct entities, and there are enough rounds for each story to be drawn about
 * {@code COPIES} times.
 *
 * <p>Usage: {@code CorpusGenerator N DIR [SEED [COPIES]]}; files go to DIR/NNN/ folders of 1000.
 */
public final class CorpusGenerator {
  private final List<Path> htmlPages = new ArrayList<>();
  private final List<Text> texts = new ArrayList<>();
  private final SplittableRandom random;
  private final int copies;

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
    this(shared, sampleInput, seed, 0);
  }

  /** {@code copies}: 0 for the fixed story pool; otherwise about how many documents each distinct story gets. */
  CorpusGenerator(Path shared, Path sampleInput, long seed, int copies) throws IOException {
    this.random = new SplittableRandom(seed);
    this.copies = copies;
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

  /** How many rounds of the story pool N documents draw from: 1 for the fixed pool. */
  int rounds(int n) {
    return copies <= 0 ? 1 : (int) Math.max(1, Math.ceil(n / ((double) copies * (htmlPages.size() + texts.size()))));
  }

  void generate(int n, Path out) throws IOException {
    Files.createDirectories(out);
    int rounds = rounds(n);
    for (int i = 0; i < n; i++) {
      Path dir = out.resolve(String.format(Locale.ROOT, "%03d", i / 1000));
      Files.createDirectories(dir);
      String base = String.format(Locale.ROOT, "doc-%07d", i);
      double r = random.nextDouble();
      int round = rounds > 1 ? random.nextInt(rounds) : 0;
      if (r < 0.35) {
        Path page = htmlPages.get(random.nextInt(htmlPages.size()));
        String html = renamedHtml(Files.readString(page, StandardCharsets.UTF_8), round);
        write(dir.resolve(base + ".html"), (html + "\n<!-- copy " + i + " -->\n").getBytes(StandardCharsets.UTF_8));
      } else if (r < 0.60) {
        Text t = renamed(texts.get(random.nextInt(texts.size())), round);
        write(dir.resolve(base + ".txt"), plainText(t, i).getBytes(StandardCharsets.UTF_8));
      } else if (r < 0.90) {
        Text t = renamed(texts.get(random.nextInt(texts.size())), round);
        write(dir.resolve(base + ".html"), syndicated(t).getBytes(StandardCharsets.UTF_8));
      } else if (r < 0.97) {
        Text t = renamed(texts.get(random.nextInt(texts.size())), round);
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

  private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}\\p{Ll}+\\b");
  private static final Pattern TAG_OR_SCRIPT = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>|<!--.*?-->|<[^>]*>");

  /** Round {@code round}'s version of a name: the round in letters appended (Smith, Smithb, Smithc, … Smithba). */
  static String suffix(int round) {
    StringBuilder b = new StringBuilder();
    for (int k = round; k > 0; k /= 26) {
      b.append((char) ('a' + k % 26));
    }
    return b.reverse().toString();
  }

  /**
   * Appends the round's suffix to the capitalised words that do not open a sentence, a line or the text: the names
   * of people, places and organisations, mostly.
   */
  static String renamedText(String text, int round) {
    return renamedText(text, round, '\n');
  }

  /** {@code before}: the last visible character before {@code text} ({@code '\n'} at a paragraph's start). */
  private static String renamedText(String text, int round, char before) {
    if (round == 0) {
      return text;
    }
    String suffix = suffix(round);
    StringBuilder b = new StringBuilder(text.length() + text.length() / 20);
    Matcher m = CAPITALISED.matcher(text);
    int at = 0;
    while (m.find()) {
      if (!opensSentence(text, m.start(), before)) {
        b.append(text, at, m.end()).append(suffix);
        at = m.end();
      }
    }
    return b.append(text, at, text.length()).toString();
  }

  private static boolean opensSentence(String text, int start, char before) {
    int k = start - 1;
    while (k >= 0 && " \t\"'(\u201c\u2018".indexOf(text.charAt(k)) >= 0) {
      k--;
    }
    char c = k >= 0 ? text.charAt(k) : before;
    return ".!?:;\n\r".indexOf(c) >= 0;
  }

  static Text renamed(Text t, int round) {
    if (round == 0) {
      return t;
    }
    return new Text(renamedText(t.title(), round), t.paragraphs().stream().map(p -> renamedText(p, round)).toList());
  }

  private static final Pattern INLINE_TAG = Pattern.compile("(?i)</?(a|abbr|b|em|font|i|span|strong|u)\\b.*", Pattern.DOTALL);

  /**
   * Renames in the text between tags only (not in tags, comments, scripts or styles). Text after an inline tag
   * ({@code <a>}, {@code <b>}, …) continues its sentence; after any other tag it opens one.
   */
  static String renamedHtml(String html, int round) {
    if (round == 0) {
      return html;
    }
    StringBuilder b = new StringBuilder(html.length() + html.length() / 20);
    Matcher m = TAG_OR_SCRIPT.matcher(html);
    int at = 0;
    char before = '\n';
    while (m.find()) {
      String text = html.substring(at, m.start());
      b.append(renamedText(text, round, before)).append(m.group());
      String visible = text.strip();
      if (!visible.isEmpty()) {
        before = visible.charAt(visible.length() - 1);
      }
      if (!INLINE_TAG.matcher(m.group()).matches()) {
        before = '\n';
      }
      at = m.end();
    }
    return b.append(renamedText(html.substring(at), round, before)).toString();
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
      System.err.println("usage: CorpusGenerator N DIR [SEED [COPIES]]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    int copies = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    Path project = Path.of("").toAbsolutePath();
    String home = System.getProperty("newsbeam.home");
    if (home != null) {
      project = Path.of(home);
    }
    CorpusGenerator g =
        new CorpusGenerator(project.resolve("../shared").normalize(), project.resolve("sample-input"), seed, copies);
    g.generate(n, out);
    System.out.println("generated " + n + " documents under " + out + " (seed " + seed
        + (copies > 0 ? ", about " + copies + " documents per story, " + g.rounds(n) + " rounds of the story pool" : "")
        + ")");
  }
}
