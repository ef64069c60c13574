package io.newsbeam.transforms;

import io.newsbeam.quotes.MiniLmEmbedder;
import io.newsbeam.quotes.ParagraphHashes;
import io.newsbeam.quotes.QuoteBlock;
import io.newsbeam.quotes.QuoteClusterer;
import io.newsbeam.quotes.QuoteExtractor;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.QuoteCluster;
import io.newsbeam.schema.RepeatedParagraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
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
 * same event, hence same time window) into quote clusters. Adds {@link #QUOTES} (one {@link QuoteCluster} per
 * cluster) to {@link AssignEvents}' tuple; articles, duplicates and events pass through one for one.
 */
public final class ClusterQuotes extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<QuoteCluster> QUOTES = new TupleTag<>() {};

  public static ClusterQuotes create() {
    return new ClusterQuotes();
  }

  /** Expects the output of {@link AssignEvents}. */
  @Override
  public PCollectionTuple expand(PCollectionTuple events) {
    PCollection<Article> all =
        PCollectionList.of(events.get(AssignEvents.ARTICLES)).and(events.get(AssignEvents.DUPLICATES))
            .apply("AllArticles", Flatten.pCollections());
    PCollection<Article> marked = all.apply("MarkRepeatedParagraphs", new MarkRepeatedParagraphs());
    PCollectionTuple quoted =
        marked
            .apply("KeyByEvent",
                WithKeys.of((Article a) -> Grouping.sortableKey(a.getEventId())).withKeyType(TypeDescriptors.strings()))
            .apply("GroupEvents", Grouping.byKey())
            .apply("ClusterEventQuotes",
                ParDo.of(new ClusterFn()).withOutputTags(AssignEvents.ARTICLES,
                    TupleTagList.of(AssignEvents.DUPLICATES).and(QUOTES)));
    quoted.get(AssignEvents.ARTICLES).setCoder(AvroCoder.of(Article.class));
    quoted.get(AssignEvents.DUPLICATES).setCoder(AvroCoder.of(Article.class));
    quoted.get(QUOTES).setCoder(AvroCoder.of(QuoteCluster.class));
    return PCollectionTuple.of(AssignEvents.ARTICLES, quoted.get(AssignEvents.ARTICLES))
        .and(AssignEvents.DUPLICATES, quoted.get(AssignEvents.DUPLICATES))
        .and(AssignEvents.EVENTS, events.get(AssignEvents.EVENTS))
        .and(QUOTES, quoted.get(QUOTES));
  }

  /** Paragraph hash → the distinct bodies holding it; marks paragraphs held by two or more bodies. */
  static final class MarkRepeatedParagraphs extends PTransform<PCollection<Article>, PCollection<Article>> {
    @Override
    public PCollection<Article> expand(PCollection<Article> articles) {
      PCollection<KV<String, RepeatedParagraph>> marks =
          articles
              .apply("HashParagraphs", ParDo.of(new HashParagraphsFn()))
              .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
              .apply("GroupByParagraph", Grouping.byKey())
              .apply("RepeatedOnes", ParDo.of(new RepeatedFn()))
              .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(RepeatedParagraph.class)));
      TupleTag<Article> articleTag = new TupleTag<>() {};
      TupleTag<RepeatedParagraph> markTag = new TupleTag<>() {};
      return KeyedPCollectionTuple.of(articleTag,
              articles.apply("KeyById", WithKeys.of(Article::getArticleId).withKeyType(TypeDescriptors.strings())))
          .and(markTag, marks)
          .apply("JoinMarks", Grouping.coGroupByKey())
          .apply("SetMarks", ParDo.of(new SetMarksFn(articleTag, markTag)))
          .setCoder(AvroCoder.of(Article.class));
    }
  }

  /** paragraph hash → (article id, "paragraph index|content hash"). */
  static final class HashParagraphsFn extends DoFn<Article, KV<String, KV<String, String>>> {
    @ProcessElement
    public void process(@Element Article a, OutputReceiver<KV<String, KV<String, String>>> out) {
      for (Map.Entry<Integer, String> p : ParagraphHashes.of(a.getBody()).entrySet()) {
        out.output(KV.of(p.getValue(), KV.of(a.getArticleId(), p.getKey() + "|" + a.getContentHash())));
      }
    }
  }

  static final class RepeatedFn extends DoFn<KV<String, Iterable<KV<String, String>>>, KV<String, RepeatedParagraph>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, String>>> group,
        OutputReceiver<KV<String, RepeatedParagraph>> out) {
      // A grouped Iterable may be read only once on some runners (Flink): copy it before reading it twice.
      java.util.List<KV<String, String>> members = new java.util.ArrayList<>();
      group.getValue().forEach(members::add);
      TreeSet<String> bodies = new TreeSet<>();
      for (KV<String, String> m : members) {
        bodies.add(m.getValue().substring(m.getValue().indexOf('|') + 1));
      }
      if (bodies.size() < 2) {
        return;
      }
      for (KV<String, String> m : members) {
        int index = Integer.parseInt(m.getValue().substring(0, m.getValue().indexOf('|')));
        out.output(KV.of(m.getKey(), RepeatedParagraph.newBuilder()
            .setParagraphIndex(index).setParagraphHash(group.getKey()).setArticleCount(bodies.size()).build()));
      }
    }
  }

  static final class SetMarksFn extends DoFn<KV<String, CoGbkResult>, Article> {
    private final TupleTag<Article> articleTag;
    private final TupleTag<RepeatedParagraph> markTag;

    SetMarksFn(TupleTag<Article> articleTag, TupleTag<RepeatedParagraph> markTag) {
      this.articleTag = articleTag;
      this.markTag = markTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<Article> out) {
      Map<Integer, RepeatedParagraph> marks = new TreeMap<>();
      for (RepeatedParagraph r : joined.getValue().getAll(markTag)) {
        marks.put(r.getParagraphIndex(), r);
      }
      for (Article a : joined.getValue().getAll(articleTag)) {
        out.output(Article.newBuilder(a).setRepeatedParagraphs(new ArrayList<>(marks.values())).build());
      }
    }
  }

  /** One event's articles → the articles with quotes (to ARTICLES or DUPLICATES) and the event's quote clusters. */
  static final class ClusterFn extends DoFn<KV<String, Iterable<Article>>, Article> {
    private final Counter statements = Metrics.counter("newsbeam.quotes", "statements");
    private final Counter clusters = Metrics.counter("newsbeam.quotes", "clusters");
    private transient QuoteBlock block;

    @Setup
    public void setup() {
      block = new QuoteBlock(new QuoteExtractor(), new QuoteClusterer(MiniLmEmbedder.shared()));
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Article>> event, MultiOutputReceiver out) {
      List<Article> articles = new ArrayList<>();
      event.getValue().forEach(articles::add);
      QuoteBlock.Result result = block.annotate(articles);
      for (Article a : result.articles()) {
        statements.inc(a.getQuotes().size());
        out.get(a.getDuplicateOf() == null ? AssignEvents.ARTICLES : AssignEvents.DUPLICATES).output(a);
      }
      for (QuoteCluster c : result.clusters()) {
        clusters.inc();
        out.get(QUOTES).output(c);
      }
    }
  }
}
