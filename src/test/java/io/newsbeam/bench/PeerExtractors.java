package io.newsbeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.boilerplate.LineClassifier;
import io.newsbeam.eval.ExtractionEvaluation;
import io.newsbeam.eval.SegmentScores;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.schema.Article;
import io.newsbeam.testing.Paths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;

/**
 * Side by side in one run ({@code pipelines/bench.sh peers [ROUNDS] [WARMUPS]}): the dev pages of
 * ../shared/dev-data/extraction_html through newsbeam's extraction (parse, draft, clean: the pipeline's path,
 * in this JVM), Tika + boilerpipe's ArticleExtractor (through the same DocumentExtractor) and Readability4J
 * (jsoup parse with charset detection, then Readability). Prints for each the segment-metric P/R/F1 of its
 * bodies and pages per CPU second of this process (pages are handled one at a time; DocumentExtractor parses
 * on a worker thread under its time limit, so the process's CPU, GC and JIT included, is what each extractor
 * costs; one CPU second = one core busy for a second), after WARMUPS warm-up passes (default 8: with 3, newsbeam still ran a third slower while the JIT compiled; the first one gives the F1), over ROUNDS timed passes
 * (default 5; the median pass is reported, and every pass is listed). The extractors alternate by pass so a
 * change in the machine's load touches all of them alike.
 */
public final class PeerExtractors {
  private PeerExtractors() {}

  interface Extractor {
    /** The body text of one page, or null when the extractor rejects or fails on it. */
    String body(Path page, String file, byte[] bytes) throws IOException;
  }

  record Peer(String name, Extractor extractor) {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path data = Paths.shared().resolve("dev-data/extraction_html");
    if (!Files.isRegularFile(data.resolve("labels.jsonl"))) {
      throw new IllegalStateException(data + "/labels.jsonl is missing: the bench needs ../shared/dev-data/extraction_html");
    }
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(data.resolve("labels.jsonl"))) {
      if (!line.isBlank()) {
        rows.add(json.readTree(line));
      }
    }
    List<byte[]> pages = new ArrayList<>();
    for (JsonNode row : rows) {
      pages.add(Files.readAllBytes(data.resolve(row.get("file").asText())));
    }
    LineClassifier classifier = new LineClassifier();
    DocumentExtractor newsbeam = new DocumentExtractor(ExtractionLimits.DEFAULTS.inProcess(), ExtractorKind.NEWSBEAM);
    DocumentExtractor boilerpipe = new DocumentExtractor(ExtractionLimits.DEFAULTS.inProcess(), ExtractorKind.BOILERPIPE);
    List<Peer> peers = List.of(
        new Peer("newsbeam", (page, file, bytes) -> body(newsbeam, classifier, page, file)),
        new Peer("tika+boilerpipe", (page, file, bytes) -> body(boilerpipe, classifier, page, file)),
        new Peer("readability4j", (page, file, bytes) -> {
          String uri = page.toAbsolutePath().toUri().toString();
          org.jsoup.nodes.Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, uri);
          return new Readability4J(uri, doc).parse().getTextContent();
        }));

    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[][] pagesPerCpuSecond = new double[peers.size()][rounds];
    List<SegmentScores> scores = new ArrayList<>();
    int[] failed = new int[peers.size()];
    for (int pass = -warmups; pass < rounds; pass++) {
      for (int i = 0; i < peers.size(); i++) {
        SegmentScores s = new SegmentScores();
        long cpu0 = os.getProcessCpuTime();
        for (int k = 0; k < rows.size(); k++) {
          String file = rows.get(k).get("file").asText();
          String body;
          try {
            body = peers.get(i).extractor().body(data.resolve(file), file, pages.get(k));
          } catch (RuntimeException e) {
            body = null;
          }
          if (pass == -warmups) {
            if (body == null) {
              failed[i]++;
            }
            s.add(body, strings(rows.get(k).get("with")), strings(rows.get(k).get("without")));
          }
        }
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        if (pass == -warmups) {
          scores.add(s);
        } else if (pass >= 0) {
          pagesPerCpuSecond[i][pass] = rows.size() / cpu;
        }
      }
    }
    System.out.printf(Locale.ROOT, "peers: %d dev pages, %d timed passes after %d warm-up passes, one page at a time, process CPU%n", rows.size(), rounds, warmups);
    double ours = median(pagesPerCpuSecond[0]);
    for (int i = 0; i < peers.size(); i++) {
      SegmentScores s = scores.get(i);
      double p = s.tp() / (double) (s.tp() + s.fp());
      double r = s.tp() / (double) (s.tp() + s.fn());
      double med = median(pagesPerCpuSecond[i]);
      StringBuilder all = new StringBuilder();
      for (double v : pagesPerCpuSecond[i]) {
        all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", v));
      }
      System.out.printf(Locale.ROOT,
          "%-16s precision=%.3f recall=%.3f f1=%.3f failed=%d pages_per_cpu_s=%.1f (passes: %s) newsbeam_speed_ratio=%.2f%n",
          peers.get(i).name(), p, r, 2 * p * r / (p + r), failed[i], med, all, ours / med);
    }
  }

  private static String body(DocumentExtractor extractor, LineClassifier classifier, Path page, String file) throws IOException {
    Article a = ExtractionEvaluation.extract(extractor, classifier, page, file, new DocumentExtractor.Parsed[1]);
    return a == null ? null : a.getBody().toString();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
