package io.newsbeam.quotes;

import io.newsbeam.text.Hashing;
import io.newsbeam.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups the quoted statements of one block (the quotes of one event) into quote clusters: the same statement in
 * different articles, worded the same or paraphrased.
 *
 * <p>Pairs are compared only when {@link QuoteCandidates} proposes them (all pairs of a block of up to {@link
 * QuoteCandidates#ALL_PAIRS_MAX} statements; shared 3-grams or embedding buckets beyond that), so a block of
 * thousands of articles costs about linear time. Two statements of different articles are linked when the shorter one's word 3-grams are mostly contained in
 * the longer one ({@link #LEXICAL_MIN}; the shorter needs {@link #MIN_SHINGLES} 3-grams) or when their sentence
 * embeddings are close ({@link #SEMANTIC_MIN}); a link also needs compatible speakers (see {@link
 * Speakers#compatible}) unless the texts are near-identical. Links are applied strongest first (ties: the larger
 * Jaccard overlap, then positions); two clusters never
 * merge when both hold a statement of the same article (an article does not quote one statement twice as two
 * sentences), which stops chains through loosely related sentences. Input order does not matter: statements are
 * sorted first, ties broken by ids.
 */
public final class QuoteClusterer {
  /** Share of the shorter statement's word 3-grams found in the other. */
  public static final double LEXICAL_MIN = 0.5;
  /** Near-identical: linked whatever the speakers. */
  public static final double LEXICAL_SURE = 0.9;
  /** 3-grams the shorter statement needs for a lexical link. */
  public static final int MIN_SHINGLES = 4;
  /** Cosine of the all-MiniLM-L6-v2 embeddings (chosen on the hand-made pairs in the tests' fixtures). */
  public static final double SEMANTIC_MIN = 0.75;

  private final SentenceEmbedder embedder;

  public QuoteClusterer(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  /**
   * A statement to cluster.
   *
   * @param articleId article it comes from
   * @param publishedAt publication time in epoch millis, or null
   * @param index position of the statement among the article's quotes
   * @param text the statement
   * @param speaker its speaker, or null
   */
  public record Mention(String articleId, Long publishedAt, int index, String text, String speaker) {}

  /**
   * A quote cluster.
   *
   * @param id deterministic id: hash of the earliest member's article id and normalised text
   * @param text the earliest member's text
   * @param speaker the most frequent speaker of the members (ties: the earliest member's), or null
   * @param firstSeen earliest publication time of a member, or null when none is dated
   * @param members members, earliest first
   */
  public record Cluster(String id, String text, String speaker, Long firstSeen, List<Mention> members) {}

  /** Earliest publication (undated last), then article id, then position. */
  public static final Comparator<Mention> EARLIEST_FIRST =
      Comparator.comparing((Mention m) -> m.publishedAt() == null ? Long.MAX_VALUE : m.publishedAt())
          .thenComparing(Mention::articleId)
          .thenComparingInt(Mention::index);

  /** Clusters the mentions of one block; every mention ends in exactly one cluster (singletons included). */
  public List<Cluster> cluster(List<Mention> input) {
    List<Mention> ms = new ArrayList<>(input);
    ms.sort(EARLIEST_FIRST);
    int n = ms.size();
    // A block holds the syndicated copies of its stories, so most statements occur many times word for word. The
    // copies of one (text, speaker) in different articles are one statement: they would link to each other before
    // anything else (identical texts score highest), so they join first, and pairs are proposed, scored and
    // linked between statements, not between copies. Memory and time then grow with the distinct statements of a
    // block, not with its copies (12,000 copies of an article are 25 statements, not 300,000). A (text, speaker)
    // that one article holds twice is two statements: an article never quotes one statement twice.
    Map<String, Integer> textIds = new LinkedHashMap<>();
    Map<String, Integer> speakerIds = new HashMap<>(); // HashMap takes the null speaker
    List<Speakers.Speaker> distinctSpeakers = new ArrayList<>();
    Map<Long, List<Integer>> statementsOfKey = new HashMap<>(); // (text, speaker) → its statements
    List<Statement> statements = new ArrayList<>();
    int[] statementOf = new int[n];
    for (int i = 0; i < n; i++) {
      Mention m = ms.get(i);
      int text = textIds.computeIfAbsent(m.text(), t -> textIds.size());
      int speaker = speakerIds.computeIfAbsent(m.speaker(), s -> {
        distinctSpeakers.add(Speakers.Speaker.of(s));
        return distinctSpeakers.size() - 1;
      });
      List<Integer> same = statementsOfKey.computeIfAbsent((long) text << 32 | speaker, k -> new ArrayList<>());
      Statement home = null;
      for (int s : same) {
        if (!statements.get(s).articles.contains(m.articleId())) {
          home = statements.get(s);
          break;
        }
      }
      if (home == null) {
        home = new Statement(statements.size(), text, speaker);
        statements.add(home);
        same.add(home.id);
      }
      home.articles.add(m.articleId());
      statementOf[i] = home.id;
    }
    int g = statements.size();
    List<Set<String>> distinctShingles = new ArrayList<>(textIds.size());
    for (String t : textIds.keySet()) {
      distinctShingles.add(Lexical.shingles(t, 3));
    }
    List<float[]> distinctVectors = g > 1 ? embedder.embed(new ArrayList<>(textIds.keySet())) : List.of();
    // for the candidate pairs: a statement's article, or a key of its own when its copies span several articles
    List<String> articleKeys = new ArrayList<>(g);
    List<Set<String>> shingles = new ArrayList<>(g);
    List<float[]> vectors = new ArrayList<>(g);
    for (Statement s : statements) {
      articleKeys.add(s.articles.size() == 1 ? s.articles.iterator().next() : "\n" + s.id);
      shingles.add(distinctShingles.get(s.text));
      if (g > 1) {
        vectors.add(distinctVectors.get(s.text));
      }
    }
    List<double[]> edges = new ArrayList<>();
    Map<ScoreKey, double[]> scores = new HashMap<>();
    for (long pair : QuoteCandidates.pairs(articleKeys, shingles, vectors)) {
      Statement a = statements.get((int) (pair >>> 32));
      Statement b = statements.get((int) pair);
      double[] scored = scores.computeIfAbsent(
          new ScoreKey(a.text, b.text, a.speaker, b.speaker),
          k -> new double[] {
              linkScore(distinctSpeakers.get(k.speakerA()), distinctSpeakers.get(k.speakerB()),
                  distinctShingles.get(k.textA()), distinctShingles.get(k.textB()),
                  distinctVectors.get(k.textA()), distinctVectors.get(k.textB())),
              Lexical.jaccard(distinctShingles.get(k.textA()), distinctShingles.get(k.textB()))});
      if (scored[0] > 0) {
        edges.add(new double[] {scored[0], scored[1], a.id, b.id});
      }
    }
    // strongest first; ties: the pair sharing more of both texts, then positions (a statement's is its earliest
    // copy's, and statements are numbered in that order)
    edges.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : a[1] != b[1] ? Double.compare(b[1], a[1])
        : a[2] != b[2] ? Double.compare(a[2], b[2]) : Double.compare(a[3], b[3]));
    int[] parent = new int[g];
    List<Set<String>> articles = new ArrayList<>(g);
    for (Statement s : statements) {
      parent[s.id] = s.id;
      articles.add(s.articles);
    }
    for (double[] e : edges) {
      int a = find(parent, (int) e[2]);
      int b = find(parent, (int) e[3]);
      if (a == b || !disjoint(articles.get(a), articles.get(b))) {
        continue;
      }
      int root = Math.min(a, b);
      int other = Math.max(a, b);
      parent[other] = root;
      Set<String> kept = articles.get(root);
      Set<String> merged = articles.get(other);
      if (kept.size() < merged.size()) { // add the smaller set to the larger: linear overall
        Set<String> t = kept;
        kept = merged;
        merged = t;
        articles.set(root, kept);
      }
      kept.addAll(merged);
    }
    Map<Integer, List<Mention>> groups = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, statementOf[i]), k -> new ArrayList<>()).add(ms.get(i));
    }
    List<Cluster> out = new ArrayList<>();
    for (List<Mention> members : groups.values()) {
      out.add(toCluster(members));
    }
    return out;
  }

  /** The copies of one (text, speaker), each in a different article; numbered by their earliest copy. */
  private static final class Statement {
    final int id;
    final int text;
    final int speaker;
    final Set<String> articles = new HashSet<>();

    Statement(int id, int text, int speaker) {
      this.id = id;
      this.text = text;
      this.speaker = speaker;
    }
  }

  /**
   * Strength of the link between two statements of different articles, or 0 when they are not linked. When one
   * is (nearly) contained in the other, the strength is how much text they share (mean of containment and
   * Jaccard overlap), otherwise the larger of that and the cosine: a short fragment contained in a long sentence
   * links to it but ranks below a fuller quotation of that sentence, which then claims it.
   */
  static double linkScore(Speakers.Speaker a, Speakers.Speaker b, Set<String> sa, Set<String> sb, float[] va,
      float[] vb) {
    double lexical = Math.min(sa.size(), sb.size()) >= MIN_SHINGLES ? Lexical.containment(sa, sb) : 0;
    double overlap = (lexical + Lexical.jaccard(sa, sb)) / 2;
    if (lexical >= LEXICAL_SURE) {
      return overlap;
    }
    if (!Speakers.compatible(a, b)) {
      return 0;
    }
    double semantic = SentenceEmbedder.cosine(va, vb);
    if (lexical >= LEXICAL_MIN || semantic >= SEMANTIC_MIN) {
      return Math.max(semantic, overlap);
    }
    return 0;
  }

  /** A pair of statements as far as their score goes: both texts and both speakers (ids of distinct ones). */
  private record ScoreKey(int textA, int textB, int speakerA, int speakerB) {}

  private static boolean disjoint(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    for (String s : small) {
      if (large.contains(s)) {
        return false;
      }
    }
    return true;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  static Cluster toCluster(List<Mention> members) {
    List<Mention> sorted = new ArrayList<>(members);
    sorted.sort(EARLIEST_FIRST);
    Mention first = sorted.get(0);
    Map<String, Integer> votes = new TreeMap<>();
    for (Mention m : sorted) {
      if (m.speaker() != null && !Speakers.PRONOUNS.contains(m.speaker())) {
        votes.merge(m.speaker(), 1, Integer::sum);
      }
    }
    String speaker = null;
    int best = 0;
    for (Mention m : sorted) { // earliest member wins ties
      Integer v = m.speaker() == null ? null : votes.get(m.speaker());
      if (v != null && v > best) {
        best = v;
        speaker = m.speaker();
      }
    }
    return new Cluster(clusterId(first), first.text(), speaker, first.publishedAt(), sorted);
  }

  /** "q" + 16 hex: hash of the earliest member's article id and normalised text. */
  public static String clusterId(Mention earliest) {
    return "q" + Hashing.shortHash(earliest.articleId() + "\n" + TextNormalizer.normalize(earliest.text()), 16);
  }
}
