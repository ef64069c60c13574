package io.newsbeam.bench;

import io.newsbeam.events.EventDoc;
import io.newsbeam.events.EventGrouping;
import io.newsbeam.events.EventParams;
import io.newsbeam.events.EventSignals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code pipelines/bench.sh events N [DIR]}: times the event grouping (signals, document frequencies, vectors,
 * blocks, window clustering, components, then stage-2 splitting: the library steps AssignEvents runs) on N documents generated from
 * the ECB+ dev texts. Copy round k of the texts gets its own names (capitalised words suffixed with k) and dates
 * shifted by 30·k days, so events stay as small as in the real data when N grows. Prints wall seconds and the
 * grouping thread's CPU seconds (steadier than wall time on a shared machine).
 */
public final class EventsScaling {
  private EventsScaling() {}

  private static final Pattern CAPITALISED = Pattern.compile("\\b(\\p{Lu}\\p{L}+)");

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args.length > 1 ? args[1] : "../shared/dev-data/events_ecbplus/txt");
    List<String> texts = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        texts.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    List<EventDoc> docs = new ArrayList<>(n);
    long base = 1_600_000_000_000L;
    for (int i = 0; i < n; i++) {
      int k = i / texts.size();
      String t = texts.get(i % texts.size());
      String body = k == 0 ? t : CAPITALISED.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "x" + k));
      long published = base + (30L * k + (i % 7)) * 86_400_000L;
      docs.add(new EventDoc(String.format("doc%07d", i), published, null, body));
    }
    EventParams p = EventParams.defaults();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    List<EventSignals> signals = EventGrouping.signals(docs);
    TreeMap<String, List<String>> components = EventGrouping.components(EventGrouping.vectorsOf(signals, p), p);
    long stage1 = System.nanoTime();
    int events = EventGrouping.split(components, signals, p).size();
    long end = System.nanoTime();
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    int largest = components.values().stream().mapToInt(List::size).max().orElse(0);
    System.out.println(String.format(Locale.ROOT,
        "events bench: documents=%d events=%d grouping_seconds=%.2f grouping_cpu_seconds=%.2f"
            + " (stage 1: %.2f s, %d groups, largest %d; stage 2: %.2f s)",
        n, events, (end - start) / 1e9, cpu, (stage1 - start) / 1e9, components.size(), largest, (end - stage1) / 1e9));
  }
}
