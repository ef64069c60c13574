package io.newsbeam.events;

import io.newsbeam.events.EventFeatures.EventVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Average-linkage agglomerative clustering of one window of a block: repeatedly merge the two groups with the
 * highest mean pairwise similarity while it reaches the threshold. Ties go to the lowest indices of the
 * window's order, so the result depends only on the set of articles. O(n³) for n ≤ maxBlock.
 */
public final class BlockClustering {
  private BlockClustering() {}

  /** Groups of article ids (each sorted by {@link Blocking#ORDER}), singletons included. */
  public static List<List<String>> cluster(List<EventVector> window, EventParams p) {
    int n = window.size();
    double[][] sum = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = EventSimilarity.score(window.get(i), window.get(j), p);
        sum[i][j] = s;
        sum[j][i] = s;
      }
    }
    int[] size = new int[n];
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      List<Integer> m = new ArrayList<>();
      m.add(i);
      members.add(m);
    }
    boolean[] alive = new boolean[n];
    java.util.Arrays.fill(alive, true);
    while (true) {
      int bi = -1;
      int bj = -1;
      double best = p.threshold();
      for (int i = 0; i < n; i++) {
        if (!alive[i]) {
          continue;
        }
        for (int j = i + 1; j < n; j++) {
          if (!alive[j]) {
            continue;
          }
          double avg = sum[i][j] / ((double) size[i] * size[j]);
          if (avg > best || (bi < 0 && avg >= best)) {
            best = avg;
            bi = i;
            bj = j;
          }
        }
      }
      if (bi < 0) {
        break;
      }
      for (int k = 0; k < n; k++) {
        if (alive[k] && k != bi && k != bj) {
          sum[bi][k] += sum[bj][k];
          sum[k][bi] = sum[bi][k];
        }
      }
      size[bi] += size[bj];
      members.get(bi).addAll(members.get(bj));
      alive[bj] = false;
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (alive[i]) {
        List<Integer> m = members.get(i);
        m.sort(Integer::compare);
        List<String> ids = new ArrayList<>();
        for (int k : m) {
          ids.add(window.get(k).id());
        }
        out.add(ids);
      }
    }
    return out;
  }
}
