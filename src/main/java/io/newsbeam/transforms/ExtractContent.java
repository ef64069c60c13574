package io.newsbeam.transforms;

import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.Dates;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.extract.ParseIsolation;
import io.newsbeam.extract.ParseProcessPool;
import io.newsbeam.extract.TikaMetadata;
import io.newsbeam.extract.html.HtmlArticle;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Reject;
import io.newsbeam.text.Times;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

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

  /**
   * Parses each document into a draft or a reject. With {@link ParseIsolation#PROCESS} it keeps several parses in
   * flight ({@link ParseProcessPool#inFlight()}) on threads of its own and outputs each outcome, in the order the
   * documents came, once it is ready (at the latest when the bundle finishes): one parse per worker thread left
   * the parse child's cores idle while each answer travelled back. Metrics are counted on the bundle's thread.
   */
  static final class ExtractFn extends DoFn<RawDocument, Article> {
    private final ExtractionLimits limits;
    private final ExtractorKind kind;
    private final Counter extracted = Metrics.counter("newsbeam.extract", "documents");
    private final Distribution chars = Metrics.distribution("newsbeam.extract", "text_chars");
    private transient DocumentExtractor extractor;
    /** Parses in flight (process isolation only), oldest first; null when parsing happens on the caller. */
    private transient ExecutorService parsing;
    private transient int ahead;
    private transient ArrayDeque<Pending> pending;

    ExtractFn(ExtractionLimits limits, ExtractorKind kind) {
      this.limits = limits;
      this.kind = kind;
    }

    /** One document's outcome: a draft or a reject. */
    record Outcome(Article draft, Reject reject) {}

    /** A parse in flight, with where its outcome goes. */
    record Pending(Future<Outcome> outcome, Instant timestamp, BoundedWindow window) {}

    @Setup
    public void setup() {
      extractor = new DocumentExtractor(limits, kind);
      if (limits.isolation() == ParseIsolation.PROCESS) {
        ahead = ParseProcessPool.shared().inFlight();
        parsing = Executors.newFixedThreadPool(ahead, r -> {
          Thread t = new Thread(r, "newsbeam-extract");
          t.setDaemon(true);
          return t;
        });
      }
    }

    @StartBundle
    public void startBundle() {
      pending = new ArrayDeque<>();
    }

    @ProcessElement
    public void process(@Element RawDocument doc, @Timestamp Instant timestamp, BoundedWindow window,
        MultiOutputReceiver out) {
      if (parsing == null) {
        emit(outcome(doc), out.get(DRAFTS)::output, out.get(REJECTS)::output);
        return;
      }
      pending.add(new Pending(parsing.submit(() -> outcome(doc)), timestamp, window));
      while (!pending.isEmpty() && (pending.size() > ahead || pending.peek().outcome().isDone())) {
        emit(await(pending.poll()), out.get(DRAFTS)::output, out.get(REJECTS)::output);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      while (pending != null && !pending.isEmpty()) {
        Pending p = pending.poll();
        emit(await(p), d -> c.output(DRAFTS, d, p.timestamp(), p.window()),
            r -> c.output(REJECTS, r, p.timestamp(), p.window()));
      }
    }

    @Teardown
    public void teardown() {
      if (parsing != null) {
        parsing.shutdownNow();
      }
    }

    private Outcome outcome(RawDocument doc) {
      try {
        DocumentExtractor.Parsed parsed = extractor.parse(doc.sourceUri(), doc.bytes());
        return new Outcome(draft(doc.articleId(), doc.sourceUri(), doc.bytes().length, parsed), null);
      } catch (RejectedException e) {
        return new Outcome(null,
            Rejects.uncounted(doc.sourceUri(), "extract", e.reason(), e.getMessage(), doc.bytes().length));
      }
    }

    private static Outcome await(Pending p) {
      try {
        return p.outcome().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a parse", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException("parsing failed", e.getCause());
      }
    }

    private void emit(Outcome o, Consumer<Article> drafts, Consumer<Reject> rejects) {
      if (o.reject() != null) {
        rejects.accept(Rejects.counted(o.reject()));
        return;
      }
      chars.update(o.draft().getBody().length());
      extracted.inc();
      drafts.accept(o.draft());
    }
  }
}
