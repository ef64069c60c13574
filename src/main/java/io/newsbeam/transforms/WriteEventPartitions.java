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
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Writes the tables as Avro under the output folder: {@code articles/event=<id>/} and {@code
 * duplicates/event=<id>/} partitioned by event, {@code events/}, {@code rejects/} and (when the tuple has {@link
 * ClusterQuotes#QUOTES}) {@code quotes/}. Returns the written file names, the signal that everything is on disk.
 *
 * <p>The partitioned tables come as {@link EventPart}s ({@link ClusterQuotes#ARTICLE_PARTS}, {@link
 * ClusterQuotes#DUPLICATE_PARTS}): each part of an event's records goes to one file, {@code
 * event=<id>/part-00000-of-00001.avro} (Avro, snappy, as {@code AvroIO} writes), its records in {@code
 * article_id} order. The step before already holds each event's records together, so the writer groups nothing;
 * grouping every record by event again was a sort of the whole corpus. ({@code FileIO.writeDynamic} grouped by
 * (event, shard), and the DirectRunner ran every such key as a bundle of its own through the write steps.) The
 * files are written inside the run's staging folder, which is published only after the whole run succeeded; a
 * retried bundle rewrites the same file names.
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

  /** Expects {@link ClusterQuotes}' tuple plus {@link #REJECTS}. */
  @Override
  public PCollection<String> expand(PCollectionTuple tables) {
    PCollection<String> articles =
        tables.get(ClusterQuotes.ARTICLE_PARTS)
            .apply("WriteArticles", ParDo.of(new WritePartFn(output + "/articles")))
            .setCoder(StringUtf8Coder.of());
    PCollection<String> duplicates =
        tables.get(ClusterQuotes.DUPLICATE_PARTS)
            .apply("WriteDuplicates", ParDo.of(new WritePartFn(output + "/duplicates")))
            .setCoder(StringUtf8Coder.of());
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

  /** The file of one part of an event's partition of a table. */
  static String partFile(String tableDir, String eventId, int part, int parts) {
    return String.format("%s/event=%s/part-%05d-of-%05d.avro", tableDir, eventId, part, parts);
  }

  /** One part of an event's records → its file (any Beam filesystem); outputs the file name. */
  static final class WritePartFn extends DoFn<EventPart, String> {
    private final String tableDir;

    WritePartFn(String tableDir) {
      this.tableDir = tableDir;
    }

    @ProcessElement
    public void process(@Element EventPart part, OutputReceiver<String> out) throws IOException {
      String file = partFile(tableDir, part.eventId(), part.part(), part.parts());
      try (DataFileWriter<Article> writer = new DataFileWriter<>(new SpecificDatumWriter<>(Article.class))) {
        writer.setCodec(CodecFactory.snappyCodec());
        writer.create(Article.getClassSchema(),
            Channels.newOutputStream(FileSystems.create(FileSystems.matchNewResource(file, false), MimeTypes.BINARY)));
        for (Article a : part.records()) {
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
