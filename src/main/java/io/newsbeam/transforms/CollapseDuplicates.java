package io.newsbeam.transforms;

import io.newsbeam.dedup.CandidatePairs;
import io.newsbeam.dedup.ComponentFolding;
import io.newsbeam.dedup.DocFeatures;
import io.newsbeam.dedup.DuplicateVerifier;
import io.newsbeam.dedup.ExactCopies;
import io.newsbeam.dedup.LshBands;
import io.newsbeam.dedup.MinHash;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.schema.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Folds copies of one story into a canonical article. Exact copies share the hash of their normalised body;
 * near-identical copies (re-headlined, trimmed, edited wire copies) are found by MinHash/LSH over word
 * shingles and confirmed by {@link DuplicateVerifier}. Both kinds of links form a graph whose connected
 * components ({@link LabelComponents}) are folded with {@link ComponentFolding}. Outputs canonical articles
 * (listing their copies) and duplicates (pointing to the canonical one), each with its {@code language}
 * detected here, once per distinct body of a component. The algorithms live in {@code io.newsbeam.dedup}; this
 * transform only wires them.
 */
public final class CollapseDuplicates extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<Article> CANONICAL = new TupleTag<>() {};
  public static final TupleTag<Article> DUPLICATES = new TupleTag<>() {};

  private static final TupleTag<KV<String, String>> EXACT_LINKS = new TupleTag<>() {};
  private static final TupleTag<KV<String, DocFeatures>> REPRESENTATIVES = new TupleTag<>() {};

  private final int maxRounds;

  private CollapseDuplicates(int maxRounds) {
    this.maxRounds = maxRounds;
  }

  public static CollapseDuplicates create() {
    return new CollapseDuplicates(LabelComponents.DEFAULT_MAX_ROUNDS);
  }

  /** Same, with another bound on the connected-components rounds (see {@link LabelComponents}). */
  public CollapseDuplicates withMaxRounds(int rounds) {
    return new CollapseDuplicates(rounds);
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    KvCoder<String, String> links = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    KvCoder<String, DocFeatures> features = KvCoder.of(StringUtf8Coder.of(), DocFeaturesCoder.of());

    PCollectionTuple exact =
        articles
            .apply("KeyByContentHash", WithKeys.of(Article::getContentHash).withKeyType(TypeDescriptors.strings()))
            .apply("GroupExactCopies", Grouping.byKey())
            .apply("LinkExactCopies", ParDo.of(new ExactFn()).withOutputTags(EXACT_LINKS, TupleTagList.of(REPRESENTATIVES)));
    PCollection<KV<String, String>> exactLinks = exact.get(EXACT_LINKS).setCoder(links);
    PCollection<KV<String, DocFeatures>> representatives = exact.get(REPRESENTATIVES).setCoder(features);

    PCollection<KV<String, String>> candidates =
        representatives
            .apply("BandSignatures", ParDo.of(new BandFn(MinHash.DEFAULT_HASHES, MinHash.DEFAULT_SEED, LshBands.DEFAULT)))
            .setCoder(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of()))
            .apply("GroupBuckets", Grouping.byKey())
            .apply("PairBucketMembers", ParDo.of(new PairFn()))
            .setCoder(links);
    PCollection<KV<String, String>> nearLinks = verify(candidates, representatives, DuplicateVerifier.DEFAULT);

    PCollection<KV<String, String>> roots =
        PCollectionList.of(exactLinks).and(nearLinks)
            .apply("AllLinks", Flatten.pCollections())
            .apply("LabelComponents", LabelComponents.withMaxRounds(maxRounds));

    TupleTag<Article> articleTag = new TupleTag<>() {};
    TupleTag<String> rootTag = new TupleTag<>() {};
    PCollectionTuple folded =
        KeyedPCollectionTuple.of(articleTag,
                articles.apply("KeyById", WithKeys.of(Article::getArticleId).withKeyType(TypeDescriptors.strings())))
            .and(rootTag, roots)
            .apply("JoinComponents", Grouping.coGroupByKey())
            .apply("KeyByComponent", ParDo.of(new ByComponentFn(articleTag, rootTag)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(Article.class)))
            .apply("GroupComponents", Grouping.byKey())
            .apply("FoldCopies", ParDo.of(new FoldFn()).withOutputTags(CANONICAL, TupleTagList.of(DUPLICATES)));
    folded.get(CANONICAL).setCoder(AvroCoder.of(Article.class));
    folded.get(DUPLICATES).setCoder(AvroCoder.of(Article.class));
    return folded;
  }

  /** Candidate pairs (left, right) → verified links, joining each side's features in turn. */
  private static PCollection<KV<String, String>> verify(
      PCollection<KV<String, String>> candidates, PCollection<KV<String, DocFeatures>> features, DuplicateVerifier verifier) {
    KvCoder<String, DocFeatures> coder = KvCoder.of(StringUtf8Coder.of(), DocFeaturesCoder.of());
    TupleTag<DocFeatures> featureTag = new TupleTag<>() {};
    TupleTag<String> partnerTag = new TupleTag<>() {};
    TupleTag<DocFeatures> leftTag = new TupleTag<>() {};
    PCollection<KV<String, DocFeatures>> leftByRight =
        KeyedPCollectionTuple.of(featureTag, features)
            .and(partnerTag, candidates)
            .apply("JoinLeftFeatures", Grouping.coGroupByKey())
            .apply("SendToRight", ParDo.of(new SendToRightFn(featureTag, partnerTag)))
            .setCoder(coder);
    return KeyedPCollectionTuple.of(featureTag, features)
        .and(leftTag, leftByRight)
        .apply("JoinRightFeatures", Grouping.coGroupByKey())
        .apply("VerifyCandidates", ParDo.of(new VerifyFn(featureTag, leftTag, verifier)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /** One group of identical bodies: links each copy to its representative ({@link ExactCopies}); those go on. */
  static final class ExactFn extends DoFn<KV<String, Iterable<Article>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<Article>> group, MultiOutputReceiver out) {
      ExactCopies.Result r = ExactCopies.of(group.getValue());
      r.links().forEach((copy, rep) -> out.get(EXACT_LINKS).output(KV.of(copy, rep)));
      r.representatives().forEach((id, f) -> out.get(REPRESENTATIVES).output(KV.of(id, f)));
    }
  }

  /** MinHash signature → one bucket key per LSH band. */
  static final class BandFn extends DoFn<KV<String, DocFeatures>, KV<Long, String>> {
    private final int hashes;
    private final long seed;
    private final LshBands bands;
    private transient MinHash minHash;

    BandFn(int hashes, long seed, LshBands bands) {
      this.hashes = hashes;
      this.seed = seed;
      this.bands = bands;
    }

    @Setup
    public void setup() {
      minHash = new MinHash(hashes, seed);
      bands.check(hashes);
    }

    @ProcessElement
    public void process(@Element KV<String, DocFeatures> doc, OutputReceiver<KV<Long, String>> out) {
      for (long key : bands.keys(minHash.signature(doc.getValue().shingles()))) {
        out.output(KV.of(key, doc.getKey()));
      }
    }
  }

  static final class PairFn extends DoFn<KV<Long, Iterable<String>>, KV<String, String>> {
    private final Counter largeBuckets = Metrics.counter("newsbeam.dedup", "lsh_buckets_over_all_pairs_limit");

    @ProcessElement
    public void process(@Element KV<Long, Iterable<String>> bucket, OutputReceiver<KV<String, String>> out) {
      List<CandidatePairs.Pair> pairs =
          CandidatePairs.of(bucket.getValue(), CandidatePairs.DEFAULT_MAX_ALL_PAIRS, CandidatePairs.DEFAULT_WINDOW);
      if (pairs.size() > CandidatePairs.DEFAULT_MAX_ALL_PAIRS * (CandidatePairs.DEFAULT_MAX_ALL_PAIRS - 1) / 2) {
        largeBuckets.inc();
      }
      for (CandidatePairs.Pair p : pairs) {
        out.output(KV.of(p.left(), p.right()));
      }
    }
  }

  static final class SendToRightFn extends DoFn<KV<String, CoGbkResult>, KV<String, DocFeatures>> {
    private final TupleTag<DocFeatures> featureTag;
    private final TupleTag<String> partnerTag;

    SendToRightFn(TupleTag<DocFeatures> featureTag, TupleTag<String> partnerTag) {
      this.featureTag = featureTag;
      this.partnerTag = partnerTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> left, OutputReceiver<KV<String, DocFeatures>> out) {
      TreeSet<String> partners = new TreeSet<>();
      left.getValue().getAll(partnerTag).forEach(partners::add);
      if (partners.isEmpty()) {
        return;
      }
      DocFeatures features = left.getValue().getOnly(featureTag);
      for (String right : partners) {
        out.output(KV.of(right, features));
      }
    }
  }

  static final class VerifyFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    private final TupleTag<DocFeatures> featureTag;
    private final TupleTag<DocFeatures> leftTag;
    private final DuplicateVerifier verifier;
    private final Counter candidates = Metrics.counter("newsbeam.dedup", "minhash_candidates");
    private final Counter verified = Metrics.counter("newsbeam.dedup", "minhash_links");

    VerifyFn(TupleTag<DocFeatures> featureTag, TupleTag<DocFeatures> leftTag, DuplicateVerifier verifier) {
      this.featureTag = featureTag;
      this.leftTag = leftTag;
      this.verifier = verifier;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> right, OutputReceiver<KV<String, String>> out) {
      // Each tag read once: a document can have more partners than the runner keeps in memory, and then the
      // grouped values can be read only once (Flink).
      DocFeatures r = right.getValue().getOnly(featureTag, null);
      for (DocFeatures l : right.getValue().getAll(leftTag)) {
        candidates.inc();
        if (verifier.isDuplicate(l, r)) {
          verified.inc();
          out.output(KV.of(r.id(), l.id()));
        }
      }
    }
  }

  /** Keys every article by its component root (its own id when it has no link). */
  static final class ByComponentFn extends DoFn<KV<String, CoGbkResult>, KV<String, Article>> {
    private final TupleTag<Article> articleTag;
    private final TupleTag<String> rootTag;

    ByComponentFn(TupleTag<Article> articleTag, TupleTag<String> rootTag) {
      this.articleTag = articleTag;
      this.rootTag = rootTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> node, OutputReceiver<KV<String, Article>> out) {
      String root = node.getValue().getOnly(rootTag, node.getKey());
      for (Article a : node.getValue().getAll(articleTag)) {
        out.output(KV.of(root, a));
      }
    }
  }

  /**
   * Folds one component, and detects each member's language, once per distinct body: copies that carry one body
   * word for word (a wire story several sites ran unchanged) get the same answer from the detector anyway.
   */
  static final class FoldFn extends DoFn<KV<String, Iterable<Article>>, Article> {
    private final Counter duplicates = Metrics.counter("newsbeam.dedup", "duplicates");

    @ProcessElement
    public void process(@Element KV<String, Iterable<Article>> group, MultiOutputReceiver out) {
      List<Article> members = new ArrayList<>();
      group.getValue().forEach(members::add);
      List<Article> folded = ComponentFolding.fold(members); // new records, this step's own to complete
      Map<String, Optional<String>> languageOfBody = new HashMap<>();
      for (Article a : folded) {
        a.setLanguage(languageOfBody
            .computeIfAbsent(a.getBody(), body -> Optional.ofNullable(DocumentExtractor.detectLanguage(body)))
            .orElse(null));
      }
      out.get(CANONICAL).output(folded.get(0));
      for (Article dup : folded.subList(1, folded.size())) {
        duplicates.inc();
        out.get(DUPLICATES).output(dup);
      }
    }
  }
}
