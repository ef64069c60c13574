package io.newsbeam.output;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.newsbeam.schema.Article;
import io.newsbeam.schema.Reject;
import java.util.Map;
import org.junit.Test;

public class ManifestTest {
  @Test
  public void balancesWhenEveryDocumentIsExactlyOneRecord() {
    assertTrue(Manifest.balanced(Map.of("documents", 10L, "articles", 6L, "duplicates", 3L, "rejects", 1L)));
    assertFalse(Manifest.balanced(Map.of("documents", 10L, "articles", 6L, "duplicates", 3L)));
    assertFalse(Manifest.balanced(Map.of("documents", 10L, "articles", 7L, "duplicates", 3L, "rejects", 1L)));
  }

  @Test
  public void eventsDoNotCountTowardsTheBalance() {
    assertTrue(Manifest.balanced(Map.of("documents", 2L, "articles", 2L, "events", 5L)));
  }

  @Test
  public void recordsCountsPerTableAndSchemaFingerprints() {
    Map<String, Object> m = Manifest.build(Map.of("documents", 3L, "articles", 2L, "rejects", 1L), Map.of("input", "x/*"));
    assertEquals(3L, m.get("input_documents"));
    assertEquals(true, m.get("balanced"));
    @SuppressWarnings("unchecked")
    Map<String, Long> tables = (Map<String, Long>) m.get("tables");
    assertEquals(Long.valueOf(2), tables.get("articles"));
    assertEquals(Long.valueOf(0), tables.get("duplicates"));
    @SuppressWarnings("unchecked")
    Map<String, String> fp = (Map<String, String>) m.get("schema_fingerprints");
    assertEquals(16, fp.get("Article").length());
    assertNotEquals(fp.get("Article"), fp.get("Reject"));
  }

  @Test
  public void fingerprintChangesWithTheSchema() {
    assertNotEquals(Manifest.fingerprint(Article.getClassSchema()), Manifest.fingerprint(Reject.getClassSchema()));
    assertEquals(Manifest.fingerprint(Article.getClassSchema()), Manifest.fingerprint(Article.getClassSchema()));
  }
}
