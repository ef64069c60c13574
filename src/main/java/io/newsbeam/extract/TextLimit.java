package io.newsbeam.extract;

import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Stops a parse as soon as the document's text passes the limit. Handlers that collect the whole document
 * before writing (boilerpipe) would otherwise read a 50 MB page to the end before the body's write limit fires.
 */
final class TextLimit extends ContentHandlerDecorator {
  private final int maxChars;
  private long seen;

  TextLimit(ContentHandler handler, int maxChars) {
    super(handler);
    this.maxChars = maxChars;
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    count(length);
    super.characters(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    count(length);
    super.ignorableWhitespace(ch, start, length);
  }

  private void count(int length) throws SAXException {
    seen += length;
    if (seen > maxChars) {
      throw new WriteLimitReachedException(maxChars);
    }
  }
}
