package io.newsbeam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsbeam.Logging;
import io.newsbeam.ddl.SchemaSource;
import io.newsbeam.ddl.WarehouseDdl;
import io.newsbeam.ddl.WarehouseTable;
import io.newsbeam.eval.Evaluate;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.options.NewsbeamOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code newsbeam} command line: {@code run}, {@code extract}, {@code inspect}, {@code evaluate}, {@code ddl}, {@code report}. */
@Command(
    name = "newsbeam",
    mixinStandardHelpOptions = true,
    versionProvider = Newsbeam.Version.class,
    description = "Raw news files to clean, deduplicated, event-partitioned Avro (Apache Beam).",
    subcommands = {
      Newsbeam.Run.class, Newsbeam.Extract.class, Newsbeam.Inspect.class, Newsbeam.EvaluateCmd.class,
      Newsbeam.Ddl.class, Newsbeam.Report.class, CommandLine.HelpCommand.class
    },
    footer = {"", "`newsbeam COMMAND --help` explains each command."})
public final class Newsbeam implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (tests call {@code execute} on it in-process). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Newsbeam());
    CommandLine run = cl.getSubcommands().get("run");
    run.setUnmatchedOptionsArePositionalParams(true);
    run.getCommandSpec().usageMessage().footer(pipelineOptionsHelp());
    cl.getSubcommands().get("evaluate").getCommandSpec().usageMessage().footer(
        "", "Kinds: " + String.join(", ", Evaluate.kinds().keySet()));
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
      cmd.getErr().println("newsbeam " + cmd.getCommandName() + ": " + message(t));
      cmd.getErr().flush();
      return t instanceof IllegalArgumentException ? 2 : 1;
    });
    return cl;
  }

  private static String message(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String pipelineOptionsHelp() {
    PipelineOptionsFactory.register(NewsbeamOptions.class);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PipelineOptionsFactory.printHelp(new PrintStream(buf, true, StandardCharsets.UTF_8), NewsbeamOptions.class);
    return "%nPipeline options (plus every Beam option, e.g. --runner, --targetParallelism):%n"
        + buf.toString(StandardCharsets.UTF_8).replace("%", "%%");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"newsbeam " + io.newsbeam.output.Manifest.pipelineVersion()};
    }
  }

  // ------------------------------------------------------------------------------------------ run

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {
        "Runs the pipeline on any runner, with progress lines and a run report.",
        "Writes DIR/_REPORT.html and the manifest's report section when the pipeline is done.",
        "Pipeline options pass through to Beam: --input=GLOB --output=DIR [--runner=FlinkRunner …]."})
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--progress-seconds", defaultValue = "10", paramLabel = "S",
        description = "Print a progress line every S seconds (0: none). Default: ${DEFAULT-VALUE}.")
    int progressSeconds;

    @Option(names = "--no-report", description = "Do not write _REPORT.html (nor the manifest's report section).")
    boolean noReport;

    @Parameters(paramLabel = "PIPELINE_OPTION", arity = "0..*",
        description = "newsbeam and Beam pipeline options, e.g. --input='news/*' --output=out --overwrite=true")
    List<String> pipelineArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      if (pipelineArgs.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "give at least --input=GLOB and --output=DIR (newsbeam run --help lists every option)");
      }
      Logging.configureDefaults();
      List<String> args = new ArrayList<>(pipelineArgs);
      if (args.stream().noneMatch(a -> a.startsWith("--progressSeconds"))) {
        args.add("--progressSeconds=" + progressSeconds);
      }
      Launch.Outcome outcome = Launch.run(args.toArray(String[]::new), out);
      NewsbeamOptions options = outcome.options();
      long wall = outcome.wallMillis();
      if (outcome.state() != PipelineResult.State.DONE) {
        spec.commandLine().getErr().println("newsbeam run: the pipeline ended " + outcome.state() + " (no report written)");
        return 1;
      }
      if (!noReport) {
        PublishReport.write(options.getOutput(), outcome.tracker().stages(), wall);
      }
      out.printf("newsbeam: done in %.1f s: %s (_MANIFEST.json%s)%n", wall / 1000.0, options.getOutput(),
          noReport ? "" : ", " + PublishReport.REPORT);
      return 0;
    }
  }

  // ------------------------------------------------------------------------------------------ extract

  @Command(name = "extract", mixinStandardHelpOptions = true,
      description = {
        "Prints what the pipeline makes of single files, as JSON.",
        "One object per document: metadata, body, and every boilerplate line it removed with its label.",
        "Gzip and zip inputs give one object per document, as in the pipeline's read step."})
  static final class Extract implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to extract.")
    List<Path> files;

    @Option(names = "--extractor", defaultValue = "newsbeam",
        description = "newsbeam, boilerpipe or text (as the pipeline's --extractor). Default: ${DEFAULT-VALUE}.")
    String extractor;

    @Option(names = "--pretty", description = "Indent the JSON (one document spans several lines).")
    boolean pretty;

    @Override
    public Integer call() throws IOException {
      Logging.configureDefaults();
      SingleFile single = new SingleFile(ExtractionLimits.DEFAULTS, ExtractorKind.parse(extractor));
      ObjectMapper json = new ObjectMapper();
      PrintWriter out = spec.commandLine().getOut();
      for (Path f : files) {
        for (ObjectNode doc : single.extract(f)) {
          out.println(pretty ? json.writerWithDefaultPrettyPrinter().writeValueAsString(doc) : json.writeValueAsString(doc));
        }
      }
      out.flush();
      return 0;
    }
  }

  // ------------------------------------------------------------------------------------------ inspect

  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = {
        "Prints Avro records as JSON lines, filtered by event and table.",
        "PATH: an output folder (all its tables, each line with a _table field), a table folder, or an .avro file.",
        "Timestamps print as ISO-8601 UTC."})
  static final class Inspect implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "Output folder, table folder or .avro file (any Beam filesystem).")
    String path;

    @Option(names = {"-e", "--event"}, paramLabel = "EVENT_ID", description = "Only records of this event (repeatable).")
    List<String> events = new ArrayList<>();

    @Option(names = {"-t", "--table"}, paramLabel = "TABLE",
        description = "Only these tables of an output folder: articles, duplicates, events, rejects, quotes (repeatable).")
    List<String> tables = new ArrayList<>();

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "-1", description = "Print at most N records.")
    long limit;

    @Override
    public Integer call() throws IOException {
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
      for (String t : tables) {
        if (!OutputTables.TABLES.contains(t)) {
          throw new IllegalArgumentException("unknown table " + t + ": use one of " + OutputTables.TABLES);
        }
      }
      String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      boolean outputFolder = OutputTables.TABLES.stream().anyMatch(t -> exists(base + "/" + t));
      Map<String, String> sources = new java.util.LinkedHashMap<>();
      if (outputFolder) {
        for (String t : OutputTables.TABLES) {
          if (tables.isEmpty() || tables.contains(t)) {
            sources.put(t, base + "/" + t);
          }
        }
      } else {
        if (OutputTables.files(base).isEmpty()) {
          throw new IllegalArgumentException(path + " holds no .avro files: give an output folder, a table folder or a file");
        }
        sources.put(null, base);
      }
      Set<String> wanted = new LinkedHashSet<>(events);
      PrintWriter out = spec.commandLine().getOut();
      ObjectMapper json = new ObjectMapper();
      long printed = 0;
      for (Map.Entry<String, String> s : sources.entrySet()) {
        for (ResourceId f : OutputTables.files(s.getValue())) {
          if (!wanted.isEmpty() && f.toString().contains("/event=")
              && wanted.stream().noneMatch(e -> f.toString().contains("/event=" + e + "/"))) {
            continue; // the partition folder names the event: skip other partitions unread
          }
          for (GenericRecord r : OutputTables.read(f.toString())) {
            if (!wanted.isEmpty() && (r.getSchema().getField("event_id") == null
                || !wanted.contains(String.valueOf(r.get("event_id"))))) {
              continue;
            }
            if (limit >= 0 && printed >= limit) {
              out.flush();
              return 0;
            }
            ObjectNode o = RecordJson.of(r);
            if (s.getKey() != null) {
              ObjectNode withTable = json.createObjectNode().put("_table", s.getKey());
              withTable.setAll(o);
              o = withTable;
            }
            out.println(json.writeValueAsString(o));
            printed++;
          }
        }
      }
      out.flush();
      return 0;
    }

    private static boolean exists(String dir) {
      try {
        return !OutputTables.files(dir).isEmpty();
      } catch (IOException e) {
        return false;
      }
    }
  }

  // ------------------------------------------------------------------------------------------ evaluate

  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = "Runs an evaluation kind on labelled data and prints its figures (as pipelines/evaluate.sh).")
  static final class EvaluateCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "Evaluation kind (listed below).")
    String kind;

    @Parameters(index = "1..*", paramLabel = "ARG", arity = "0..*", description = "Arguments of that kind.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      String main = Evaluate.kinds().get(kind);
      if (main == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "unknown evaluation kind '" + kind + "': use one of " + String.join(", ", Evaluate.kinds().keySet()));
      }
      Logging.configureDefaults();
      Class.forName(main).getMethod("main", String[].class).invoke(null, (Object) args.toArray(String[]::new));
      return 0;
    }
  }

  // ------------------------------------------------------------------------------------------ ddl

  @Command(name = "ddl", mixinStandardHelpOptions = true,
      description = {
        "Prints (or writes) warehouse DDL generated from the Avro schemas.",
        "BigQuery schema JSON and bq load / external-table commands with Hive partitioning, Hive CREATE EXTERNAL",
        "TABLE … STORED AS AVRO, and Spark SQL CREATE TABLE … USING avro.",
        "The event=<id> folders become the partition column 'event' (equal to event_id)."})
  static final class Ddl implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "all", paramLabel = "F",
        description = "bigquery, hive, spark or all. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--location", defaultValue = "gs://BUCKET/newsbeam-out", paramLabel = "URI",
        description = "Where the run's output folder is (gs://…, hdfs://…, s3a://…). Default: ${DEFAULT-VALUE}.")
    String location;

    @Option(names = "--dataset", defaultValue = "newsbeam", paramLabel = "NAME",
        description = "BigQuery dataset / Hive database. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--schemas", paramLabel = "DIR",
        description = "Folder of .avsc schemas. Default: the project's schemas/ (else the schemas built into the jar).")
    Path schemas;

    @Option(names = "--write", paramLabel = "DIR",
        description = "Write files instead of printing: DIR/bigquery/TABLE.schema.json, DIR/bigquery/load.sh, DIR/hive/tables.hql, DIR/spark/tables.sql.")
    Path write;

    @Override
    public Integer call() throws IOException {
      if (!List.of("all", "bigquery", "hive", "spark").contains(format)) {
        throw new IllegalArgumentException("--format must be bigquery, hive, spark or all, got " + format);
      }
      List<WarehouseTable> tables = WarehouseTable.all(schemaSource());
      PrintWriter out = spec.commandLine().getOut();
      StringBuilder bqCommands = new StringBuilder("#!/usr/bin/env bash\n# Generated by `newsbeam ddl` from the Avro schemas.\nset -euo pipefail\n");
      StringBuilder hive = new StringBuilder("-- Generated by `newsbeam ddl` from the Avro schemas (Hive).\n");
      StringBuilder spark = new StringBuilder("-- Generated by `newsbeam ddl` from the Avro schemas (Spark SQL).\n");
      if (dataset != null && !dataset.isBlank()) {
        hive.append("CREATE DATABASE IF NOT EXISTS `").append(dataset).append("`;\n");
        spark.append("CREATE DATABASE IF NOT EXISTS `").append(dataset).append("`;\n");
      }
      for (WarehouseTable t : tables) {
        bqCommands.append('\n').append(WarehouseDdl.bigQueryCommands(t, dataset, location));
        hive.append('\n').append(WarehouseDdl.createTable(t, WarehouseDdl.Dialect.HIVE, dataset, location));
        spark.append('\n').append(WarehouseDdl.createTable(t, WarehouseDdl.Dialect.SPARK, dataset, location));
      }
      boolean bq = format.equals("all") || format.equals("bigquery");
      boolean hv = format.equals("all") || format.equals("hive");
      boolean sp = format.equals("all") || format.equals("spark");
      if (write != null) {
        if (bq) {
          Files.createDirectories(write.resolve("bigquery"));
          for (WarehouseTable t : tables) {
            Files.writeString(write.resolve("bigquery").resolve(t.name() + ".schema.json"), WarehouseDdl.bigQuerySchema(t));
          }
          Files.writeString(write.resolve("bigquery").resolve("load.sh"), bqCommands.toString());
        }
        if (hv) {
          Files.createDirectories(write.resolve("hive"));
          Files.writeString(write.resolve("hive").resolve("tables.hql"), hive.toString());
        }
        if (sp) {
          Files.createDirectories(write.resolve("spark"));
          Files.writeString(write.resolve("spark").resolve("tables.sql"), spark.toString());
        }
        out.println("newsbeam ddl: wrote " + write + " (" + tables.size() + " tables)");
      } else {
        if (bq) {
          for (WarehouseTable t : tables) {
            out.println("# ---- BigQuery schema: " + t.name() + ".schema.json");
            out.print(WarehouseDdl.bigQuerySchema(t));
          }
          out.println("# ---- BigQuery commands (run in the folder that holds the schema files)");
          out.print(bqCommands);
        }
        if (hv) {
          out.println("-- ---- Hive");
          out.print(hive);
        }
        if (sp) {
          out.println("-- ---- Spark SQL");
          out.print(spark);
        }
      }
      out.flush();
      return 0;
    }

    private SchemaSource schemaSource() {
      if (schemas != null) {
        return SchemaSource.folder(schemas);
      }
      String home = System.getProperty("newsbeam.home");
      Path candidate = home != null ? Path.of(home, "schemas") : Path.of("schemas");
      return Files.isDirectory(candidate) ? SchemaSource.folder(candidate) : SchemaSource.generatedClasses();
    }
  }

  // ------------------------------------------------------------------------------------------ report

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = {
        "(Re)writes DIR/_REPORT.html and the manifest's report section.",
        "Reads a finished output back; DIR/_MANIFEST.json gets the report section.",
        "`newsbeam run` does this itself; stage timings are kept from the run when present."})
  static final class Report implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The --output folder of a finished run.")
    String output;

    @Override
    public Integer call() throws IOException {
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
      PublishReport.write(output, List.of(), null);
      spec.commandLine().getOut().println("newsbeam report: wrote " + output + "/" + PublishReport.REPORT);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
