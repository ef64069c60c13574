package io.newsbeam.transforms;

import io.newsbeam.boilerplate.SiteRepeats;
import io.newsbeam.schema.Article;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The corpus-level half of boilerplate removal: finds, for each draft, the lines that recur across the documents
 * of its site (or input folder), and outputs them as {@code KV<article_id, line key>}.
 *
 * <p>Counted with Beam, never in one worker's memory: each draft emits its distinct (scope, line key) pairs with
 * its document key; {@code Distinct} + {@code Count.perKey} give how many distinct documents hold each line (exact
 * copies count once), and how many documents each scope has (a small map, read as a side input). Lines above
 * {@link SiteRepeats.Threshold} are joined back to the drafts that hold them. The rules are plain Java in
 * {@link SiteRepeats}.
 */
public final class FindSiteRepeatedLines
    extends PTransform<PCollection<Article>, PCollection<KV<String, String>>> {

  private final SiteRepeats.Threshold threshold;

  private FindSiteRepeatedLines(SiteRepeats.Threshold threshold) {
    this.threshold = threshold;
  }

  public static FindSiteRepeatedLines with(SiteRepeats.Threshold threshold) {
    return new FindSiteRepeatedLines(threshold);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<Article> drafts) {
    KvCoder<String, String> pairs = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    // (scope + line key) → article id, and (scope + line key) → document key, once per distinct line of a draft
    PCollectionTuple listed =
        drafts.apply("ListDistinctLines", ParDo.of(new ListLinesFn()).withOutputTags(LINES, TupleTagList.of(SCOPE_DOCUMENTS)));
    PCollection<KV<String, KV<String, String>>> lines =
        listed.get(LINES).setCoder(KvCoder.of(StringUtf8Coder.of(), pairs));

    PCollection<KV<String, Long>> docsPerLine =
        lines.apply("LineToDocument", ParDo.of(new ProjectFn(false))).setCoder(pairs)
            .apply("OncePerDocument", Grouping.distinct())
            .apply("CountDocumentsPerLine", Grouping.countPerKey());

    PCollectionView<Map<String, Long>> docsPerScope =
        listed.get(SCOPE_DOCUMENTS).setCoder(pairs)
            .apply("OncePerScopeDocument", Grouping.distinct())
            .apply("CountDocumentsPerScope", Grouping.countPerKey())
            .apply("AsMap", View.asMap());

    PCollection<KV<String, Long>> repeated =
        docsPerLine.apply("KeepAboveThreshold",
            ParDo.of(new ThresholdFn(threshold, docsPerScope)).withSideInputs(docsPerScope));

    TupleTag<String> holders = new TupleTag<>() {};
    TupleTag<Long> counts = new TupleTag<>() {};
    PCollection<KV<String, String>> lineToArticle =
        lines.apply("LineToArticle", ParDo.of(new ProjectFn(true))).setCoder(pairs);
    return KeyedPCollectionTuple.of(holders, lineToArticle)
        .and(counts, repeated)
        .apply("JoinRepeatedLines", Grouping.coGroupByKey())
        .apply("ToArticles", ParDo.of(new ToArticlesFn(holders, counts)))
        .setCoder(pairs);
  }

  /**
   * Key of the counts: line key, then scope (line keys have a fixed length and no '\n'). The line key's hash
   * comes first because runners sort by a short prefix of the encoded key: with the scope first, every line of
   * a site shared that prefix and Flink compared whole keys (deserialising them) for nearly every pair, which
   * was most of the sort time of a 100k run.
   */
  static String scopedKey(String scope, String lineKey) {
    return lineKey + "\n" + scope;
  }

  static String lineKeyOf(String scopedKey) {
    return scopedKey.substring(0, scopedKey.indexOf('\n'));
  }

  static String scopeOfKey(String scopedKey) {
    return scopedKey.substring(scopedKey.indexOf('\n') + 1);
  }

  private static final TupleTag<KV<String, KV<String, String>>> LINES = new TupleTag<>() {};
  private static final TupleTag<KV<String, String>> SCOPE_DOCUMENTS = new TupleTag<>() {};

  /** A draft → its distinct lines ({@link #LINES}) and, once, its scope and document key ({@link #SCOPE_DOCUMENTS}). */
  static final class ListLinesFn extends DoFn<Article, KV<String, KV<String, String>>> {
    @ProcessElement
    public void process(@Element Article draft, MultiOutputReceiver out) {
      String scope = SiteRepeats.scopeOf(draft.getSite(), draft.getSourceUri());
      String doc = SiteRepeats.documentKey(draft.getBody());
      out.get(SCOPE_DOCUMENTS).output(KV.of(scope, doc));
      for (String key : SiteRepeats.lineKeysOf(draft.getBody())) {
        out.get(LINES).output(KV.of(scopedKey(scope, key), KV.of(draft.getArticleId(), doc)));
      }
    }
  }

  static final class ProjectFn extends DoFn<KV<String, KV<String, String>>, KV<String, String>> {
    private final boolean articleId;

    ProjectFn(boolean articleId) {
      this.articleId = articleId;
    }

    @ProcessElement
    public void process(@Element KV<String, KV<String, String>> e, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(e.getKey(), articleId ? e.getValue().getKey() : e.getValue().getValue()));
    }
  }

  static final class ThresholdFn extends DoFn<KV<String, Long>, KV<String, Long>> {
    private final SiteRepeats.Threshold threshold;
    private final BundleSideInput<Map<String, Long>> docsPerScope;
    private final Counter repeatedLines = Metrics.counter("newsbeam.clean", "site_repeated_line_keys");

    ThresholdFn(SiteRepeats.Threshold threshold, PCollectionView<Map<String, Long>> docsPerScope) {
      this.threshold = threshold;
      this.docsPerScope = new BundleSideInput<>(docsPerScope);
    }

    @StartBundle
    public void startBundle() {
      docsPerScope.forget();
    }

    @ProcessElement
    public void process(@Element KV<String, Long> e, ProcessContext c, BoundedWindow window) {
      long scopeDocs = docsPerScope.read(c, window).getOrDefault(scopeOfKey(e.getKey()), 0L);
      if (threshold.isBoilerplate(lineKeyOf(e.getKey()), e.getValue(), scopeDocs)) {
        repeatedLines.inc();
        c.output(e);
      }
    }
  }

  static final class ToArticlesFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    private final TupleTag<String> holders;
    private final TupleTag<Long> counts;

    ToArticlesFn(TupleTag<String> holders, TupleTag<Long> counts) {
      this.holders = holders;
      this.counts = counts;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, String>> out) {
      if (!e.getValue().getAll(counts).iterator().hasNext()) {
        return; // not a repeated line
      }
      String lineKey = lineKeyOf(e.getKey());
      for (String articleId : e.getValue().getAll(holders)) {
        out.output(KV.of(articleId, lineKey));
      }
    }
  }
}
