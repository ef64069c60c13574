package io.newsbeam.transforms;

import io.newsbeam.boilerplate.CleanText;
import io.newsbeam.boilerplate.LineClassifier;
import io.newsbeam.boilerplate.SiteRepeats;
import io.newsbeam.errors.RejectReason;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Reject;
import io.newsbeam.text.Hashing;
import io.newsbeam.text.TextNormalizer;
import io.newsbeam.text.Times;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Classifies the lines of each draft body, keeps the article text, moves title/byline/dateline into fields,
 * and sets content hash and word count. Lines repeated across many documents of the draft's site (or input
 * folder) are removed as SITE_REPEATED: {@link FindSiteRepeatedLines} counts them over the whole corpus, and each
 * draft reads those of its scope from a side input (a site's chrome lines, a small map). A document with no body
 * left is rejected as no_text.
 */
public final class StripBoilerplate extends PTransform<PCollection<Article>, WithRejects<Article>> {
  static final TupleTag<Article> CLEAN = new TupleTag<>() {};
  static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  private final SiteRepeats.Threshold threshold;

  private StripBoilerplate(SiteRepeats.Threshold threshold) {
    this.threshold = threshold;
  }

  public static StripBoilerplate create() {
    return new StripBoilerplate(SiteRepeats.Threshold.defaults());
  }

  /** The same step with another cross-document threshold. */
  public StripBoilerplate withThreshold(SiteRepeats.Threshold threshold) {
    return new StripBoilerplate(threshold);
  }

  @Override
  public WithRejects<Article> expand(PCollection<Article> drafts) {
    PCollectionView<Map<String, Iterable<String>>> repeated =
        drafts.apply("FindSiteRepeatedLines", FindSiteRepeatedLines.with(threshold))
            .apply("AsMultimap", View.asMultimap());
    PCollectionTuple result =
        drafts.apply("ClassifyLines",
            ParDo.of(new StripFn(repeated)).withSideInputs(repeated).withOutputTags(CLEAN, TupleTagList.of(REJECTS)));
    result.get(CLEAN).setCoder(AvroCoder.of(Article.class));
    result.get(REJECTS).setCoder(AvroCoder.of(Reject.class));
    return WithRejects.of(result, CLEAN, REJECTS);
  }

  /** Applies the classifier to one draft without cross-document knowledge; null when no body is left. */
  public static Article clean(Article draft, LineClassifier classifier) {
    return clean(draft, classifier, Set.of());
  }

  /**
   * Applies the classifier to one draft whose site-repeated line keys are {@code siteRepeated}; returns null when
   * no body is left. Shared with the CLI and evaluation.
   */
  public static Article clean(Article draft, LineClassifier classifier, Set<String> siteRepeated) {
    return clean(draft, classifier, siteRepeated, true);
  }

  /**
   * Same, leaving {@code language} null unless {@code detectLanguage}: the pipeline detects it after folding
   * copies, once per distinct body of a story ({@link CollapseDuplicates}).
   */
  static Article clean(Article draft, LineClassifier classifier, Set<String> siteRepeated, boolean detectLanguage) {
    CleanText clean =
        classifier.classify(LineClassifier.blocksOf(draft.getBody()), draft.getTitle(), siteRepeated);
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
        .setLanguage(detectLanguage ? DocumentExtractor.detectLanguage(body) : null)
        .setBody(body)
        .setContentHash(Hashing.sha256Hex(String.join(" ", words)))
        .setWordCount(words.size())
        .build();
  }

  /**
   * Cleans a small set of drafts in memory the way the pipeline does, the cross-document step counted over all of
   * them ({@link SiteRepeats.Tally}): for the evaluation and tests. The result lists the cleaned article of each
   * draft in order, null where no body is left (the pipeline's no_text reject).
   */
  public static List<Article> cleanAll(List<Article> drafts, SiteRepeats.Threshold threshold) {
    SiteRepeats.Tally tally = new SiteRepeats.Tally();
    for (Article d : drafts) {
      tally.add(SiteRepeats.scopeOf(d.getSite(), d.getSourceUri()), d.getBody());
    }
    LineClassifier classifier = new LineClassifier();
    List<Article> out = new ArrayList<>();
    for (Article d : drafts) {
      Set<String> repeated = tally.repeated(SiteRepeats.scopeOf(d.getSite(), d.getSourceUri()), threshold);
      out.add(clean(d, classifier, repeated));
    }
    return out;
  }

  /** Cleans one draft with the site-repeated lines of its scope. */
  static final class StripFn extends DoFn<Article, Article> {
    private final Counter cleaned = Metrics.counter("newsbeam.clean", "articles");
    private final BundleSideInput<Map<String, Iterable<String>>> repeated;
    private transient LineClassifier classifier;
    private transient Map<String, Set<String>> repeatedOfScope;

    StripFn(PCollectionView<Map<String, Iterable<String>>> repeated) {
      this.repeated = new BundleSideInput<>(repeated);
    }

    @Setup
    public void setup() {
      classifier = new LineClassifier();
    }

    @StartBundle
    public void startBundle() {
      repeated.forget();
      repeatedOfScope = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element Article draft, ProcessContext c, BoundedWindow window, MultiOutputReceiver out) {
      Set<String> lines = repeatedOfScope.computeIfAbsent(SiteRepeats.scopeOf(draft.getSite(), draft.getSourceUri()),
          scope -> {
            Set<String> set = new HashSet<>();
            repeated.read(c, window).getOrDefault(scope, List.of()).forEach(set::add);
            return set;
          });
      Article clean = clean(draft, classifier, lines, false);
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
