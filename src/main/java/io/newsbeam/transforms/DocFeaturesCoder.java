package io.newsbeam.transforms;

import io.newsbeam.dedup.DocFeatures;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;

/**
 * {@link DocFeatures} as their fields: the id, then each hash array as its length and 8 bytes a hash, the
 * publication time, the word count and the story flag. Java serialisation of the same records (Beam's {@code
 * SerializableCoder}) was a few percent of a 100k Flink run: the features of a document travel once for each of its
 * candidate pairs.
 */
final class DocFeaturesCoder extends AtomicCoder<DocFeatures> {
  private static final DocFeaturesCoder INSTANCE = new DocFeaturesCoder();

  static DocFeaturesCoder of() {
    return INSTANCE;
  }

  private DocFeaturesCoder() {}

  @Override
  public void encode(DocFeatures f, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(f.id(), out);
    DataOutputStream data = new DataOutputStream(out);
    writeLongs(f.shingles(), out, data);
    writeLongs(f.lead(), out, data);
    writeLongs(f.title(), out, data);
    data.writeBoolean(f.publishedMillis() != null);
    if (f.publishedMillis() != null) {
      data.writeLong(f.publishedMillis());
    }
    data.flush();
    VarInt.encode(f.words(), out);
    out.write(f.story() ? 1 : 0);
  }

  @Override
  public DocFeatures decode(InputStream in) throws IOException {
    String id = StringUtf8Coder.of().decode(in);
    DataInputStream data = new DataInputStream(in);
    long[] shingles = readLongs(in, data);
    long[] lead = readLongs(in, data);
    long[] title = readLongs(in, data);
    Long published = data.readBoolean() ? data.readLong() : null;
    int words = VarInt.decodeInt(in);
    int story = in.read();
    if (story < 0) {
      throw new IOException("DocFeatures ended before its story flag");
    }
    return new DocFeatures(id, shingles, lead, title, published, words, story == 1);
  }

  @Override
  public void verifyDeterministic() {}

  private static void writeLongs(long[] values, OutputStream out, DataOutputStream data) throws IOException {
    data.flush();
    VarInt.encode(values.length, out);
    for (long v : values) {
      data.writeLong(v);
    }
    data.flush();
  }

  private static long[] readLongs(InputStream in, DataInputStream data) throws IOException {
    long[] values = new long[VarInt.decodeInt(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = data.readLong();
    }
    return values;
  }
}
