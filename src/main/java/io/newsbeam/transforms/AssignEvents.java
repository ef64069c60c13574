package io.newsbeam.transforms;

import io.newsbeam.events.EventDoc;
import io.newsbeam.events.EventFeatures;
import io.newsbeam.events.EventFeatures.EventVector;
import io.newsbeam.events.EventGrouping;
import io.newsbeam.events.EventParams;
import io.newsbeam.events.EventSignals;
import io.newsbeam.events.EventSplitting;
import io.newsbeam.events.EventSummary;
import io.newsbeam.events.PreviousEvents;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.text.Times;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Groups canonical articles into events and sets {@code event_id} on them and on their duplicates; emits one
 * {@link Event} per event. Never gathers the corpus under one key:
 *
 * <ol>
 *   <li>{@code ReadSignals}: dates (metadata or text), entities, terms per article ({@link EventSignals});</li>
 *   <li>{@code CountFeatures}: document frequencies (features seen at least twice) as a map side input;</li>
 *   <li>{@code Vectorize}: TF-IDF vectors and block keys ({@link EventFeatures});</li>
 *   <li>{@code ClusterBlocks}: per block key, average-linkage clusters within windows of at most maxBlock
 *       articles ({@link EventGrouping#edges}): cost linear in N;</li>
 *   <li>{@code ConnectClusters}: connected components of the cluster edges by large-star / small-star rounds
 *       ({@link ConnectComponents} over {@link LabelComponents}, bounded and checked);</li>
 *   <li>{@code GatherComponents} / {@code SplitEvents}: per stage-1 component (a topic), stage 2 cuts it into
 *       events with feature weights counted inside the component ({@link EventSplitting}, chunks of at most
 *       {@link EventSplitting#CHUNK} articles), and writes each event's row ({@link EventSummary}) keyed by its
 *       smallest article id;</li>
 *   <li>{@code KeepPreviousIds} (with {@code --previousEvents}): events holding articles of an earlier run's
 *       event keep its id ({@link PreviousEvents});</li>
 *   <li>{@code JoinEvents} / {@code LabelArticles}: event ids onto articles and their copies, in one join keyed by
 *       the canonical article's id.</li>
 * </ol>
 */
public final class AssignEvents extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<>() {};
  public static final TupleTag<Article> DUPLICATES = new TupleTag<>() {};
  public static final TupleTag<Event> EVENTS = new TupleTag<>() {};

  private final EventParams params;
  private final String previousEvents;

  private AssignEvents(EventParams params, String previousEvents) {
    params.validate();
    this.params = params;
    this.previousEvents = previousEvents;
  }

  public static AssignEvents with(double threshold, int windowDays) {
    return new AssignEvents(EventParams.defaults().withThreshold(threshold).withWindowDays(windowDays), null);
  }

  public static AssignEvents with(EventParams params) {
    return new AssignEvents(params, null);
  }

  /** Keeps the ids of the events table under {@code dir} (an earlier run's events/ folder); null or empty: none. */
  public AssignEvents keepingIdsFrom(String dir) {
    return new AssignEvents(params, dir == null || dir.isBlank() ? null : dir);
  }

  /** Expects the output of {@link CollapseDuplicates}. */
  @Override
  public PCollectionTuple expand(PCollectionTuple collapsed) {
    PCollection<Article> canonical = collapsed.get(CollapseDuplicates.CANONICAL);
    PCollection<EventSignals> signals =
        canonical.apply("ReadSignals", MapElements.into(TypeDescriptor.of(EventSignals.class)).via(AssignEvents::signals))
            .setCoder(SerializableCoder.of(EventSignals.class));
    PCollectionView<Map<String, Long>> df =
        signals
            .apply("FeatureKeys", FlatMapElements.into(TypeDescriptors.strings()).via((EventSignals s) -> new ArrayList<>(new HashSet<>(EventFeatures.dfKeys(s)))))
            .apply("CountFeatures", Grouping.countPerElement())
            .apply("SeenTwice", Filter.by((KV<String, Long> kv) -> kv.getValue() >= 2))
            .apply("AsMap", View.asMap());
    PCollectionView<Long> docs =
        canonical.apply("CountArticles", Grouping.countGlobally()).apply("AsSingleton", View.asSingleton());
    PCollection<EventVector> vectors =
        signals.apply("Vectorize", ParDo.of(new VectorizeFn(df, docs, params)).withSideInputs(df, docs))
            .setCoder(SerializableCoder.of(EventVector.class));

    PCollection<KV<String, String>> edges =
        vectors
            .apply("ByBlockKey", ParDo.of(new BlockKeysFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(EventVector.class)))
            .apply("GatherBlocks", Grouping.byKey())
            .apply("ClusterBlocks", ParDo.of(new ClusterBlockFn(params)));
    PCollection<KV<String, String>> labels =
        vectors.apply("ArticleIds", MapElements.into(TypeDescriptors.strings()).via(EventVector::id))
            .apply("ConnectClusters", ConnectComponents.of(edges));

    TupleTag<String> labelTag = new TupleTag<>() {};
    TupleTag<EventVector> vectorTag = new TupleTag<>() {};
    TupleTag<EventSignals> signalsTag = new TupleTag<>() {};
    PCollectionTuple split =
        KeyedPCollectionTuple.of(labelTag, labels)
            .and(vectorTag, vectors.apply("KeyVectors", WithKeys.of(EventVector::id).withKeyType(TypeDescriptors.strings())))
            .and(signalsTag, signals.apply("KeySignals", WithKeys.of(EventSignals::id).withKeyType(TypeDescriptors.strings())))
            .apply("JoinLabels", Grouping.coGroupByKey())
            .apply("ByComponent", ParDo.of(new ByComponentFn(labelTag, vectorTag, signalsTag)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(),
                KvCoder.of(SerializableCoder.of(EventVector.class), SerializableCoder.of(EventSignals.class))))
            .apply("GatherComponents", Grouping.byKey())
            .apply("SplitEvents", ParDo.of(new SplitEventsFn(params)).withOutputTags(SUMMARIES, TupleTagList.of(EVENT_OF_ARTICLE)));
    PCollection<KV<String, EventSummary>> summaries =
        split.get(SUMMARIES).setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(EventSummary.class)));
    PCollection<KV<String, String>> eventOfArticle =
        split.get(EVENT_OF_ARTICLE).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));

    PCollection<KV<String, String>> finalIds =
        previousEvents == null
            ? summaries.apply("ProposedIds", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via((KV<String, EventSummary> kv) -> KV.of(kv.getKey(), kv.getValue().eventId())))
            : summaries.apply("KeepPreviousIds", new KeepPreviousIds(previousEvents, eventOfArticle));

    TupleTag<EventSummary> summaryTag = new TupleTag<>() {};
    TupleTag<String> idTag = new TupleTag<>() {};
    PCollection<Event> events =
        KeyedPCollectionTuple.of(summaryTag, summaries).and(idTag, finalIds)
            .apply("JoinIds", Grouping.coGroupByKey())
            .apply("ToEvents", ParDo.of(new ToEventFn(summaryTag, idTag)))
            .setCoder(AvroCoder.of(Event.class));

    PCollection<KV<String, String>> articleEvent =
        events.apply("MemberIds", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((Event e) -> e.getArticleIds().stream().map(a -> KV.of(a, e.getEventId())).toList()));
    // One join labels a canonical article and its copies: they are keyed by the canonical's id.
    TupleTag<Article> articleTag = new TupleTag<>() {};
    TupleTag<String> eventTag = new TupleTag<>() {};
    TupleTag<Article> copyTag = new TupleTag<>() {};
    PCollectionTuple labelled =
        KeyedPCollectionTuple.of(articleTag, canonical.apply("KeyArticles", WithKeys.of(Article::getArticleId).withKeyType(TypeDescriptors.strings())))
            .and(eventTag, articleEvent)
            .and(copyTag,
                collapsed.get(CollapseDuplicates.DUPLICATES)
                    .apply("KeyByCanonical", WithKeys.of(Article::getDuplicateOf).withKeyType(TypeDescriptors.strings())))
            .apply("JoinEvents", Grouping.coGroupByKey())
            .apply("LabelArticles",
                ParDo.of(new LabelArticlesFn(articleTag, eventTag, copyTag))
                    .withOutputTags(ARTICLES, TupleTagList.of(DUPLICATES)));
    PCollection<Article> articles = labelled.get(ARTICLES).setCoder(AvroCoder.of(Article.class));
    PCollection<Article> duplicates = labelled.get(DUPLICATES).setCoder(AvroCoder.of(Article.class));
    return PCollectionTuple.of(ARTICLES, articles).and(DUPLICATES, duplicates).and(EVENTS, events);
  }

  static EventSignals signals(Article a) {
    return EventSignals.of(new EventDoc(a.getArticleId(), Times.millis(a.getPublishedAt()), a.getTitle(), a.getBody()));
  }

  static final class VectorizeFn extends DoFn<EventSignals, EventVector> {
    private final BundleSideInput<Map<String, Long>> df;
    private final BundleSideInput<Long> docs;
    private final EventParams params;

    VectorizeFn(PCollectionView<Map<String, Long>> df, PCollectionView<Long> docs, EventParams params) {
      this.df = new BundleSideInput<>(df);
      this.docs = new BundleSideInput<>(docs);
      this.params = params;
    }

    @StartBundle
    public void startBundle() {
      df.forget();
      docs.forget();
    }

    @ProcessElement
    public void process(@Element EventSignals s, OutputReceiver<EventVector> out, ProcessContext c,
        BoundedWindow window) {
      Map<String, Long> counts = df.read(c, window);
      out.output(EventFeatures.vector(s, k -> counts.getOrDefault(k, 0L), docs.read(c, window), params));
    }
  }

  static final class BlockKeysFn extends DoFn<EventVector, KV<String, EventVector>> {
    @ProcessElement
    public void process(@Element EventVector v, OutputReceiver<KV<String, EventVector>> out) {
      for (String k : v.blockKeys()) {
        out.output(KV.of(k, v));
      }
    }
  }

  static final class ClusterBlockFn extends DoFn<KV<String, Iterable<EventVector>>, KV<String, String>> {
    private final EventParams params;

    ClusterBlockFn(EventParams params) {
      this.params = params;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<EventVector>> block, OutputReceiver<KV<String, String>> out) {
      List<EventVector> members = new ArrayList<>();
      block.getValue().forEach(members::add);
      for (List<String> e : EventGrouping.edges(members, params)) {
        out.output(KV.of(e.get(0), e.get(1)));
      }
    }
  }

  static final class ByComponentFn extends DoFn<KV<String, CoGbkResult>, KV<String, KV<EventVector, EventSignals>>> {
    private final TupleTag<String> labelTag;
    private final TupleTag<EventVector> vectorTag;
    private final TupleTag<EventSignals> signalsTag;

    ByComponentFn(TupleTag<String> labelTag, TupleTag<EventVector> vectorTag, TupleTag<EventSignals> signalsTag) {
      this.labelTag = labelTag;
      this.vectorTag = vectorTag;
      this.signalsTag = signalsTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<KV<String, KV<EventVector, EventSignals>>> out) {
      String label = joined.getValue().getOnly(labelTag);
      EventSignals signals = joined.getValue().getOnly(signalsTag);
      for (EventVector v : joined.getValue().getAll(vectorTag)) {
        out.output(KV.of(label, KV.of(v, signals)));
      }
    }
  }

  static final TupleTag<KV<String, EventSummary>> SUMMARIES = new TupleTag<>() {};
  static final TupleTag<KV<String, String>> EVENT_OF_ARTICLE = new TupleTag<>() {};

  /**
   * Stage 2 per stage-1 component: {@link EventSplitting} cuts it into events; each event's summary is keyed by
   * its smallest article id, and every article gets that key ({@code EVENT_OF_ARTICLE}).
   */
  static final class SplitEventsFn extends DoFn<KV<String, Iterable<KV<EventVector, EventSignals>>>, KV<String, EventSummary>> {
    private final EventParams params;

    SplitEventsFn(EventParams params) {
      this.params = params;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<EventVector, EventSignals>>> component, MultiOutputReceiver out) {
      Map<String, EventVector> vectors = new HashMap<>();
      List<EventSignals> signals = new ArrayList<>();
      for (KV<EventVector, EventSignals> m : component.getValue()) { // read once: not re-iterable on every runner
        vectors.put(m.getKey().id(), m.getKey());
        signals.add(m.getValue());
      }
      for (List<String> event : EventSplitting.split(signals, params)) {
        List<EventVector> members = new ArrayList<>();
        for (String id : event) {
          members.add(vectors.get(id));
          out.get(EVENT_OF_ARTICLE).output(KV.of(id, event.get(0)));
        }
        out.get(SUMMARIES).output(KV.of(event.get(0), EventSummary.of(members)));
      }
    }
  }

  /** Final event id per component: a previous id when the component wins its claim, else the proposed id. */
  static final class KeepPreviousIds extends PTransform<PCollection<KV<String, EventSummary>>, PCollection<KV<String, String>>> {
    private final String dir;
    private final PCollection<KV<String, String>> labels;

    KeepPreviousIds(String dir, PCollection<KV<String, String>> labels) {
      this.dir = dir;
      this.labels = labels;
    }

    @Override
    public PCollection<KV<String, String>> expand(PCollection<KV<String, EventSummary>> summaries) {
      return keep(summaries, dir, labels);
    }

    private static PCollection<KV<String, String>> keep(
        PCollection<KV<String, EventSummary>> summaries, String dir, PCollection<KV<String, String>> labels) {
      String glob = dir.endsWith("/") ? dir + "*.avro" : dir + "/*.avro";
      try {
        if (org.apache.beam.sdk.io.FileSystems.match(glob).metadata().isEmpty()) {
          throw new IllegalArgumentException("--previousEvents=" + dir + " holds no .avro files: give the events/ folder of an earlier run");
        }
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("--previousEvents=" + dir + " cannot be listed: " + e.getMessage(), e);
      }
      PCollection<KV<String, String>> previousOfArticle =
          summaries.getPipeline()
              .apply("ReadPreviousEvents", AvroIO.read(Event.class).from(glob))
              .apply("PreviousMembers", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                  .via((Event e) -> e.getArticleIds().stream().map(a -> KV.of(a, e.getEventId())).toList()));
      TupleTag<String> labelTag = new TupleTag<>() {};
      TupleTag<String> prevTag = new TupleTag<>() {};
      PCollection<KV<String, String>> componentPrevious =
          KeyedPCollectionTuple.of(labelTag, labels).and(prevTag, previousOfArticle)
              .apply("JoinPrevious", Grouping.coGroupByKey())
              .apply("ComponentPrevious", ParDo.of(new DoFn<KV<String, CoGbkResult>, KV<String, String>>() {
                @ProcessElement
                public void process(@Element KV<String, CoGbkResult> j, OutputReceiver<KV<String, String>> out) {
                  String label = j.getValue().getOnly(labelTag, null);
                  if (label != null) {
                    for (String prev : j.getValue().getAll(prevTag)) {
                      out.output(KV.of(label, prev));
                    }
                  }
                }
              }));
      TupleTag<EventSummary> summaryTag = new TupleTag<>() {};
      TupleTag<String> prevIdTag = new TupleTag<>() {};
      return KeyedPCollectionTuple.of(summaryTag, summaries).and(prevIdTag, componentPrevious)
          .apply("JoinClaims", Grouping.coGroupByKey())
          .apply("BestClaim", ParDo.of(new DoFn<KV<String, CoGbkResult>, KV<String, PreviousEvents.Claim>>() {
            @ProcessElement
            public void process(@Element KV<String, CoGbkResult> j, OutputReceiver<KV<String, PreviousEvents.Claim>> out) {
              EventSummary s = j.getValue().getOnly(summaryTag);
              Map<String, Long> counts = new TreeMap<>();
              for (String p : j.getValue().getAll(prevIdTag)) {
                counts.merge(p, 1L, Long::sum);
              }
              PreviousEvents.Claim c = PreviousEvents.bestClaim(j.getKey(), s.eventId(), counts);
              // claims without a previous id are alone under their own key
              out.output(KV.of(c.previousId() == null ? "new:" + c.component() : "prev:" + c.previousId(), c));
            }
          }))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(PreviousEvents.Claim.class)))
          .apply("GatherClaims", Grouping.byKey())
          .apply("ResolveClaims", ParDo.of(new DoFn<KV<String, Iterable<PreviousEvents.Claim>>, KV<String, String>>() {
            @ProcessElement
            public void process(@Element KV<String, Iterable<PreviousEvents.Claim>> g, OutputReceiver<KV<String, String>> out) {
              List<PreviousEvents.Claim> claims = new ArrayList<>();
              g.getValue().forEach(claims::add);
              PreviousEvents.resolve(claims).forEach((component, id) -> out.output(KV.of(component, id)));
            }
          }));
    }
  }

  static final class ToEventFn extends DoFn<KV<String, CoGbkResult>, Event> {
    private final TupleTag<EventSummary> summaryTag;
    private final TupleTag<String> idTag;

    ToEventFn(TupleTag<EventSummary> summaryTag, TupleTag<String> idTag) {
      this.summaryTag = summaryTag;
      this.idTag = idTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> j, OutputReceiver<Event> out) {
      EventSummary s = j.getValue().getOnly(summaryTag);
      String id = j.getValue().getOnly(idTag);
      out.output(Event.newBuilder()
          .setEventId(id)
          .setLabel(s.label())
          .setFirstPublished(Times.instant(s.firstPublished()))
          .setLastPublished(Times.instant(s.lastPublished()))
          .setArticleCount(s.articleIds().size())
          .setRepresentativeArticleId(s.representativeId())
          .setTopTerms(s.topTerms())
          .setArticleIds(s.articleIds())
          .setTopEntities(s.topEntities())
          .setPlace(s.place())
          .build());
    }
  }

  /**
   * A canonical article's id → the article and its copies, each with the article's event id. Copies pointing to
   * no canonical article, or an article without an event, fail the run: the grouping lost something.
   */
  static final class LabelArticlesFn extends DoFn<KV<String, CoGbkResult>, Article> {
    private final TupleTag<Article> articleTag;
    private final TupleTag<String> eventTag;
    private final TupleTag<Article> copyTag;

    LabelArticlesFn(TupleTag<Article> articleTag, TupleTag<String> eventTag, TupleTag<Article> copyTag) {
      this.articleTag = articleTag;
      this.eventTag = eventTag;
      this.copyTag = copyTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> j, MultiOutputReceiver out) {
      String eventId = j.getValue().getOnly(eventTag, null);
      Article canonical = j.getValue().getOnly(articleTag, null);
      if (canonical != null) {
        if (eventId == null) {
          throw new IllegalStateException("article " + canonical.getArticleId() + " got no event (grouping lost it)");
        }
        out.get(ARTICLES).output(Article.newBuilder(canonical).setEventId(eventId).build());
      }
      for (Article copy : j.getValue().getAll(copyTag)) {
        if (canonical == null) {
          throw new IllegalStateException(
              "duplicate " + copy.getArticleId() + " points to missing canonical " + j.getKey());
        }
        out.get(DUPLICATES).output(Article.newBuilder(copy).setEventId(eventId).build());
      }
    }
  }
}
