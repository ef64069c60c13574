package io.newsbeam.extract.html;

import java.util.Locale;
import org.apache.tika.parser.html.HtmlMapper;

/**
 * Keeps every element and attribute (class, id, role, itemprop, rel, datetime) in Tika's XHTML events, as
 * Tika's {@code IdentityHtmlMapper} does, but still discards script, style and template content. ({@code <noscript>} stays: broken pages wrap
 * everything in it.)
 */
final class KeepAllHtmlMapper implements HtmlMapper {
  static final KeepAllHtmlMapper INSTANCE = new KeepAllHtmlMapper();

  @Override
  public String mapSafeElement(String name) {
    return name.toLowerCase(Locale.ENGLISH);
  }

  @Override
  public boolean isDiscardElement(String name) {
    String n = name.toLowerCase(Locale.ENGLISH);
    return n.equals("script") || n.equals("style") || n.equals("template");
  }

  @Override
  public String mapSafeAttribute(String elementName, String attributeName) {
    return attributeName.toLowerCase(Locale.ENGLISH);
  }
}
