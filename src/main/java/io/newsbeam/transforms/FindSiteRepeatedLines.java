package io.newsbeam.transforms;

import io.newsbeam.boilerplate.SiteRepeats;
import io.newsbeam.schema.Article;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The corpus-level half of boilerplate removal: finds the lines that recur across the documents of a site (or
 * input folder), and outputs them as {@code KV<scope, line key>}, once per scope and line.
 *
 * <p>Counted with Beam: each draft emits its distinct (scope, line key) pairs with its document key (a 64-bit hash
 * of its normalised text); one combine per key gives how many distinct documents hold each line (exact copies count
 * once; {@link Grouping#countDistinctPerKey}, which holds 8 bytes per document of a line at most), and how many
 * documents each scope has (a small map, read as a side input). The lines above
 * {@link SiteRepeats.Threshold} are the output: a site's chrome, so their number grows with the sites and their
 * templates, not with the documents. The rules are plain Java in {@link SiteRepeats}.
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
    KvCoder<String, Long> documents = KvCoder.of(StringUtf8Coder.of(), BigEndianLongCoder.of());
    // (scope + line key) → document key, once per distinct line of a draft; scope → document key, once per draft
    PCollectionTuple listed =
        drafts.apply("ListDistinctLines", ParDo.of(new ListLinesFn()).withOutputTags(LINES, TupleTagList.of(SCOPE_DOCUMENTS)));

    PCollection<KV<String, Long>> docsPerLine =
        listed.get(LINES).setCoder(documents).apply("CountDocumentsPerLine", Grouping.countDistinctPerKey());

    PCollectionView<Map<String, Long>> docsPerScope =
        listed.get(SCOPE_DOCUMENTS).setCoder(documents)
            .apply("CountDocumentsPerScope", Grouping.countDistinctPerKey())
            .apply("AsMap", View.asMap());

    return docsPerLine
        .apply("KeepAboveThreshold", ParDo.of(new ThresholdFn(threshold, docsPerScope)).withSideInputs(docsPerScope))
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

  private static final TupleTag<KV<String, Long>> LINES = new TupleTag<>() {};
  private static final TupleTag<KV<String, Long>> SCOPE_DOCUMENTS = new TupleTag<>() {};

  /** A draft → its distinct lines ({@link #LINES}) and, once, its scope and document key ({@link #SCOPE_DOCUMENTS}). */
  static final class ListLinesFn extends DoFn<Article, KV<String, Long>> {
    @ProcessElement
    public void process(@Element Article draft, MultiOutputReceiver out) {
      String scope = SiteRepeats.scopeOf(draft.getSite(), draft.getSourceUri());
      long doc = Long.parseUnsignedLong(SiteRepeats.documentKey(draft.getBody()), 16);
      out.get(SCOPE_DOCUMENTS).output(KV.of(scope, doc));
      for (String key : SiteRepeats.lineKeysOf(draft.getBody())) {
        out.get(LINES).output(KV.of(scopedKey(scope, key), doc));
      }
    }
  }

  /** (scope + line key, documents) → (scope, line key) when the line is boilerplate in its scope. */
  static final class ThresholdFn extends DoFn<KV<String, Long>, KV<String, String>> {
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
        c.output(KV.of(scopeOfKey(e.getKey()), lineKeyOf(e.getKey())));
      }
    }
  }
}
