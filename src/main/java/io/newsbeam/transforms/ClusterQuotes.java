package io.newsbeam.transforms;

import io.newsbeam.quotes.MiniLmEmbedder;
import io.newsbeam.quotes.ParagraphHashes;
import io.newsbeam.quotes.QuoteBlock;
import io.newsbeam.quotes.QuoteClusterer;
import io.newsbeam.quotes.QuoteExtractor;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.QuoteCluster;
import io.newsbeam.schema.RepeatedParagraph;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
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
 * Marks paragraphs repeated across different articles, extracts the quoted statements of every article (canonical
 * and duplicate) with their speakers, and clusters the same statement across the articles of an event (the block:
 * same event, hence same time window) into quote clusters. Outputs {@link #QUOTES} (one {@link QuoteCluster} per
 * cluster), each event's articles and duplicates as {@link EventPart}s ({@link #ARTICLE_PARTS}, {@link
 * #DUPLICATE_PARTS}: every record of {@link AssignEvents}' tuple once, grouped by event as the writer wants them)
 * and {@link AssignEvents#EVENTS} as it came.
 */
public final class ClusterQuotes extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<QuoteCluster> QUOTES = new TupleTag<>() {};
  /** Each event's canonical articles, with quotes and marks, in parts. */
  public static final TupleTag<EventPart> ARTICLE_PARTS = new TupleTag<>() {};
  /** Each event's duplicates, with quotes and marks, in parts. */
  public static final TupleTag<EventPart> DUPLICATE_PARTS = new TupleTag<>() {};

  public static ClusterQuotes create() {
    return new ClusterQuotes();
  }

  /** Expects the output of {@link AssignEvents}. */
  @Override
  public PCollectionTuple expand(PCollectionTuple events) {
    PCollection<Article> all =
        PCollectionList.of(events.get(AssignEvents.ARTICLES)).and(events.get(AssignEvents.DUPLICATES))
            .apply("AllArticles", Flatten.pCollections());
    PCollection<KV<String, KV<String, RepeatedParagraph>>> marks =
        all.apply("FindRepeatedParagraphs", new FindRepeatedParagraphs());
    TupleTag<Article> articleTag = new TupleTag<>() {};
    TupleTag<KV<String, RepeatedParagraph>> markTag = new TupleTag<>() {};
    PCollectionTuple quoted =
        KeyedPCollectionTuple.of(articleTag,
                all.apply("KeyByEvent", WithKeys.of((Article a) -> eventKey(a)).withKeyType(TypeDescriptors.strings())))
            .and(markTag, marks)
            .apply("GroupEvents", Grouping.coGroupByKey())
            .apply("ClusterEventQuotes",
                ParDo.of(new ClusterFn(articleTag, markTag)).withOutputTags(ARTICLE_PARTS,
                    TupleTagList.of(DUPLICATE_PARTS).and(QUOTES)));
    quoted.get(ARTICLE_PARTS).setCoder(EventPart.Coder.of());
    quoted.get(DUPLICATE_PARTS).setCoder(EventPart.Coder.of());
    quoted.get(QUOTES).setCoder(AvroCoder.of(QuoteCluster.class));
    return PCollectionTuple.of(ARTICLE_PARTS, quoted.get(ARTICLE_PARTS))
        .and(DUPLICATE_PARTS, quoted.get(DUPLICATE_PARTS))
        .and(AssignEvents.EVENTS, events.get(AssignEvents.EVENTS))
        .and(QUOTES, quoted.get(QUOTES));
  }

  /** The grouping key of an article's event ({@link Grouping#sortableKey}). */
  static String eventKey(Article a) {
    return Grouping.sortableKey(a.getEventId());
  }

  /**
   * Paragraph hash → the distinct bodies holding it; a paragraph held by two or more bodies is marked in each
   * article holding it. The marks come out keyed by the article's event ({@link #eventKey}), with its id, so that
   * they travel with the event's articles into {@code GroupEvents} instead of being joined onto each article in a
   * grouping of their own.
   */
  static final class FindRepeatedParagraphs
      extends PTransform<PCollection<Article>, PCollection<KV<String, KV<String, RepeatedParagraph>>>> {
    @Override
    public PCollection<KV<String, KV<String, RepeatedParagraph>>> expand(PCollection<Article> articles) {
      return articles
          .apply("HashParagraphs", ParDo.of(new HashParagraphsFn()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), ParagraphUse.CODER))
          .apply("GroupByParagraph", Grouping.byKey())
          .apply("RepeatedOnes", ParDo.of(new RepeatedFn()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(),
              KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(RepeatedParagraph.class))));
    }
  }

  /** Where a paragraph occurs: an article (its event key and id), the paragraph's index and the body's hash. */
  record ParagraphUse(String eventKey, String articleId, int index, String contentHash) {
    static final Coder<ParagraphUse> CODER = new UseCoder();
  }

  /** {@link ParagraphUse}'s coder: its four fields in order. */
  static final class UseCoder extends AtomicCoder<ParagraphUse> {
    @Override
    public void encode(ParagraphUse u, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(u.eventKey(), out);
      StringUtf8Coder.of().encode(u.articleId(), out);
      VarIntCoder.of().encode(u.index(), out);
      StringUtf8Coder.of().encode(u.contentHash(), out);
    }

    @Override
    public ParagraphUse decode(InputStream in) throws IOException {
      return new ParagraphUse(StringUtf8Coder.of().decode(in), StringUtf8Coder.of().decode(in),
          VarIntCoder.of().decode(in), StringUtf8Coder.of().decode(in));
    }
  }

  /** paragraph hash → where it occurs. */
  static final class HashParagraphsFn extends DoFn<Article, KV<String, ParagraphUse>> {
    @ProcessElement
    public void process(@Element Article a, OutputReceiver<KV<String, ParagraphUse>> out) {
      String event = eventKey(a);
      for (Map.Entry<Integer, String> p : ParagraphHashes.of(a.getBody()).entrySet()) {
        out.output(KV.of(p.getValue(), new ParagraphUse(event, a.getArticleId(), p.getKey(), a.getContentHash())));
      }
    }
  }

  /** One paragraph's uses → (event key, (article id, mark)) for each use, when two or more bodies hold it. */
  static final class RepeatedFn
      extends DoFn<KV<String, Iterable<ParagraphUse>>, KV<String, KV<String, RepeatedParagraph>>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<ParagraphUse>> group,
        OutputReceiver<KV<String, KV<String, RepeatedParagraph>>> out) {
      // A grouped Iterable may be read only once on some runners (Flink): copy it before reading it twice.
      List<ParagraphUse> uses = new ArrayList<>();
      group.getValue().forEach(uses::add);
      TreeSet<String> bodies = new TreeSet<>();
      for (ParagraphUse u : uses) {
        bodies.add(u.contentHash());
      }
      if (bodies.size() < 2) {
        return;
      }
      for (ParagraphUse u : uses) {
        out.output(KV.of(u.eventKey(), KV.of(u.articleId(), RepeatedParagraph.newBuilder()
            .setParagraphIndex(u.index()).setParagraphHash(group.getKey()).setArticleCount(bodies.size()).build())));
      }
    }
  }

  /**
   * One event's articles and the marks of their repeated paragraphs → the articles, marked and with quotes (in
   * parts, to ARTICLE_PARTS or DUPLICATE_PARTS), and the event's quote clusters.
   */
  static final class ClusterFn extends DoFn<KV<String, CoGbkResult>, EventPart> {
    private final Counter statements = Metrics.counter("newsbeam.quotes", "statements");
    private final Counter clusters = Metrics.counter("newsbeam.quotes", "clusters");
    private final TupleTag<Article> articleTag;
    private final TupleTag<KV<String, RepeatedParagraph>> markTag;
    private transient QuoteBlock block;

    ClusterFn(TupleTag<Article> articleTag, TupleTag<KV<String, RepeatedParagraph>> markTag) {
      this.articleTag = articleTag;
      this.markTag = markTag;
    }

    @Setup
    public void setup() {
      block = new QuoteBlock(new QuoteExtractor(), new QuoteClusterer(MiniLmEmbedder.shared()));
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> event, MultiOutputReceiver out) {
      Map<String, Map<Integer, RepeatedParagraph>> marks = new HashMap<>();
      for (KV<String, RepeatedParagraph> m : event.getValue().getAll(markTag)) {
        marks.computeIfAbsent(m.getKey(), id -> new TreeMap<>()).put(m.getValue().getParagraphIndex(), m.getValue());
      }
      List<Article> articles = new ArrayList<>();
      for (Article a : event.getValue().getAll(articleTag)) {
        Map<Integer, RepeatedParagraph> own = marks.getOrDefault(a.getArticleId(), Map.of());
        articles.add(Article.newBuilder(a).setRepeatedParagraphs(new ArrayList<>(own.values())).build());
      }
      QuoteBlock.Result result = block.annotate(articles);
      List<Article> canonical = new ArrayList<>();
      List<Article> duplicates = new ArrayList<>();
      for (Article a : result.articles()) {
        statements.inc(a.getQuotes().size());
        (a.getDuplicateOf() == null ? canonical : duplicates).add(a);
      }
      String eventId = Grouping.idOf(event.getKey());
      EventPart.split(eventId, canonical, EventPart.MAX_RECORDS).forEach(out.get(ARTICLE_PARTS)::output);
      EventPart.split(eventId, duplicates, EventPart.MAX_RECORDS).forEach(out.get(DUPLICATE_PARTS)::output);
      for (QuoteCluster c : result.clusters()) {
        clusters.inc();
        out.get(QUOTES).output(c);
      }
    }
  }
}
