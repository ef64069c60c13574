package io.newsbeam.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** One input document as read: its id, where it came from, and its (decompressed) bytes. */
public final class RawDocument {
  private final String articleId;
  private final String sourceUri;
  private final byte[] bytes;

  public RawDocument(String articleId, String sourceUri, byte[] bytes) {
    this.articleId = articleId;
    this.sourceUri = sourceUri;
    this.bytes = bytes;
  }

  public String articleId() {
    return articleId;
  }

  public String sourceUri() {
    return sourceUri;
  }

  public byte[] bytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawDocument r
        && articleId.equals(r.articleId)
        && sourceUri.equals(r.sourceUri)
        && java.util.Arrays.equals(bytes, r.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(articleId, sourceUri);
  }

  @Override
  public String toString() {
    return "RawDocument{" + sourceUri + ", " + bytes.length + " bytes}";
  }

  /** Deterministic coder: two strings and the bytes. */
  public static final class Coder extends CustomCoder<RawDocument> {
    private static final long serialVersionUID = 1L;
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(RawDocument value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value.articleId, out);
      StringUtf8Coder.of().encode(value.sourceUri, out);
      ByteArrayCoder.of().encode(value.bytes, out);
    }

    @Override
    public RawDocument decode(InputStream in) throws IOException {
      return new RawDocument(
          StringUtf8Coder.of().decode(in), StringUtf8Coder.of().decode(in), ByteArrayCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
