package io.newsbeam.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the newsbeam pipeline. Every option is listed with its meaning by {@code --help=NewsbeamOptions}. */
public interface NewsbeamOptions extends PipelineOptions {

  @Description("Input files: a glob on any Beam filesystem (local path, gs://, s3://, hdfs://). Gzip files are decompressed.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("Regular expression on the input path; matching files are not read (default: README/markdown files).")
  @Default.String("(^|/)README(\\.md|\\.txt)?$|\\.md$")
  String getExcludePattern();

  void setExcludePattern(String value);

  @Description("Output folder. Gets articles/, duplicates/, events/, rejects/, _MANIFEST.json and _SUCCESS.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Replace the content of an existing, non-empty output folder.")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description("Print a progress line (files done/total, rates, ETA) every this many seconds while the pipeline runs;"
      + " 0 prints none. On Flink the lines come from the JobManager's REST API.")
  @Default.Integer(10)
  int getProgressSeconds();

  void setProgressSeconds(int value);

  @Description("Main-content extractor for HTML: newsbeam (default), boilerpipe (Tika's boilerpipe handler alone) or text (all text).")
  @Default.String("newsbeam")
  String getExtractor();

  void setExtractor(String value);

  @Description("Largest input document, in bytes after decompression; larger ones are rejected as too_large.")
  @Default.Long(50L * 1024 * 1024)
  long getMaxInputBytes();

  void setMaxInputBytes(long value);

  @Description("Largest extracted text, in characters; longer ones are rejected as text_too_long.")
  @Default.Integer(2_000_000)
  int getMaxTextChars();

  void setMaxTextChars(int value);

  @Description("Longest time one document may take to parse, in seconds; slower ones are rejected as parse_timeout.")
  @Default.Integer(60)
  int getParseTimeoutSeconds();

  void setParseTimeoutSeconds(int value);

  // --- hostile input limits (issue 7) ---
  @Description("How many archives may nest (a zip inside a zip is 2); deeper ones are rejected as archive_limit.")
  @Default.Integer(2)
  int getMaxArchiveDepth();

  void setMaxArchiveDepth(int value);

  @Description("Largest ratio of decompressed to compressed size of a .gz or .zip input; larger ones (compression"
      + " bombs) are rejected as archive_limit.")
  @Default.Integer(200)
  int getMaxExpansionRatio();

  void setMaxExpansionRatio(int value);

  @Description("Where Tika parses: process (in a child JVM of the worker, about one and a half parses per core in flight; a parse past"
      + " --parseTimeoutSeconds retires or kills the child, so a parser stuck in a loop never stalls the worker) or none (in the worker JVM; a stuck parser"
      + " keeps a thread spinning).")
  @Default.String("process")
  String getParseIsolation();

  void setParseIsolation(String value);

  @Description("Similarity (key terms and named entities, average linkage) at which articles group into one"
      + " topic-level group (stage 1 of event grouping; stage 2 splits each group into events).")
  @Default.Double(0.10)
  double getEventSimilarity();

  void setEventSimilarity(double value);

  @Description("Stage 2 of event grouping: a topic-level group is cut in two when the mean similarity across the"
      + " best (spectral) cut is below this share of the mean similarity within its sides, with feature weights"
      + " counted inside the group. 0 never splits; higher splits more.")
  @Default.Double(0.30)
  double getEventSplitSimilarity();

  void setEventSplitSimilarity(double value);

  @Description("Stage 2 of event grouping: rounds of splitting (a topic-level group becomes at most 2^rounds events; 0 turns splitting off).")
  @Default.Integer(6)
  int getEventSplitRounds();

  void setEventSplitRounds(int value);

  @Description("Articles further apart in publication time than this many days never share an event.")
  @Default.Integer(4)
  int getEventWindowDays();

  void setEventWindowDays(int value);

  @Description("Events table (events/ folder) of an earlier run: events that hold its articles keep their ids, so partitions can be appended.")
  String getPreviousEvents();

  void setPreviousEvents(String value);
}
