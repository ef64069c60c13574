package io.newsbeam.quotes;

import io.newsbeam.schema.Article;
import io.newsbeam.schema.ArticleQuote;
import io.newsbeam.schema.QuoteCluster;
import io.newsbeam.schema.QuoteMember;
import io.newsbeam.text.Times;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Quotes of one block of articles (one event, canonical articles and their copies): extracts the statements of
 * every article, clusters them, and returns the articles with {@code quotes} set and one {@link QuoteCluster} per
 * cluster. Plain Java (works on the Avro records); the Beam step only groups articles into blocks.
 */
public final class QuoteBlock {
  /**
   * Most quotations a quote cluster lists in {@code members} ({@code member_count} counts them all; every
   * quotation names its cluster in the article's {@code quotes}): a statement of a story copied thousands of
   * times would otherwise make a record of megabytes.
   */
  public static final int MAX_LISTED_MEMBERS = 1_000;

  private final QuoteExtractor extractor;
  private final QuoteClusterer clusterer;

  public QuoteBlock(QuoteExtractor extractor, QuoteClusterer clusterer) {
    this.extractor = extractor;
    this.clusterer = clusterer;
  }

  /** The block's articles with quotes (same order as given, sorted by id) and its quote clusters (sorted by id). */
  public record Result(List<Article> articles, List<QuoteCluster> clusters) {}

  /**
   * Quotes of each distinct body: copies often keep the body word for word. A block with at least this many
   * distinct bodies is extracted on the common fork-join pool: the largest event is often the last group a run
   * works on, on one thread while the other cores idle. Each body's quotes depend on that body alone, so the
   * answer is the same.
   */
  static final int PARALLEL_BODIES = 256;

  private Map<String, List<ExtractedQuote>> quotesOfBodies(List<Article> articles) {
    Set<String> bodies = new LinkedHashSet<>();
    for (Article a : articles) {
      bodies.add(a.getBody());
    }
    return (bodies.size() < PARALLEL_BODIES ? bodies.stream() : bodies.parallelStream())
        .collect(Collectors.toMap(body -> body, extractor::extract));
  }

  public Result annotate(List<Article> block) {
    List<Article> articles = new ArrayList<>(block);
    articles.sort(Comparator.comparing(Article::getArticleId));
    Map<String, List<ExtractedQuote>> quotes = new HashMap<>();
    Map<String, String> eventOf = new HashMap<>();
    List<QuoteClusterer.Mention> mentions = new ArrayList<>();
    Map<String, List<ExtractedQuote>> quotesOfBody = quotesOfBodies(articles);
    for (Article a : articles) {
      List<ExtractedQuote> qs = quotesOfBody.get(a.getBody());
      quotes.put(a.getArticleId(), qs);
      eventOf.put(a.getArticleId(), a.getEventId());
      for (int i = 0; i < qs.size(); i++) {
        mentions.add(new QuoteClusterer.Mention(
            a.getArticleId(), Times.millis(a.getPublishedAt()), i, qs.get(i).text(), qs.get(i).speaker()));
      }
    }
    Map<String, String> clusterOf = new HashMap<>(); // articleId#index → cluster id
    List<QuoteCluster> clusters = new ArrayList<>();
    for (QuoteClusterer.Cluster c : clusterer.cluster(mentions)) {
      List<QuoteMember> members = new ArrayList<>();
      TreeSet<String> events = new TreeSet<>();
      for (QuoteClusterer.Mention m : c.members()) {
        clusterOf.put(m.articleId() + "#" + m.index(), c.id());
        if (members.size() < MAX_LISTED_MEMBERS) {
          members.add(QuoteMember.newBuilder()
              .setArticleId(m.articleId())
              .setText(m.text())
              .setSpeaker(m.speaker())
              .setPublishedAt(Times.instant(m.publishedAt()))
              .build());
        }
        String event = eventOf.get(m.articleId());
        if (event != null) {
          events.add(event);
        }
      }
      clusters.add(QuoteCluster.newBuilder()
          .setQuoteClusterId(c.id())
          .setText(c.text())
          .setSpeaker(c.speaker())
          .setFirstSeen(Times.instant(c.firstSeen()))
          .setMemberCount(c.members().size())
          .setMembers(members)
          .setEventIds(new ArrayList<>(events))
          .build());
    }
    clusters.sort(Comparator.comparing(QuoteCluster::getQuoteClusterId));
    List<Article> out = new ArrayList<>(articles.size());
    for (Article a : articles) {
      List<ExtractedQuote> qs = quotes.get(a.getArticleId());
      List<ArticleQuote> aq = new ArrayList<>(qs.size());
      for (int i = 0; i < qs.size(); i++) {
        ExtractedQuote q = qs.get(i);
        aq.add(ArticleQuote.newBuilder()
            .setText(q.text())
            .setSpeaker(q.speaker())
            .setQuoteClusterId(clusterOf.get(a.getArticleId() + "#" + i))
            .setParagraphIndex(q.paragraph())
            .setPassageIndex(q.passage())
            .build());
      }
      out.add(Article.newBuilder(a).setQuotes(aq).build());
    }
    return new Result(out, clusters);
  }
}
