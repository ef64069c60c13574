package io.newsbeam.transforms;

import io.newsbeam.boilerplate.CleanText;
import io.newsbeam.boilerplate.LineClassifier;
import io.newsbeam.errors.RejectReason;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Reject;
import io.newsbeam.text.Hashing;
import io.newsbeam.text.TextNormalizer;
import io.newsbeam.text.Times;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Classifies the lines of each draft body, keeps the article text, moves title/byline/dateline into fields,
 * and sets language, content hash and word count. A document with no body left is rejected as no_text.
 */
public final class StripBoilerplate extends PTransform<PCollection<Article>, WithRejects<Article>> {
  static final TupleTag<Article> CLEAN = new TupleTag<>() {};
  static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  public static StripBoilerplate create() {
    return new StripBoilerplate();
  }

  @Override
  public WithRejects<Article> expand(PCollection<Article> drafts) {
    PCollectionTuple result =
        drafts.apply("ClassifyLines", ParDo.of(new StripFn()).withOutputTags(CLEAN, TupleTagList.of(REJECTS)));
    result.get(CLEAN).setCoder(AvroCoder.of(Article.class));
    result.get(REJECTS).setCoder(AvroCoder.of(Reject.class));
    return WithRejects.of(result, CLEAN, REJECTS);
  }

  /** Applies the classifier to one draft; returns null when no body is left. Shared with the CLI and evaluation. */
  public static Article clean(Article draft, LineClassifier classifier) {
    CleanText clean = classifier.classify(LineClassifier.blocksOf(draft.getBody()), draft.getTitle());
    if (clean.body().isEmpty()) {
      return null;
    }
    String body = String.join("\n\n", clean.body());
    Set<String> authors = new LinkedHashSet<>(draft.getAuthors());
    if (authors.isEmpty()) {
      authors.addAll(clean.authors());
    }
    Long published = draft.getPublishedAt() != null ? Times.millis(draft.getPublishedAt()) : clean.publishedAt();
    List<String> words = TextNormalizer.words(body);
    return Article.newBuilder(draft)
        .setTitle(clean.title())
        .setSubtitle(clean.subtitle())
        .setAuthors(List.copyOf(authors))
        .setPublishedAt(Times.instant(published))
        .setLanguage(DocumentExtractor.detectLanguage(body))
        .setBody(body)
        .setContentHash(Hashing.sha256Hex(String.join(" ", words)))
        .setWordCount(words.size())
        .build();
  }

  static final class StripFn extends DoFn<Article, Article> {
    private final Counter cleaned = Metrics.counter("newsbeam.clean", "articles");
    private transient LineClassifier classifier;

    @Setup
    public void setup() {
      classifier = new LineClassifier();
    }

    @ProcessElement
    public void process(@Element Article draft, MultiOutputReceiver out) {
      Article clean = clean(draft, classifier);
      if (clean == null) {
        out.get(REJECTS).output(Rejects.of(draft.getSourceUri(), "clean", RejectReason.NO_TEXT,
            "no article text left after removing boilerplate", draft.getSizeBytes()));
        return;
      }
      cleaned.inc();
      out.get(CLEAN).output(clean);
    }
  }
}
