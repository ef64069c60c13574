package io.newsbeam.extract.html;

import de.l3s.boilerpipe.BoilerpipeProcessingException;
import de.l3s.boilerpipe.document.TextBlock;
import de.l3s.boilerpipe.document.TextDocument;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * boilerpipe's ArticleExtractor decision per paragraph, one signal of {@link ContentScorer}. boilerpipe's
 * classifiers run on text blocks built from the page model: one block per paragraph, with the features
 * boilerpipe's own HTML handler would count (words, words in links, words and lines wrapped at 80 columns; see
 * {@link PageModelBuilder}). Running boilerpipe's SAX handler beside the page model instead cost a quarter of the
 * extraction, most of it in its regex tokenizer, for the same blocks.
 */
final class BoilerpipeSignal {
  private BoilerpipeSignal() {}

  /** Sets {@link PageModel.Paragraph#boilerpipeContent} on the paragraphs ArticleExtractor keeps. */
  static void mark(PageModel page) {
    List<TextBlock> blocks = new ArrayList<>();
    List<PageModel.Paragraph> byOffset = new ArrayList<>();
    for (PageModel.Paragraph p : page.paragraphs) {
      if (p.tokens == 0) {
        continue;
      }
      blocks.add(new TextBlock(p.text, new BitSet(), p.words, p.linkedWords, p.wordsInWrappedLines, p.wrappedLines,
          byOffset.size()));
      byOffset.add(p);
    }
    if (blocks.isEmpty()) {
      return;
    }
    TextDocument doc = new TextDocument(page.titleElement, blocks);
    try {
      ArticleExtractor.INSTANCE.process(doc);
    } catch (BoilerpipeProcessingException | RuntimeException e) {
      return; // the signal is absent for this page
    }
    for (TextBlock b : doc.getTextBlocks()) {
      if (b.isContent()) {
        for (int i = b.getOffsetBlocksStart(); i <= b.getOffsetBlocksEnd() && i < byOffset.size(); i++) {
          byOffset.get(i).boilerpipeContent = true;
        }
      }
    }
  }
}
