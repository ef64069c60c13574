package io.newsbeam.quotes;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.Test;

/** newsbeam's single-threaded session gives the vectors of the model as langchain4j ships it. */
public class MiniLmEmbedderTest {
  @Test
  public void sameVectorsAsTheShippedModelAndUnitLength() {
    List<String> texts = List.of("The more unstable the region, the more our two countries need to cooperate.",
        "Talks on the grain corridor will resume next week in Istanbul.", "Ja.");
    List<float[]> ours = MiniLmEmbedder.shared().embed(texts);
    AllMiniLmL6V2QuantizedEmbeddingModel shipped = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    assertEquals(3, ours.size());
    for (int i = 0; i < texts.size(); i++) {
      float[] reference = MiniLmEmbedder.unit(shipped.embed(texts.get(i)).content().vector());
      assertArrayEquals(reference, ours.get(i), 0f);
      assertEquals(1.0, SentenceEmbedder.cosine(ours.get(i), ours.get(i)), 1e-5);
    }
    assertTrue(SentenceEmbedder.cosine(ours.get(0), ours.get(1)) < 0.75);
  }
}
