package io.newsbeam.transforms;

import io.newsbeam.schema.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;

/**
 * Part {@code part} of {@code parts} of one event's records of a table (articles or duplicates), in
 * {@code article_id} order: what {@link ClusterQuotes} hands to {@link WriteEventPartitions}, which writes each
 * part to a file of its own. The step that clusters an event's quotes holds the event's records together
 * anyway; handing them on grouped spares the writer a grouping of every record by event. A part holds at most
 * {@link #MAX_RECORDS} records, so that no element grows with the size of an event (as with a canonical
 * article's {@code copies}).
 */
public record EventPart(String eventId, int part, int parts, List<Article> records) {
  /** Records in one part (and one file). */
  public static final int MAX_RECORDS = 1_000;

  public EventPart {
    if (parts < 1 || part < 0 || part >= parts) {
      throw new IllegalArgumentException("part " + part + " of " + parts);
    }
  }

  /**
   * An event's records in parts of at most {@code maxRecords}, in {@code article_id} order; none when there are
   * no records. The same records give the same parts, whatever order they came in.
   */
  public static List<EventPart> split(String eventId, List<Article> records, int maxRecords) {
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be at least 1, was " + maxRecords);
    }
    List<Article> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparing(Article::getArticleId));
    int parts = (sorted.size() + maxRecords - 1) / maxRecords;
    List<EventPart> out = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      out.add(new EventPart(eventId, i, parts,
          List.copyOf(sorted.subList(i * maxRecords, Math.min(sorted.size(), (i + 1) * maxRecords)))));
    }
    return out;
  }

  /** The event id, the part's number and count, and the records (Avro). */
  public static final class Coder extends CustomCoder<EventPart> {
    private static final long serialVersionUID = 1L;
    private static final Coder INSTANCE = new Coder();
    private static final ListCoder<Article> RECORDS = ListCoder.of(AvroCoder.of(Article.class));

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(EventPart value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value.eventId(), out);
      VarIntCoder.of().encode(value.part(), out);
      VarIntCoder.of().encode(value.parts(), out);
      RECORDS.encode(value.records(), out);
    }

    @Override
    public EventPart decode(InputStream in) throws IOException {
      return new EventPart(StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in),
          VarIntCoder.of().decode(in), RECORDS.decode(in));
    }
  }
}
