package io.newsbeam.transforms;

import io.newsbeam.schema.Article;
import io.newsbeam.schema.Event;
import io.newsbeam.schema.QuoteCluster;
import io.newsbeam.schema.Reject;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Writes the tables as Avro under the output folder: {@code articles/event=<id>/} and {@code
 * duplicates/event=<id>/} partitioned by event, {@code events/}, {@code rejects/} and (when the tuple has {@link
 * ClusterQuotes#QUOTES}) {@code quotes/}. Returns the written file
 * names, the signal that everything is on disk.
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
    WriteFilesResult<String> result =
        records.apply(
            name,
            FileIO.<String, Article>writeDynamic()
                .by(Article::getEventId)
                .withDestinationCoder(StringUtf8Coder.of())
                .via(AvroIO.sink(Article.class))
                .to(output + "/" + table)
                .withNaming(eventId -> FileIO.Write.defaultNaming("event=" + eventId + "/part", ".avro")));
    return result.getPerDestinationOutputFilenames().apply(name + "Names", Values.create());
  }

  private static PCollection<String> fileNames(String name, WriteFilesResult<Void> result) {
    PCollection<KV<Void, String>> names = result.getPerDestinationOutputFilenames();
    return names.apply(name, Values.create());
  }
}
