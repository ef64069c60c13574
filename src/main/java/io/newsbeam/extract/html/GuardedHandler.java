package io.newsbeam.extract.html;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Forwards SAX events to a signal handler (boilerpipe) until it throws; from then on the signal is absent
 * for this page instead of failing the parse. Boilerpipe refuses markup such as nested links, which Tika
 * passes through when every element is kept.
 */
final class GuardedHandler extends DefaultHandler {
  private final ContentHandler delegate;
  private boolean failed;

  GuardedHandler(ContentHandler delegate) {
    this.delegate = delegate;
  }

  boolean failed() {
    return failed;
  }

  @Override
  public void startDocument() {
    if (!failed) {
      try {
        delegate.startDocument();
      } catch (SAXException | RuntimeException e) {
        failed = true;
      }
    }
  }

  @Override
  public void endDocument() {
    if (!failed) {
      try {
        delegate.endDocument();
      } catch (SAXException | RuntimeException e) {
        failed = true;
      }
    }
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    if (!failed) {
      try {
        delegate.startElement(uri, localName, qName, atts);
      } catch (SAXException | RuntimeException e) {
        failed = true;
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    if (!failed) {
      try {
        delegate.endElement(uri, localName, qName);
      } catch (SAXException | RuntimeException e) {
        failed = true;
      }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (!failed) {
      try {
        delegate.characters(ch, start, length);
      } catch (SAXException | RuntimeException e) {
        failed = true;
      }
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    if (!failed) {
      try {
        delegate.ignorableWhitespace(ch, start, length);
      } catch (SAXException | RuntimeException e) {
        failed = true;
      }
    }
  }
}
