package io.newsbeam;

import io.newsbeam.cli.Launch;
import io.newsbeam.events.EventParams;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.options.NewsbeamOptions;
import io.newsbeam.output.OutputFolder;
import io.newsbeam.runners.DataflowPreflight;
import io.newsbeam.schema.Article;
import io.newsbeam.schema.Reject;
import io.newsbeam.transforms.AssignEvents;
import io.newsbeam.transforms.ClusterQuotes;
import io.newsbeam.transforms.CollapseDuplicates;
import io.newsbeam.transforms.ExtractContent;
import io.newsbeam.transforms.PublishManifest;
import io.newsbeam.transforms.RawDocument;
import io.newsbeam.transforms.ReadRawDocuments;
import io.newsbeam.transforms.StripBoilerplate;
import io.newsbeam.transforms.WithRejects;
import io.newsbeam.transforms.WriteEventPartitions;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * newsbeam: raw news files to clean, deduplicated, event-partitioned Avro.
 *
 * <pre>
 * read → extract → strip boilerplate → collapse duplicates → assign events → cluster quotes → write partitions
 * → manifest
 * </pre>
 */
public final class NewsbeamPipeline {
  private NewsbeamPipeline() {}

  public static void main(String[] args) {
    Logging.configureDefaults();
    int code = launch(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs to the end and returns 0; a bad option or an input glob that matches nothing is one line on {@code err}
   * and exit code 2, before any runner starts. A pipeline that fails still throws, with its stack trace.
   */
  public static int launch(String[] args, PrintWriter out, PrintWriter err) {
    Launch.Outcome outcome;
    try {
      DataflowPreflight.check(args, System.getenv(), Path.of(System.getProperty("user.home")));
      outcome = Launch.run(args, out);
    } catch (IllegalArgumentException e) {
      err.println("newsbeam: " + e.getMessage());
      err.println("newsbeam: --help lists every option (pipelines/direct.sh --help)");
      err.flush();
      return 2;
    }
    if (outcome.state() != PipelineResult.State.DONE) {
      throw new IllegalStateException("pipeline ended " + outcome.state());
    }
    return 0;
  }

  /** The option checks {@link #build} makes, for a launcher to make before it starts a runner. */
  public static void validate(NewsbeamOptions options) {
    ExtractorKind.parse(options.getExtractor());
    Checks.limits(options);
    if (!options.getOverwrite()) {
      FileSystems.setDefaultPipelineOptions(options);
      OutputFolder.prepare(options.getOutput(), false); // only checks: fails when the folder already holds files
    }
  }

  /** Builds and starts the pipeline; the caller waits for it. */
  public static PipelineResult run(NewsbeamOptions options) {
    Pipeline pipeline = build(options);
    return pipeline.run();
  }

  /** Validates options, prepares the output folder and builds the pipeline without running it. */
  public static Pipeline build(NewsbeamOptions options) {
    ExtractorKind extractor = ExtractorKind.parse(options.getExtractor());
    ExtractionLimits limits = Checks.limits(options);
    OutputFolder.prepare(options.getOutput(), options.getOverwrite());
    String staging = OutputFolder.staging(options.getOutput(), options.getJobName());
    Pipeline p = Pipeline.create(options);

    WithRejects<RawDocument> raw =
        p.apply("ReadRawDocuments",
            ReadRawDocuments.from(options.getInput(), options.getExcludePattern(), limits));
    WithRejects<Article> drafts = raw.then("ExtractContent", ExtractContent.with(limits, extractor));
    WithRejects<Article> clean = drafts.then("StripBoilerplate", StripBoilerplate.create());
    PCollectionTuple collapsed = clean.then("CollapseDuplicates", CollapseDuplicates.create());
    PCollectionTuple grouped =
        collapsed.apply("AssignEvents", AssignEvents.with(EventParams.defaults()
                .withThreshold(options.getEventSimilarity())
                .withWindowDays(options.getEventWindowDays())
                .withSplit(options.getEventSplitSimilarity(), options.getEventSplitRounds()))
            .keepingIdsFrom(options.getPreviousEvents()));
    PCollectionTuple quoted = grouped.apply("ClusterQuotes", ClusterQuotes.create());

    PCollection<Reject> rejects =
        PCollectionList.of(raw.rejects()).and(drafts.rejects()).and(clean.rejects())
            .apply("AllRejects", Flatten.pCollections());
    PCollection<String> written =
        quoted.and(WriteEventPartitions.REJECTS, rejects)
            .apply("WriteEventPartitions", WriteEventPartitions.to(staging));

    written.apply("PublishManifest",
        PublishManifest.to(options.getOutput(), optionsForManifest(options))
            .publishingFrom(staging)
            .counting("documents", raw.output())
            .counting("documents", raw.rejects())
            .countingRecordsOf("articles", quoted.get(ClusterQuotes.ARTICLE_PARTS))
            .countingRecordsOf("duplicates", quoted.get(ClusterQuotes.DUPLICATE_PARTS))
            .counting("events", quoted.get(AssignEvents.EVENTS))
            .counting("quotes", quoted.get(ClusterQuotes.QUOTES))
            .counting("rejects", rejects));
    return p;
  }

  static Map<String, String> optionsForManifest(NewsbeamOptions o) {
    Map<String, String> m = new TreeMap<>();
    m.put("input", o.getInput());
    m.put("excludePattern", o.getExcludePattern());
    m.put("runner", o.getRunner().getSimpleName());
    m.put("extractor", o.getExtractor());
    m.put("maxInputBytes", Long.toString(o.getMaxInputBytes()));
    m.put("maxTextChars", Integer.toString(o.getMaxTextChars()));
    m.put("parseTimeoutSeconds", Integer.toString(o.getParseTimeoutSeconds()));
    m.put("maxArchiveDepth", Integer.toString(o.getMaxArchiveDepth()));
    m.put("maxExpansionRatio", Integer.toString(o.getMaxExpansionRatio()));
    m.put("parseIsolation", o.getParseIsolation());
    m.put("eventSimilarity", Double.toString(o.getEventSimilarity()));
    m.put("eventSplitSimilarity", Double.toString(o.getEventSplitSimilarity()));
    m.put("eventSplitRounds", Integer.toString(o.getEventSplitRounds()));
    m.put("eventWindowDays", Integer.toString(o.getEventWindowDays()));
    m.put("previousEvents", o.getPreviousEvents() == null ? "" : o.getPreviousEvents());
    return m;
  }
}
