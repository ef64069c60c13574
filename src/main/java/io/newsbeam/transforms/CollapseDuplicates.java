package io.newsbeam.transforms;

import io.newsbeam.dedup.CopyFolding;
import io.newsbeam.schema.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Folds copies of one story into a canonical article: exact copies share the hash of their normalised body.
 * Outputs canonical articles (listing their copies) and duplicates (pointing to the canonical one).
 */
public final class CollapseDuplicates extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<Article> CANONICAL = new TupleTag<>() {};
  public static final TupleTag<Article> DUPLICATES = new TupleTag<>() {};

  public static CollapseDuplicates create() {
    return new CollapseDuplicates();
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    PCollectionTuple folded =
        articles
            .apply("KeyByContentHash", WithKeys.of((Article a) -> a.getContentHash()).withKeyType(TypeDescriptors.strings()))
            .apply("GroupCopies", GroupByKey.create())
            .apply("FoldCopies", ParDo.of(new FoldFn()).withOutputTags(CANONICAL, TupleTagList.of(DUPLICATES)));
    folded.get(CANONICAL).setCoder(AvroCoder.of(Article.class));
    folded.get(DUPLICATES).setCoder(AvroCoder.of(Article.class));
    return folded;
  }

  static final class FoldFn extends DoFn<KV<String, Iterable<Article>>, Article> {
    private final Counter duplicates = Metrics.counter("newsbeam.dedup", "duplicates");

    @ProcessElement
    public void process(@Element KV<String, Iterable<Article>> group, MultiOutputReceiver out) {
      List<Article> members = new ArrayList<>();
      group.getValue().forEach(members::add);
      List<Article> folded = CopyFolding.fold(members, Map.of());
      out.get(CANONICAL).output(folded.get(0));
      for (Article dup : folded.subList(1, folded.size())) {
        duplicates.inc();
        out.get(DUPLICATES).output(dup);
      }
    }
  }
}
