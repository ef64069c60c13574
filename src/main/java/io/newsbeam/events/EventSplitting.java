package io.newsbeam.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 2 of event grouping: cuts one stage-1 group (articles about one topic, e.g. "earthquakes in Indonesia
 * this week") into the happenings it holds. Plain Java.
 *
 * <ol>
 *   <li>Feature weights are recomputed <em>inside the group</em>: the IDF of a term, entity, mentioned day,
 *       number or publication day is counted over the group's articles only, so what the whole topic shares
 *       weighs little and what tells its happenings apart weighs a lot.</li>
 *   <li>The within-group similarity is {@code termWeight} · cosine of the local term vectors + {@code entityWeight}
 *       · cosine of the local entity/time vectors; zero for two known dates further apart than the window.</li>
 *   <li>The group is bisected spectrally: the Fiedler vector of the normalised Laplacian of its symmetric
 *       k-nearest-neighbour graph (power iteration with a fixed start, so the result depends only on the set of
 *       articles), then the sweep cut with the smallest normalised cut. The cut is made when the mean similarity across it is below {@code splitRatio} times the
 *       mean similarity within its sides, or when the group holds two articles with publication times (metadata)
 *       further apart than the window (stage 1 can chain them through undated articles); each side is tried again,
 *       with its weights counted again inside it, for {@code splitRounds} rounds.</li>
 * </ol>
 *
 * A group larger than {@link #CHUNK} is split in chunks of {@link #CHUNK} articles in {@link #ORDER} (publication
 * time, undated last, then id: a happening's reports are close in time, so they mostly share a chunk, where an
 * order by id, a hash, would scatter them over every chunk), so the time and memory one group costs stay bounded:
 * O(CHUNK²) similarities per chunk.
 */
public final class EventSplitting {
  private EventSplitting() {}

  /** Most articles split together; larger groups are cut into chunks of this size in {@link #ORDER}. */
  public static final int CHUNK = 200;

  /** Order of a group before it is cut into chunks: publication time (undated last), then id. */
  public static final Comparator<EventSignals> ORDER =
      Comparator.comparing((EventSignals s) -> s.publishedAt() == null ? Long.MAX_VALUE : s.publishedAt())
          .thenComparing(EventSignals::id);

  /** Local term features kept per article (heaviest first). */
  static final int MAX_TERMS = 150;

  static final String PUBLISHED = "p:";

  private static final long DAY = 24L * 3600 * 1000;

  /** The events of one stage-1 group: sorted lists of article ids, the lists sorted by their first id. */
  public static List<List<String>> split(List<EventSignals> group, EventParams p) {
    List<EventSignals> sorted = new ArrayList<>(group);
    sorted.sort(ORDER);
    List<List<String>> out = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += CHUNK) {
      List<EventSignals> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
      out.addAll(splitChunk(chunk, p));
    }
    for (List<String> g : out) {
      g.sort(null);
    }
    out.sort(Comparator.comparing((List<String> g) -> g.get(0)));
    return out;
  }

  /** Local vectors of one article: key terms, and entities with days, numbers and publication day. */
  record Local(SparseVector terms, SparseVector entities) {}

  private static List<List<String>> splitChunk(List<EventSignals> chunk, EventParams p) {
    int n = chunk.size();
    List<List<String>> out = new ArrayList<>();
    if (n < 3 || p.splitRounds() == 0) {
      List<String> all = new ArrayList<>();
      chunk.forEach(s -> all.add(s.id()));
      out.add(all);
      return out;
    }
    boolean[][] apart = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        EventSignals a = chunk.get(i);
        EventSignals b = chunk.get(j);
        apart[i][j] = !a.dateInferred() && !b.dateInferred() && !withinWindow(a, b, p);
        apart[j][i] = apart[i][j];
      }
    }
    List<int[]> parts = new ArrayList<>();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    parts.add(all);
    for (int round = 0; round < p.splitRounds(); round++) {
      List<int[]> next = new ArrayList<>();
      boolean changed = false;
      for (int[] part : parts) {
        int[][] cut = part.length < 3 ? null : cutPart(chunk, part, p, conflict(part, apart) ? 1.0 : p.splitRatio());
        if (cut == null) {
          next.add(part);
        } else {
          next.add(cut[0]);
          next.add(cut[1]);
          changed = true;
        }
      }
      parts = next;
      if (!changed) {
        break;
      }
    }
    for (int[] part : parts) {
      List<String> ids = new ArrayList<>();
      for (int i : part) {
        ids.add(chunk.get(i).id());
      }
      out.add(ids);
    }
    return out;
  }

  /**
   * Bisects one part of a chunk (indices into the chunk) with weights counted inside the part: once the other
   * happenings are cut away, what tells the remaining ones apart weighs more.
   */
  private static int[][] cutPart(List<EventSignals> chunk, int[] part, EventParams p, double ratio) {
    List<EventSignals> members = new ArrayList<>();
    int[] local = new int[part.length];
    for (int i = 0; i < part.length; i++) {
      members.add(chunk.get(part[i]));
      local[i] = i;
    }
    int[][] cut = bisect(local, similarities(members, p), ratio);
    if (cut == null) {
      return null;
    }
    int[][] out = new int[2][];
    for (int side = 0; side < 2; side++) {
      out[side] = new int[cut[side].length];
      for (int i = 0; i < cut[side].length; i++) {
        out[side][i] = part[cut[side][i]];
      }
    }
    return out;
  }

  /**
   * True when two articles of {@code part} have publication times (metadata, not read from the text) further
   * apart than the window: it must be cut.
   */
  static boolean conflict(int[] part, boolean[][] apart) {
    for (int i = 0; i < part.length; i++) {
      for (int j = i + 1; j < part.length; j++) {
        if (apart[part[i]][part[j]]) {
          return true;
        }
      }
    }
    return false;
  }

  /** The within-chunk similarity matrix on local weights. */
  static double[][] similarities(List<EventSignals> chunk, EventParams p) {
    List<Local> local = localVectors(chunk, p);
    int n = chunk.size();
    double[][] sim = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        if (withinWindow(chunk.get(i), chunk.get(j), p)) {
          s = p.termWeight() * local.get(i).terms().dot(local.get(j).terms())
              + p.entityWeight() * local.get(i).entities().dot(local.get(j).entities());
        }
        sim[i][j] = s;
        sim[j][i] = s;
      }
    }
    return sim;
  }

  /** TF-IDF vectors with document frequencies counted over the chunk only. */
  static List<Local> localVectors(List<EventSignals> chunk, EventParams p) {
    Map<String, Integer> df = new HashMap<>();
    List<Map<String, Double>> entityTf = new ArrayList<>();
    for (EventSignals s : chunk) {
      Map<String, Double> e = entityFeatures(s, p);
      entityTf.add(e);
      for (String k : s.terms().keySet()) {
        df.merge(k, 1, Integer::sum);
      }
      for (String k : e.keySet()) {
        df.merge(k, 1, Integer::sum);
      }
    }
    int n = chunk.size();
    List<Local> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      EventSignals s = chunk.get(i);
      Map<String, Double> terms = new HashMap<>();
      s.terms().forEach((t, c) -> {
        int f = df.get(t);
        if (f >= 2) { // a feature of one article alone tells nothing about which articles go together
          terms.put(t, (1 + Math.log(c)) * localIdf(f, n));
        }
      });
      Map<String, Double> ents = new HashMap<>();
      entityTf.get(i).forEach((k, w) -> {
        int f = df.get(k);
        if (f >= 2) {
          ents.put(k, w * localIdf(f, n));
        }
      });
      out.add(new Local(SparseVector.normalised(terms).top(MAX_TERMS), SparseVector.normalised(ents)));
    }
    return out;
  }

  /** Entity, day, number and publication-day features of one article with their within-article weights. */
  static Map<String, Double> entityFeatures(EventSignals s, EventParams p) {
    Map<String, Double> f = new HashMap<>();
    for (Entities.Entity e : s.entities()) {
      f.put(EventFeatures.ENTITY + e.key(), 1 + Math.log(e.count()));
    }
    for (String d : s.days()) {
      f.put(EventFeatures.DAY + d, p.dayWeight());
    }
    for (String y : s.years()) {
      f.put(EventFeatures.YEAR + y, p.yearWeight());
    }
    if (s.publishedAt() != null) {
      f.put(PUBLISHED + Instant.ofEpochMilli(s.publishedAt()).atZone(ZoneOffset.UTC).toLocalDate(), p.dayWeight());
    }
    return f;
  }

  /** IDF inside a group of {@code n}: a feature every member has weighs log(1 + 1/n), close to nothing. */
  static double localIdf(int df, int n) {
    return Math.log((1.0 + n) / df);
  }

  static boolean withinWindow(EventSignals a, EventSignals b, EventParams p) {
    if (a.publishedAt() == null || b.publishedAt() == null) {
      return true;
    }
    long window = p.windowDays() * DAY * (a.dateInferred() || b.dateInferred() ? 3 : 1);
    return Math.abs(a.publishedAt() - b.publishedAt()) <= window;
  }


  /** Added to every similarity of the spectral step so the graph is connected and degrees are positive. */
  private static final double EPS = 1e-6;

  /**
   * The two sides of {@code part} (indices into {@code sim}) when its best spectral cut is weak enough, else
   * null. Sides keep the order of {@code part}.
   */
  static int[][] bisect(int[] part, double[][] sim, double ratio) {
    int n = part.length;
    if (n < 2) {
      return null;
    }
    boolean[][] near = nearestNeighbours(part, sim);
    double[][] w = new double[n][n];
    double[] deg = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          w[i][j] = (near[i][j] ? sim[part[i]][part[j]] : 0) + EPS;
          deg[i] += w[i][j];
        }
      }
    }
    double[] y = fiedler(w, deg);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> {
      int c = Double.compare(y[a], y[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    // sweep: the prefix with the smallest normalised cut
    double total = 0;
    for (double d : deg) {
      total += d;
    }
    boolean[] inA = new boolean[n];
    double cut = 0;
    double volA = 0;
    double best = Double.MAX_VALUE;
    int bestK = -1;
    for (int k = 0; k < n - 1; k++) {
      int v = order[k];
      double toA = 0;
      for (int u = 0; u < n; u++) {
        if (inA[u]) {
          toA += w[u][v];
        }
      }
      inA[v] = true;
      cut += deg[v] - 2 * toA;
      volA += deg[v];
      double ncut = cut / volA + cut / (total - volA);
      if (ncut < best - 1e-12) {
        best = ncut;
        bestK = k;
      }
    }
    boolean[] side = new boolean[n];
    for (int k = 0; k <= bestK; k++) {
      side[order[k]] = true;
    }
    double cross = 0;
    long crossPairs = 0;
    double within = 0;
    long withinPairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = sim[part[i]][part[j]];
        if (side[i] != side[j]) {
          cross += s;
          crossPairs++;
        } else {
          within += s;
          withinPairs++;
        }
      }
    }
    if (withinPairs == 0 || crossPairs == 0) {
      return null;
    }
    double meanWithin = within / withinPairs;
    double meanCross = cross / crossPairs;
    if (!(meanCross < ratio * meanWithin)) {
      return null;
    }
    int sizeA = bestK + 1;
    int[] a = new int[sizeA];
    int[] b = new int[n - sizeA];
    int ia = 0;
    int ib = 0;
    for (int i = 0; i < n; i++) {
      if (side[i]) {
        a[ia++] = part[i];
      } else {
        b[ib++] = part[i];
      }
    }
    return new int[][] {a, b};
  }

  /**
   * The symmetric k-nearest-neighbour graph of {@code part} (k = max(3, ⌈√n⌉), ties: lower index): the cut is
   * looked for on it, so many weak links between two happenings do not outweigh the strong links inside each.
   */
  static boolean[][] nearestNeighbours(int[] part, double[][] sim) {
    int n = part.length;
    int k = Math.max(3, (int) Math.ceil(Math.sqrt(n)));
    boolean[][] near = new boolean[n][n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      double[] row = sim[part[i]];
      for (int j = 0; j < n; j++) {
        order[j] = j;
      }
      java.util.Arrays.sort(order, (a, b) -> {
        int c = Double.compare(row[part[b]], row[part[a]]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      int taken = 0;
      for (int t = 0; t < n && taken < k; t++) {
        int j = order[t];
        if (j != i) {
          near[i][j] = true;
          near[j][i] = true;
          taken++;
        }
      }
    }
    return near;
  }

  /**
   * The Fiedler vector of the normalised Laplacian I − D^-½ W D^-½, scaled back by D^-½ (the relaxed normalised
   * cut indicator): power iteration on (I + D^-½ W D^-½)/2 with its top eigenvector D^½·1 projected out, from a
   * fixed start.
   */
  static double[] fiedler(double[][] w, double[] deg) {
    int n = deg.length;
    double[] isq = new double[n];
    double[] top = new double[n];
    double norm = 0;
    for (int i = 0; i < n; i++) {
      isq[i] = 1 / Math.sqrt(deg[i]);
      top[i] = Math.sqrt(deg[i]);
      norm += deg[i];
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < n; i++) {
      top[i] /= norm;
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.sin(1.0 + 2.3 * i) + (i % 2 == 0 ? 0.5 : -0.5); // fixed, not orthogonal to anything simple
    }
    orthonormalise(x, top);
    double[] next = new double[n];
    for (int iter = 0; iter < 1000; iter++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        double[] wi = w[i];
        for (int j = 0; j < n; j++) {
          s += wi[j] * isq[j] * x[j];
        }
        next[i] = 0.5 * (x[i] + isq[i] * s);
      }
      orthonormalise(next, top);
      double delta = 0;
      for (int i = 0; i < n; i++) {
        delta = Math.max(delta, Math.abs(next[i] - x[i]));
      }
      double[] t = x;
      x = next;
      next = t;
      if (delta < 1e-10) {
        break;
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[i] * isq[i];
    }
    return y;
  }

  private static void orthonormalise(double[] x, double[] unit) {
    double dot = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * unit[i];
    }
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] -= dot * unit[i];
      norm += x[i] * x[i];
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int i = 0; i < x.length; i++) {
        x[i] /= norm;
      }
    }
  }
}
