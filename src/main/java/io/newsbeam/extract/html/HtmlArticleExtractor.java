package io.newsbeam.extract.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.xml.sax.SAXException;

/**
 * newsbeam's HTML main-content extractor. Tika parses (charset detection, broken markup) with every element
 * and attribute kept into newsbeam's page model; boilerpipe's ArticleExtractor, run on blocks built from that
 * model ({@link BoilerpipeSignal}), becomes one signal of {@link ContentScorer}. Metadata comes from meta tags,
 * JSON-LD (read from the raw bytes, since Tika drops script content), {@code <time>}, bylines and URLs.
 * Plain Java; thread-safe (no state).
 */
public final class HtmlArticleExtractor {
  private HtmlArticleExtractor() {}

  /**
   * Parses an HTML page with {@code parser} (normally Tika's AutoDetectParser) and extracts its article.
   *
   * @param in the page bytes as a stream (consumed)
   * @param raw the same bytes, for the JSON-LD and canonical-link pre-scan
   * @param metadata filled by Tika as usual
   * @param maxChars text limit; beyond it Tika's {@code WriteLimitReachedException} is thrown
   */
  public static HtmlArticle extract(
      Parser parser, InputStream in, byte[] raw, Metadata metadata, ParseContext context, int maxChars)
      throws IOException, SAXException, TikaException {
    context.set(HtmlMapper.class, KeepAllHtmlMapper.INSTANCE);
    PageModelBuilder builder = new PageModelBuilder(maxChars);
    parser.parse(in, builder, metadata, context);
    PageModel page = builder.model();
    BoilerpipeSignal.mark(page);
    List<PageModel.Paragraph> kept = ContentScorer.select(page);
    List<String> paragraphs = new ArrayList<>(kept.size());
    for (PageModel.Paragraph p : kept) {
      paragraphs.add(p.text);
    }
    String html = decode(raw, metadata);
    return HtmlMetadata.read(page, kept, metadata, html, paragraphs);
  }

  /** The page as text for the pre-scan, in the charset Tika detected (UTF-8 when unknown). */
  static String decode(byte[] raw, Metadata metadata) {
    Charset cs = StandardCharsets.UTF_8;
    String enc = metadata.get(Metadata.CONTENT_ENCODING);
    if (enc != null) {
      try {
        cs = Charset.forName(enc.strip());
      } catch (RuntimeException ignored) {
        // unknown name: keep UTF-8
      }
    }
    return new String(raw, cs);
  }
}
