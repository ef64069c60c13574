package io.newsbeam.transforms;

import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.Dates;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.extract.TikaMetadata;
import io.newsbeam.extract.html.HtmlArticle;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Reject;
import io.newsbeam.text.Times;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Parses each document with Tika (type detection, text, metadata; HTML main content through the boilerpipe
 * handler) into a draft article whose body keeps the extracted blocks. Failures become rejects with a reason.
 */
public final class ExtractContent extends PTransform<PCollection<RawDocument>, WithRejects<Article>> {
  static final TupleTag<Article> DRAFTS = new TupleTag<>() {};
  static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  private final ExtractionLimits limits;
  private final ExtractorKind kind;

  private ExtractContent(ExtractionLimits limits, ExtractorKind kind) {
    this.limits = limits;
    this.kind = kind;
  }

  public static ExtractContent with(ExtractionLimits limits, ExtractorKind kind) {
    return new ExtractContent(limits, kind);
  }

  @Override
  public WithRejects<Article> expand(PCollection<RawDocument> documents) {
    PCollectionTuple result =
        documents.apply(
            "ParseWithTika",
            ParDo.of(new ExtractFn(limits, kind)).withOutputTags(DRAFTS, TupleTagList.of(REJECTS)));
    result.get(DRAFTS).setCoder(AvroCoder.of(Article.class));
    result.get(REJECTS).setCoder(AvroCoder.of(Reject.class));
    return WithRejects.of(result, DRAFTS, REJECTS);
  }

  /** Joins blocks into a draft body: lines of a block by one newline, blocks by a blank line. */
  static String draftBody(List<List<String>> blocks) {
    List<String> joined = new ArrayList<>();
    for (List<String> block : blocks) {
      joined.add(String.join("\n", block));
    }
    return String.join("\n\n", joined);
  }

  /**
   * The draft article of one parsed document: metadata from newsbeam's HTML extractor when it ran, else from
   * Tika's metadata (and a date in the path). Shared with the evaluation command.
   */
  public static Article draft(String articleId, String sourceUri, long sizeBytes, DocumentExtractor.Parsed parsed) {
    HtmlArticle page = parsed.article();
    String title = page != null && page.title() != null ? page.title() : TikaMetadata.title(parsed.metadata());
    List<String> authors = page != null && !page.authors().isEmpty() ? page.authors() : TikaMetadata.authors(parsed.metadata());
    Long published = page != null ? page.publishedAt() : null;
    if (published == null) {
      published = TikaMetadata.published(parsed.metadata());
    }
    if (published == null) {
      published = Dates.parseUrl(sourceUri).orElse(null);
    }
    String site = page != null && page.site() != null ? page.site() : DocumentExtractor.siteOf(parsed.metadata(), sourceUri);
    return Article.newBuilder()
        .setArticleId(articleId)
        .setSourceUri(sourceUri)
        .setContentType(parsed.contentType())
        .setTitle(title)
        .setAuthors(authors)
        .setPublishedAt(Times.instant(published))
        .setSite(site)
        .setBody(draftBody(parsed.blocks()))
        .setEventId("")
        .setContentHash("")
        .setSizeBytes(sizeBytes)
        .build();
  }

  static final class ExtractFn extends DoFn<RawDocument, Article> {
    private final ExtractionLimits limits;
    private final ExtractorKind kind;
    private final Counter extracted = Metrics.counter("newsbeam.extract", "documents");
    private final Distribution chars = Metrics.distribution("newsbeam.extract", "text_chars");
    private transient DocumentExtractor extractor;

    ExtractFn(ExtractionLimits limits, ExtractorKind kind) {
      this.limits = limits;
      this.kind = kind;
    }

    @Setup
    public void setup() {
      extractor = new DocumentExtractor(limits, kind);
    }

    @ProcessElement
    public void process(@Element RawDocument doc, MultiOutputReceiver out) {
      DocumentExtractor.Parsed parsed;
      try {
        parsed = extractor.parse(doc.sourceUri(), doc.bytes());
      } catch (RejectedException e) {
        out.get(REJECTS).output(Rejects.of(doc.sourceUri(), "extract", e.reason(), e.getMessage(), doc.bytes().length));
        return;
      }
      Article draft = draft(doc.articleId(), doc.sourceUri(), doc.bytes().length, parsed);
      chars.update(draft.getBody().length());
      extracted.inc();
      out.get(DRAFTS).output(draft);
    }
  }
}
