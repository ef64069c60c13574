package io.newsbeam.extract.html;

import de.l3s.boilerpipe.document.TextBlock;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.sax.TeeContentHandler;
import org.apache.tika.sax.boilerpipe.BoilerpipeContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * newsbeam's HTML main-content extractor. Tika parses (charset detection, broken markup) with every element
 * and attribute kept; one pass feeds both newsbeam's page model and Tika's boilerpipe handler, whose
 * ArticleExtractor decision becomes one signal of {@link ContentScorer}. Metadata comes from meta tags,
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
    BoilerpipeContentHandler boilerpipe = new BoilerpipeContentHandler(new DefaultHandler(), ArticleExtractor.INSTANCE);
    GuardedHandler guarded = new GuardedHandler(boilerpipe);
    parser.parse(in, new TeeContentHandler(builder, guarded), metadata, context);
    PageModel page = builder.model();
    if (!guarded.failed()) {
      markBoilerpipeContent(page, boilerpipe);
    }
    List<PageModel.Paragraph> kept = ContentScorer.select(page);
    List<String> paragraphs = new ArrayList<>(kept.size());
    for (PageModel.Paragraph p : kept) {
      paragraphs.add(p.text);
    }
    String html = decode(raw, metadata);
    return HtmlMetadata.read(page, kept, metadata, html, paragraphs);
  }

  /** Marks the paragraphs whose text lies inside a block boilerpipe's ArticleExtractor keeps. */
  static void markBoilerpipeContent(PageModel page, BoilerpipeContentHandler boilerpipe) {
    StringBuilder content = new StringBuilder();
    Set<String> blocks = new HashSet<>();
    for (TextBlock block : boilerpipe.getTextDocument().getTextBlocks()) {
      if (block.isContent()) {
        String t = PageModelBuilder.collapse(block.getText());
        blocks.add(t);
        content.append(t).append('\n');
      }
    }
    if (blocks.isEmpty()) {
      return;
    }
    String all = content.toString();
    for (PageModel.Paragraph p : page.paragraphs) {
      p.boilerpipeContent = blocks.contains(p.text) || (p.chars >= 10 && all.contains(p.text));
    }
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
