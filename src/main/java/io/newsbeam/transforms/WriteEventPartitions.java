package io.newsbeam.transforms;

import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.QuoteCluster;
import io.newsbeam.schema.Reject;
import java.io.IOException;
import java.nio.channels.Channels;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes the tables as Avro under the output folder: {@code articles/event=<id>/} and {@code
 * duplicates/event=<id>/} partitioned by event, {@code events/}, {@code rejects/} and (when the tuple has {@link
 * ClusterQuotes#QUOTES}) {@code quotes/}. Returns the written file
 * names, the signal that everything is on disk.
 *
 * <p>A partitioned table is grouped by event ({@link Grouping#byKey}) and each event's records go to one file,
 * {@code event=<id>/part-00000-of-00001.avro} (Avro, snappy, as {@code AvroIO} writes). {@code
 * FileIO.writeDynamic} grouped by (event, shard) instead, and the DirectRunner ran every such key as a bundle of
 * its own through the write steps: thousands of bundles, each paying the runner's fixed cost. The files are
 * written inside the run's staging folder, which is published only after the whole run succeeded; a retried
 * bundle rewrites the same file names.
 */
public final class WriteEventPartitions extends PTransform<PCollectionTuple, PCollection<String>> {
  public static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  private final String output;

  private WriteEventPartitions(String output) {
    this.output = output;
  }

  public static WriteEventPartitions to(String output) {
    return new WriteEventPartitions(output);
  }

  /** Expects {@link AssignEvents}' tuple plus {@link #REJECTS}. */
  @Override
  public PCollection<String> expand(PCollectionTuple tables) {
    PCollection<String> articles = writePartitioned("WriteArticles", tables.get(AssignEvents.ARTICLES), "articles");
    PCollection<String> duplicates =
        writePartitioned("WriteDuplicates", tables.get(AssignEvents.DUPLICATES), "duplicates");
    PCollection<String> events =
        fileNames("WriteEventsNames",
            tables.get(AssignEvents.EVENTS)
                .apply("WriteEvents",
                    AvroIO.write(Event.class).to(output + "/events/part").withSuffix(".avro").withOutputFilenames()));
    PCollection<String> rejects =
        fileNames("WriteRejectsNames",
            tables.get(REJECTS)
                .apply("WriteRejects",
                    AvroIO.write(Reject.class).to(output + "/rejects/part").withSuffix(".avro").withOutputFilenames()));
    PCollectionList<String> written = PCollectionList.of(articles).and(duplicates).and(events).and(rejects);
    if (tables.has(ClusterQuotes.QUOTES)) {
      written = written.and(fileNames("WriteQuotesNames",
          tables.get(ClusterQuotes.QUOTES)
              .apply("WriteQuotes",
                  AvroIO.write(QuoteCluster.class).to(output + "/quotes/part").withSuffix(".avro").withOutputFilenames())));
    }
    return written.apply("AllWrittenFiles", Flatten.pCollections());
  }

  private PCollection<String> writePartitioned(String name, PCollection<Article> records, String table) {
    return records
        .apply(name + "ByEvent",
            WithKeys.of((Article a) -> Grouping.sortableKey(eventOf(a))).withKeyType(TypeDescriptors.strings()))
        .apply(name + "GroupEvents", Grouping.byKey())
        .apply(name, ParDo.of(new WritePartitionFn(output + "/" + table)))
        .setCoder(StringUtf8Coder.of());
  }

  private static String eventOf(Article a) {
    if (a.getEventId() == null) {
      throw new IllegalStateException("article " + a.getArticleId() + " reached the writer without an event id");
    }
    return a.getEventId();
  }

  /** The file of one event's partition of a table. */
  static String partitionFile(String tableDir, String eventId) {
    return tableDir + "/event=" + eventId + "/part-00000-of-00001.avro";
  }

  /** One event's records → its partition file (any Beam filesystem); outputs the file name. */
  static final class WritePartitionFn extends DoFn<KV<String, Iterable<Article>>, String> {
    private final String tableDir;

    WritePartitionFn(String tableDir) {
      this.tableDir = tableDir;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Article>> event, OutputReceiver<String> out) throws IOException {
      String file = partitionFile(tableDir, Grouping.idOf(event.getKey()));
      try (DataFileWriter<Article> writer = new DataFileWriter<>(new SpecificDatumWriter<>(Article.class))) {
        writer.setCodec(CodecFactory.snappyCodec());
        writer.create(Article.getClassSchema(),
            Channels.newOutputStream(FileSystems.create(FileSystems.matchNewResource(file, false), MimeTypes.BINARY)));
        for (Article a : event.getValue()) {
          writer.append(a);
        }
      }
      out.output(file);
    }
  }

  private static PCollection<String> fileNames(String name, WriteFilesResult<Void> result) {
    PCollection<KV<Void, String>> names = result.getPerDestinationOutputFilenames();
    return names.apply(name, Values.create());
  }
}
