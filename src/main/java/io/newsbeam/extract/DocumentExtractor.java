package io.newsbeam.extract;

import de.l3s.boilerpipe.document.TextBlock;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import io.newsbeam.errors.RejectReason;
import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.html.HtmlArticle;
import io.newsbeam.extract.html.HtmlArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.boilerpipe.BoilerpipeContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika-based extraction of one document: type detection, parsing within limits, main content for HTML, and
 * the metadata Tika exposes. Thread-safe after construction; create one per worker ({@code @Setup}).
 */
public final class DocumentExtractor {

  private static final ExecutorService PARSE_THREADS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "newsbeam-parse");
            t.setDaemon(true);
            return t;
          });


  /**
   * Deepest element nesting accepted in an HTML page parsed for newsbeam's extractor. That path keeps every
   * element (Tika's default mapping drops div, span…), so Tika's guard against XML bombs (100 levels) would
   * reject real pages with deep markup. jsoup (Tika's HTML parser) already caps its tree at 512 levels; XHTML
   * read by the XML parser is not capped, and the page model flattens anything deeper than its own cap.
   * Deeper pages are a clear {@code parse_error}.
   */
  static final int MAX_HTML_DEPTH = 100_000;

  /** Metadata key carrying the type detected up front to the parser's detector (removed after the parse). */
  static final String DETECTED_TYPE = "X-Newsbeam-Detected-Type";

  private final AutoDetectParser parser = new DetectOnceParser();
  private final AutoDetectParser htmlParser = deepHtmlParser();
  private final ExtractionLimits limits;
  private final ExtractorKind kind;

  public DocumentExtractor(ExtractionLimits limits, ExtractorKind kind) {
    this.limits = limits;
    this.kind = kind;
  }

  /**
   * Raw result of parsing: type, Tika metadata, and text blocks (each block a list of lines); {@code article}
   * holds what newsbeam's HTML extractor read (title, authors, date, site), null for other inputs.
   */
  public record Parsed(String contentType, Metadata metadata, List<List<String>> blocks, boolean html, HtmlArticle article) {
    public Parsed(String contentType, Metadata metadata, List<List<String>> blocks, boolean html) {
      this(contentType, metadata, blocks, html, null);
    }
  }

  /** Parses {@code bytes} named {@code sourceUri}; throws {@link RejectedException} with a reason code. */
  public Parsed parse(String sourceUri, byte[] bytes) throws RejectedException {
    if (bytes.length == 0) {
      throw new RejectedException(RejectReason.EMPTY, "the file has no bytes");
    }
    if (isBlank(bytes)) {
      throw new RejectedException(RejectReason.EMPTY, "the file holds only whitespace");
    }
    if (limits.isolation() == ParseIsolation.PROCESS) {
      return ParseProcessPool.shared()
          .parse(kind, limits.maxTextChars(), limits.parseTimeoutMillis(), sourceUri, bytes);
    }
    return parseInThisJvm(sourceUri, bytes);
  }

  /**
   * Parses on a thread of this JVM. A timeout abandons that thread: a parser in a tight loop keeps spinning
   * (only {@link ParseIsolation#PROCESS} can stop it), which is why this is the child JVMs' mode.
   */
  private Parsed parseInThisJvm(String sourceUri, byte[] bytes) throws RejectedException {
    Future<Parsed> future = PARSE_THREADS.submit(() -> parseNow(sourceUri, bytes));
    try {
      return future.get(limits.parseTimeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RejectedException(
          RejectReason.PARSE_TIMEOUT, "parsing took longer than " + limits.parseTimeoutMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new IllegalStateException("interrupted while parsing " + sourceUri, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RejectedException r) {
        throw r;
      }
      throw classify(cause);
    }
  }

  private Parsed parseNow(String sourceUri, byte[] bytes) throws Exception {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName(sourceUri));
    ParseContext context = new ParseContext();
    try (InputStream in = TikaInputStream.get(bytes)) {
      MediaType fast = FastTypes.detect(bytes, metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY));
      MediaType type = fast != null ? fast : parser.getDetector().detect(TikaInputStream.get(bytes), metadata);
      // the parsers below detect again from this key instead of from the bytes
      metadata.set(DETECTED_TYPE, type.toString());
      try {
        return parseDetected(in, bytes, type, metadata, context);
      } finally {
        metadata.remove(DETECTED_TYPE);
      }
    }
  }

  private Parsed parseDetected(InputStream in, byte[] bytes, MediaType type, Metadata metadata, ParseContext context)
      throws Exception {
    String base = type.getBaseType().toString();
    if (!isDocumentType(base)) {
      throw new RejectedException(RejectReason.UNSUPPORTED_TYPE, "not a text document: detected " + base);
    }
    if (isTextType(base) && looksBinary(bytes)) {
      throw new RejectedException(RejectReason.UNSUPPORTED_TYPE,
          "binary content (control bytes) detected as " + base + " from its name");
    }
    if (isArchiveType(base)) {
      throw new RejectedException(RejectReason.UNSUPPORTED_TYPE, "an archive (" + base + ") where a document was"
          + " expected: only files named .zip or .gz are unpacked, within --maxArchiveDepth");
    }
    boolean html = base.equals("text/html") || base.equals("application/xhtml+xml");
    if (html) {
      // data: URIs (inline images, SVG) and iframe srcdoc are embedded documents to Tika: detecting and parsing
      // each one cost about a fifth of an HTML page's parse, for no article text
      context.set(EmbeddedDocumentExtractor.class, SkipEmbedded.INSTANCE);
    }
    if (html && kind == ExtractorKind.NEWSBEAM) {
      HtmlArticle article = HtmlArticleExtractor.extract(htmlParser, in, bytes, metadata, context, limits.maxTextChars());
      List<List<String>> blocks = article.paragraphs().stream().map(List::of).toList();
      return new Parsed(base, metadata, blocks, true, article);
    }
    BodyContentHandler body = new BodyContentHandler(limits.maxTextChars());
    if (html && kind != ExtractorKind.TEXT) {
      BoilerpipeContentHandler boiler = new BoilerpipeContentHandler(body, ArticleExtractor.INSTANCE);
      parser.parse(in, new TextLimit(boiler, limits.maxTextChars()), metadata, context);
      List<List<String>> blocks = new ArrayList<>();
      for (TextBlock block : boiler.getTextDocument().getTextBlocks()) {
        if (block.isContent()) {
          blocks.add(List.of(block.getText()));
        }
      }
      return new Parsed(base, metadata, blocks, true);
    }
    parser.parse(in, body, metadata, context);
    String text = body.toString();
    List<List<String>> blocks = base.equals("application/pdf") ? pdfBlocks(text) : blocksOf(text);
    return new Parsed(base, metadata, blocks, html);
  }

  private static AutoDetectParser deepHtmlParser() {
    AutoDetectParser p = new DetectOnceParser();
    AutoDetectParserConfig config = new AutoDetectParserConfig();
    config.setMaximumDepth(MAX_HTML_DEPTH);
    p.setAutoDetectParserConfig(config);
    return p;
  }

  /**
   * Tika's AutoDetectParser, but it detects the type once: {@link #parseNow} detects it up front and passes it in
   * {@link #DETECTED_TYPE}; embedded documents (fresh metadata) are detected as usual. The type-to-parser map is
   * built once instead of on every parse (walking every parser's supported types cost a few percent per page).
   */
  static final class DetectOnceParser extends AutoDetectParser {
    private static final long serialVersionUID = 1L;
    private transient volatile Map<MediaType, Parser> parsers;

    DetectOnceParser() {
      Detector detector = getDetector();
      setDetector((input, metadata) -> {
        String known = metadata.get(DETECTED_TYPE);
        return known != null ? MediaType.parse(known) : detector.detect(input, metadata);
      });
    }

    @Override
    public Map<MediaType, Parser> getParsers(ParseContext context) {
      Map<MediaType, Parser> p = parsers;
      if (p == null) {
        p = super.getParsers(context);
        parsers = p;
      }
      return p;
    }
  }

  /** Embedded documents of an HTML page are not parsed. */
  private enum SkipEmbedded implements EmbeddedDocumentExtractor {
    INSTANCE;

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return false;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
      // not parsed
    }
  }

  /**
   * How much of a text the language detector reads. Its cost grows with the text (it lists every 1- to 3-gram);
   * on the 4,264 distinct bodies of the 10,000-document bench corpus the first 1,000, 1,500, 2,000 and 3,000
   * characters each gave the same language as the first 5,000, and 2,000 took two thirds of the time.
   */
  static final int LANGUAGE_CHARS = 2_000;

  /** Language of a text (ISO 639-1), or null when the detector is not confident. */
  public static String detectLanguage(String text) {
    if (text.length() < 20) {
      return null;
    }
    LanguageDetector detector = LanguageDetectors.borrow();
    try {
      detector.reset();
      detector.addText(text.length() > LANGUAGE_CHARS ? text.substring(0, LANGUAGE_CHARS) : text);
      LanguageResult result = detector.detect();
      return result.isUnknown() ? null : result.getLanguage();
    } finally {
      LanguageDetectors.giveBack(detector);
    }
  }

  /**
   * Language detectors, one per thread that detects at the same time, up to the number of cores (a detector
   * holds the n-gram tables of every language and is not thread-safe). One detector shared under a lock made
   * the workers of a run (DirectRunner threads, Flink task slots) wait for each other.
   */
  private static final class LanguageDetectors {
    private static final BlockingQueue<LanguageDetector> IDLE = new LinkedBlockingQueue<>();
    private static final AtomicInteger MADE = new AtomicInteger();
    private static final int MAX = Math.max(1, Runtime.getRuntime().availableProcessors());

    static LanguageDetector borrow() {
      LanguageDetector d = IDLE.poll();
      if (d != null) {
        return d;
      }
      if (MADE.incrementAndGet() <= MAX) {
        return new OptimaizeLangDetector().loadModels();
      }
      MADE.decrementAndGet();
      try {
        return IDLE.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a language detector", e);
      }
    }

    static void giveBack(LanguageDetector d) {
      IDLE.offer(d);
    }
  }

  private RejectedException classify(Throwable cause) {
    Throwable root = cause;
    while (root != null) {
      if (root instanceof WriteLimitReachedException) {
        return new RejectedException(
            RejectReason.TEXT_TOO_LONG, "extracted text exceeds " + limits.maxTextChars() + " characters");
      }
      if (root instanceof TikaException && root.getMessage() != null
          && root.getMessage().toLowerCase(Locale.ROOT).contains("zip bomb")) {
        return new RejectedException(RejectReason.ARCHIVE_LIMIT, "Tika suspects a compression bomb: "
            + root.getMessage(), cause);
      }
      if (root instanceof EncryptedDocumentException) {
        return new RejectedException(RejectReason.ENCRYPTED, "the document is encrypted", cause);
      }
      if (root instanceof ZeroByteFileException) {
        return new RejectedException(RejectReason.EMPTY, "the file has no bytes", cause);
      }
      if (root instanceof SAXException && root.getMessage() != null
          && root.getMessage().contains("levels of XML element nesting")) {
        return new RejectedException(RejectReason.PARSE_ERROR, "elements nest deeper than Tika's guard allows ("
            + root.getMessage().replace("Suspected zip bomb: ", "") + "): the markup is malformed or hostile", cause);
      }
      if (WriteLimitReachedException.isWriteLimitReached(root)) {
        return new RejectedException(
            RejectReason.TEXT_TOO_LONG, "extracted text exceeds " + limits.maxTextChars() + " characters");
      }
      root = root.getCause() == root ? null : root.getCause();
    }
    // Tika messages can name parser objects ("PDFParser@47186ed7"): drop identity hashes, they differ per run.
    String what = (cause.getClass().getSimpleName() + ": " + cause.getMessage()).replaceAll("@[0-9a-f]{5,8}\\b", "");
    if (cause instanceof TikaException || cause instanceof SAXException || cause instanceof IOException) {
      return new RejectedException(RejectReason.PARSE_ERROR, what, cause);
    }
    if (cause instanceof StackOverflowError || cause instanceof OutOfMemoryError) {
      return new RejectedException(RejectReason.PARSE_ERROR, "parser ran out of resources: " + what, cause);
    }
    return new RejectedException(RejectReason.PARSE_ERROR, what, cause);
  }

  /** Types we extract news text from; images, audio, video, fonts and executables are rejected up front. */
  static boolean isDocumentType(String base) {
    if (base.startsWith("image/") || base.startsWith("audio/") || base.startsWith("video/")
        || base.startsWith("font/") || base.startsWith("model/")) {
      return false;
    }
    if (base.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml")
        || base.startsWith("application/vnd.ms-excel") || base.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
      return false; // spreadsheets: figures, not news
    }
    return !base.equals("application/octet-stream")
        && !base.startsWith("application/x-executable")
        && !base.equals("application/x-elf") && !base.equals("application/x-object")
        && !base.equals("application/x-coredump") && !base.startsWith("application/x-mach-o")
        && !base.equals("application/x-dosexec")
        && !base.equals("application/x-msdownload")
        && !base.equals("application/x-sharedlib");
  }

  static boolean isTextType(String base) {
    return base.startsWith("text/") || base.equals("application/xhtml+xml") || base.equals("application/xml");
  }

  /**
   * Random or binary bytes given a text type by their file name: more than 5% C0 control bytes (other than
   * NUL, tab, newlines, form feed and escape) in the first 8 KiB. Text in any ASCII-compatible encoding or in
   * UTF-16 has almost none; random bytes have about 10%.
   */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if ((b < 0x20 && b != 0 && b != '\t' && b != '\n' && b != '\r' && b != 0x0b && b != 0x0c && b != 0x1b)
          || b == 0x7f) {
        control++;
      }
    }
    return n > 0 && control * 20 > n;
  }

  /** Containers of other files: unpacked (zip, gzip) by the reader, never parsed as one document. */
  static boolean isArchiveType(String base) {
    return base.equals("application/zip") || base.equals("application/gzip") || base.equals("application/x-gzip")
        || base.equals("application/x-tar") || base.equals("application/x-7z-compressed")
        || base.equals("application/x-bzip2") || base.equals("application/x-xz")
        || base.equals("application/x-rar-compressed") || base.equals("application/java-archive")
        || base.equals("application/x-gtar") || base.equals("application/zstd")
        || base.equals("application/x-compress") || base.equals("application/x-lzma");
  }

  static List<List<String>> blocksOf(String text) {
    return io.newsbeam.boilerplate.LineClassifier.blocksOf(text);
  }

  /** PDF text wraps lines inside paragraphs: join a line with the next unless it ends a sentence. */
  static List<List<String>> pdfBlocks(String text) {
    List<List<String>> blocks = new ArrayList<>();
    for (List<String> block : blocksOf(text)) {
      List<String> merged = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String line : block) {
        String l = line.strip();
        if (current.length() > 0) {
          char last = current.charAt(current.length() - 1);
          boolean continues = ".!?:\"”".indexOf(last) < 0 && !l.isEmpty() && !Character.isUpperCase(l.charAt(0));
          if (continues || last == '-') {
            if (last == '-') {
              current.setLength(current.length() - 1);
            } else {
              current.append(' ');
            }
            current.append(l);
            continue;
          }
          merged.add(current.toString());
          current.setLength(0);
        }
        current.append(l);
      }
      if (current.length() > 0) {
        merged.add(current.toString());
      }
      for (String p : merged) {
        blocks.add(List.of(p));
      }
    }
    return blocks;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != 0x0b && b != 0x0c) {
        return false;
      }
    }
    return true;
  }

  static String fileName(String uri) {
    String path = uri;
    int bang = path.lastIndexOf("!/");
    if (bang >= 0) {
      path = path.substring(bang + 2);
    }
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }

  /** Site for a document: og:site_name, else the host of its canonical URL, else its folder name. */
  public static String siteOf(Metadata metadata, String sourceUri) {
    String name = metadata.get("og:site_name");
    if (name != null && !name.isBlank()) {
      return name.strip();
    }
    for (String key : List.of("og:url", "canonical", "dc:identifier")) {
      String url = metadata.get(key);
      if (url != null && url.startsWith("http")) {
        try {
          String host = URI.create(url.strip()).getHost();
          if (host != null) {
            return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
          }
        } catch (IllegalArgumentException ignored) {
          // not a URL: fall through to the folder
        }
      }
    }
    String path = sourceUri;
    int bang = path.lastIndexOf("!/");
    if (bang >= 0) {
      path = path.substring(0, bang);
    }
    String[] parts = path.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : null;
  }

}
