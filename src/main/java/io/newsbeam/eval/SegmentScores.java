package io.newsbeam.eval;

import java.util.List;

/**
 * The segment metric of trafilatura's evaluation (see ../shared/dev-data/README.md): whitespace collapsed in
 * the body and in each segment; a "with" segment found is a true positive (else a false negative), a
 * "without" segment found is a false positive (else a true negative); counts summed over pages.
 */
public final class SegmentScores {
  private static final java.util.regex.Pattern WS = java.util.regex.Pattern.compile("(?U)\\s+");
  private long tp;
  private long fp;
  private long fn;
  private long tn;
  private int pages;

  /** Adds one page; {@code body} null counts as a failed page (empty output). */
  public void add(String body, List<String> with, List<String> without) {
    pages++;
    String text = body == null ? "" : collapse(body);
    for (String w : with) {
      if (body != null && text.contains(collapse(w))) {
        tp++;
      } else {
        fn++;
      }
    }
    for (String w : without) {
      if (body != null && text.contains(collapse(w))) {
        fp++;
      } else {
        tn++;
      }
    }
  }

  static String collapse(String s) {
    // (?U): Unicode whitespace, as Python's re does for str (the reference scorer)
    return WS.matcher(s).replaceAll(" ").strip();
  }

  public long tp() {
    return tp;
  }

  public long fp() {
    return fp;
  }

  public long fn() {
    return fn;
  }

  public long tn() {
    return tn;
  }

  public int pages() {
    return pages;
  }

  public double precision() {
    return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
  }

  public double recall() {
    return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
  }

  public double f1() {
    long d = 2 * tp + fp + fn;
    return d == 0 ? 0 : 2.0 * tp / d;
  }

  public double accuracy() {
    long all = tp + fp + fn + tn;
    return all == 0 ? 0 : (double) (tp + tn) / all;
  }
}
