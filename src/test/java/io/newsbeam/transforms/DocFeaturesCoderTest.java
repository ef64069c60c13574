package io.newsbeam.transforms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.newsbeam.dedup.DocFeatures;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

/** DocFeaturesCoder gives back equal features, with or without a publication time, and is smaller than Java's. */
public class DocFeaturesCoderTest {
  private static final String BODY = "The council voted on Tuesday night to approve the budget after a long debate"
      + " about schools and roads in the north of the city. The mayor said the vote was a good day for the city.";

  @Test
  public void roundTripsFeaturesOfRealText() throws Exception {
    DocFeatures dated = DocFeatures.of("a1", "Council approves budget", BODY, 1_700_000_000_000L);
    DocFeatures undated = DocFeatures.of("b2", null, "Share", null);
    for (DocFeatures f : new DocFeatures[] {dated, undated}) {
      CoderProperties.coderDecodeEncodeEqual(DocFeaturesCoder.of(), f);
      CoderProperties.coderDeterministic(DocFeaturesCoder.of(), f, CoderUtils.clone(DocFeaturesCoder.of(), f));
    }
    assertTrue("the fixture has shingles", dated.shingles().length > 10);
    assertEquals(null, CoderUtils.clone(DocFeaturesCoder.of(), undated).publishedMillis());
    int ours = CoderUtils.encodeToByteArray(DocFeaturesCoder.of(), dated).length;
    int java = CoderUtils.encodeToByteArray(SerializableCoder.of(DocFeatures.class), dated).length;
    assertTrue(ours + " bytes against Java serialisation's " + java, ours < java);
  }
}
