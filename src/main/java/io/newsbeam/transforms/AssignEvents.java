package io.newsbeam.transforms;

import io.newsbeam.events.EventDoc;
import io.newsbeam.events.EventGrouper;
import io.newsbeam.events.EventNaming;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.text.Times;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Groups canonical articles into events (TF-IDF cosine within a publication-time window), sets {@code
 * event_id} on them and on their duplicates, and emits one {@link Event} record per event.
 */
public final class AssignEvents extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<>() {};
  public static final TupleTag<Article> DUPLICATES = new TupleTag<>() {};
  public static final TupleTag<Event> EVENTS = new TupleTag<>() {};

  private final double threshold;
  private final int windowDays;

  private AssignEvents(double threshold, int windowDays) {
    this.threshold = threshold;
    this.windowDays = windowDays;
  }

  public static AssignEvents with(double threshold, int windowDays) {
    return new AssignEvents(threshold, windowDays);
  }

  /** Expects the output of {@link CollapseDuplicates}. */
  @Override
  public PCollectionTuple expand(PCollectionTuple collapsed) {
    PCollectionTuple grouped =
        collapsed
            .get(CollapseDuplicates.CANONICAL)
            .apply("OneCorpus", WithKeys.of("all"))
            .apply("GatherCorpus", GroupByKey.create())
            .apply("GroupIntoEvents",
                ParDo.of(new GroupFn(threshold, windowDays)).withOutputTags(ARTICLES, TupleTagList.of(EVENTS)));
    PCollection<Article> articles = grouped.get(ARTICLES).setCoder(AvroCoder.of(Article.class));
    grouped.get(EVENTS).setCoder(AvroCoder.of(Event.class));

    TupleTag<Article> canonicalTag = new TupleTag<>() {};
    TupleTag<Article> copyTag = new TupleTag<>() {};
    PCollection<Article> duplicates =
        KeyedPCollectionTuple.of(canonicalTag,
                articles.apply("KeyById", WithKeys.of(Article::getArticleId).withKeyType(TypeDescriptors.strings())))
            .and(copyTag,
                collapsed.get(CollapseDuplicates.DUPLICATES)
                    .apply("KeyByCanonical", WithKeys.of(Article::getDuplicateOf).withKeyType(TypeDescriptors.strings())))
            .apply("JoinCopies", CoGroupByKey.create())
            .apply("InheritEvent", ParDo.of(new InheritEventFn(canonicalTag, copyTag)))
            .setCoder(AvroCoder.of(Article.class));
    return PCollectionTuple.of(ARTICLES, articles).and(DUPLICATES, duplicates).and(EVENTS, grouped.get(EVENTS));
  }

  static final class GroupFn extends DoFn<KV<String, Iterable<Article>>, Article> {
    private final double threshold;
    private final int windowDays;

    GroupFn(double threshold, int windowDays) {
      this.threshold = threshold;
      this.windowDays = windowDays;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Article>> corpus, MultiOutputReceiver out) {
      Map<String, Article> byId = new HashMap<>();
      List<EventDoc> docs = new ArrayList<>();
      for (Article a : corpus.getValue()) {
        byId.put(a.getArticleId(), a);
        docs.add(new EventDoc(a.getArticleId(), Times.millis(a.getPublishedAt()), a.getTitle(), a.getBody()));
      }
      for (EventGrouper.Group g : new EventGrouper(threshold, windowDays).group(docs)) {
        Event event = toEvent(g);
        out.get(EVENTS).output(event);
        for (EventDoc d : g.members()) {
          out.get(ARTICLES).output(Article.newBuilder(byId.get(d.id())).setEventId(event.getEventId()).build());
        }
      }
    }
  }

  /** Event record of a group: first/last publication, representative = earliest then smallest id. */
  static Event toEvent(EventGrouper.Group g) {
    Long first = null;
    Long last = null;
    EventDoc representative = null;
    List<String> ids = new ArrayList<>();
    for (EventDoc d : g.members()) {
      ids.add(d.id());
      Long t = d.publishedAt();
      if (t != null) {
        first = first == null ? t : Math.min(first, t);
        last = last == null ? t : Math.max(last, t);
      }
      if (representative == null || earlier(d, representative)) {
        representative = d;
      }
    }
    return Event.newBuilder()
        .setEventId(EventNaming.eventId(first, g.topTerms(), representative.id()))
        .setLabel(EventNaming.label(g.topTerms()))
        .setFirstPublished(Times.instant(first))
        .setLastPublished(Times.instant(last))
        .setArticleCount(g.members().size())
        .setRepresentativeArticleId(representative.id())
        .setTopTerms(g.topTerms())
        .setArticleIds(ids)
        .build();
  }

  private static boolean earlier(EventDoc a, EventDoc b) {
    long ta = a.publishedAt() == null ? Long.MAX_VALUE : a.publishedAt();
    long tb = b.publishedAt() == null ? Long.MAX_VALUE : b.publishedAt();
    return ta != tb ? ta < tb : a.id().compareTo(b.id()) < 0;
  }

  static final class InheritEventFn extends DoFn<KV<String, CoGbkResult>, Article> {
    private final TupleTag<Article> canonicalTag;
    private final TupleTag<Article> copyTag;

    InheritEventFn(TupleTag<Article> canonicalTag, TupleTag<Article> copyTag) {
      this.canonicalTag = canonicalTag;
      this.copyTag = copyTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<Article> out) {
      Article canonical = joined.getValue().getOnly(canonicalTag, null);
      for (Article copy : joined.getValue().getAll(copyTag)) {
        if (canonical == null) {
          throw new IllegalStateException(
              "duplicate " + copy.getArticleId() + " points to missing canonical " + joined.getKey());
        }
        out.output(Article.newBuilder(copy).setEventId(canonical.getEventId()).build());
      }
    }
  }
}
