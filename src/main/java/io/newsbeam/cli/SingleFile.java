package io.newsbeam.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsbeam.boilerplate.CleanText;
import io.newsbeam.boilerplate.LineClassifier;
import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.Dates;
import io.newsbeam.extract.DocumentExtractor;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.extract.ExtractorKind;
import io.newsbeam.extract.TikaMetadata;
import io.newsbeam.input.InputFiles;
import io.newsbeam.schema.Article;
import io.newsbeam.text.Times;
import io.newsbeam.transforms.StripBoilerplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pipeline makes of one file, outside Beam: the read step (gzip/zip), Tika extraction, and the line
 * classifier, through the same library calls the transforms use. One JSON object per document, with the
 * removed lines and their labels.
 */
final class SingleFile {
  private final DocumentExtractor extractor;
  private final LineClassifier classifier = new LineClassifier();
  private final ExtractionLimits limits;

  SingleFile(ExtractionLimits limits, ExtractorKind kind) {
    this.limits = limits;
    this.extractor = new DocumentExtractor(limits, kind);
  }

  List<ObjectNode> extract(Path file) throws IOException {
    String uri = file.toAbsolutePath().toUri().toString();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " is not a readable file");
    }
    List<ObjectNode> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (InputFiles.Entry e : InputFiles.documents(uri, file.getFileName().toString(), in, limits.maxInputBytes())) {
        out.add(e.isRejected() ? rejected(e.sourceUri(), "read", e.rejected()) : document(e));
      }
    }
    return out;
  }

  private ObjectNode document(InputFiles.Entry e) {
    DocumentExtractor.Parsed parsed;
    try {
      parsed = extractor.parse(e.sourceUri(), e.bytes());
    } catch (RejectedException r) {
      return rejected(e.sourceUri(), "extract", r);
    }
    List<String> blocks = new ArrayList<>();
    parsed.blocks().forEach(b -> blocks.add(String.join("\n", b)));
    Long published = TikaMetadata.published(parsed.metadata());
    if (published == null) {
      published = Dates.parseUrl(e.sourceUri()).orElse(null);
    }
    Article draft = Article.newBuilder()
        .setArticleId(e.articleId())
        .setSourceUri(e.sourceUri())
        .setContentType(parsed.contentType())
        .setTitle(TikaMetadata.title(parsed.metadata()))
        .setAuthors(TikaMetadata.authors(parsed.metadata()))
        .setPublishedAt(Times.instant(published))
        .setSite(DocumentExtractor.siteOf(parsed.metadata(), e.sourceUri()))
        .setBody(String.join("\n\n", blocks))
        .setEventId("")
        .setContentHash("")
        .setSizeBytes(e.bytes().length)
        .build();
    CleanText lines = classifier.classify(LineClassifier.blocksOf(draft.getBody()), draft.getTitle());
    Article clean = StripBoilerplate.clean(draft, classifier);

    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("source_uri", e.sourceUri());
    o.put("article_id", e.articleId());
    o.put("content_type", parsed.contentType());
    if (clean == null) {
      o.put("outcome", "reject");
      ObjectNode r = o.putObject("reject");
      r.put("stage", "clean");
      r.put("reason", "no_text");
      r.put("message", "no article text left after removing boilerplate");
    } else {
      o.put("outcome", "article");
      ObjectNode md = o.putObject("metadata");
      md.put("title", clean.getTitle());
      md.put("subtitle", clean.getSubtitle());
      ArrayNode authors = md.putArray("authors");
      clean.getAuthors().forEach(authors::add);
      md.put("published_at", clean.getPublishedAt() == null ? null : clean.getPublishedAt().toString());
      md.put("language", clean.getLanguage());
      md.put("site", clean.getSite());
      md.put("word_count", clean.getWordCount());
      md.put("content_hash", clean.getContentHash());
      md.put("size_bytes", clean.getSizeBytes());
      o.put("body", clean.getBody());
    }
    ArrayNode removed = o.putArray("removed");
    for (CleanText.RemovedLine line : lines.removed()) {
      ObjectNode r = removed.addObject();
      r.put("label", line.label().name().toLowerCase(java.util.Locale.ROOT));
      r.put("text", line.text());
    }
    return o;
  }

  private static ObjectNode rejected(String uri, String stage, RejectedException r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("source_uri", uri);
    o.put("outcome", "reject");
    ObjectNode x = o.putObject("reject");
    x.put("stage", stage);
    x.put("reason", r.reason().code());
    x.put("message", r.getMessage());
    return o;
  }
}
