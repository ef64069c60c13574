package io.newsbeam.transforms;

import io.newsbeam.errors.RejectReason;
import io.newsbeam.errors.RejectedException;
import io.newsbeam.extract.ExtractionLimits;
import io.newsbeam.input.InputFiles;
import io.newsbeam.schema.Reject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystemException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Matches the input glob on any Beam filesystem and reads each file within the byte limit; gzip is
 * decompressed and a zip archive yields one document per entry. Unreadable or oversized files become rejects.
 */
public final class ReadRawDocuments extends PTransform<PBegin, WithRejects<RawDocument>> {
  static final TupleTag<RawDocument> DOCUMENTS = new TupleTag<>() {};
  static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  private final String glob;
  private final String excludePattern;
  private final InputFiles.ReadLimits limits;

  private ReadRawDocuments(String glob, String excludePattern, InputFiles.ReadLimits limits) {
    this.glob = glob;
    this.excludePattern = excludePattern;
    this.limits = limits;
  }

  public static ReadRawDocuments from(String glob, String excludePattern, ExtractionLimits limits) {
    return new ReadRawDocuments(glob, excludePattern,
        new InputFiles.ReadLimits(limits.maxInputBytes(), limits.maxArchiveDepth(), limits.maxExpansionRatio()));
  }

  @Override
  public WithRejects<RawDocument> expand(PBegin begin) {
    String pattern = excludePattern;
    PCollectionTuple read =
        begin
            .apply("Glob", Create.of(glob).withCoder(StringUtf8Coder.of()))
            .apply("MatchInput", ParDo.of(new MatchFn()))
            .setCoder(MetadataCoderV2.of())
            .apply("DropExcluded", Filter.by((MatchResult.Metadata m) -> !InputFiles.excluded(pattern, m.resourceId().toString())))
            .apply("CountMatched", CountInto.counter("newsbeam.read", "files_matched"))
            .apply("SpreadFiles", Grouping.spread())
            .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
            .apply(
                "ReadBytes",
                ParDo.of(new ReadFn(InputFiles.globBase(glob), limits))
                    .withOutputTags(DOCUMENTS, TupleTagList.of(REJECTS)));
    read.get(DOCUMENTS).setCoder(RawDocument.Coder.of());
    read.get(REJECTS).setCoder(AvroCoder.of(Reject.class));
    return WithRejects.of(read, DOCUMENTS, REJECTS);
  }

  /**
   * The files of a glob. Not {@code FileIO.match()}: it ends in {@code Reshuffle.viaRandomKey()}, which on the
   * DirectRunner makes one bundle per file, and the next grouping then copies its state once per file (quadratic in
   * the number of files). {@code SpreadFiles} spreads the files instead.
   */
  static final class MatchFn extends DoFn<String, MatchResult.Metadata> {
    @ProcessElement
    public void process(@Element String glob, OutputReceiver<MatchResult.Metadata> out) throws IOException {
      MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.DISALLOW);
      if (match.status() == MatchResult.Status.NOT_FOUND) {
        throw new FileNotFoundException(InputFiles.noMatch(glob));
      }
      for (MatchResult.Metadata m : match.metadata()) {
        out.output(m);
      }
    }
  }

  static final class ReadFn extends DoFn<FileIO.ReadableFile, RawDocument> {
    private final String base;
    private final InputFiles.ReadLimits limits;
    private final Counter files = Metrics.counter("newsbeam.read", "files");
    private final Counter documents = Metrics.counter("newsbeam.read", "documents");
    private final Counter bytesRead = Metrics.counter("newsbeam.read", "bytes");

    ReadFn(String base, InputFiles.ReadLimits limits) {
      this.base = base;
      this.limits = limits;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) throws IOException {
      files.inc();
      String uri = file.getMetadata().resourceId().toString();
      long size = file.getMetadata().sizeBytes();
      String rel = InputFiles.relativePath(uri, base);
      if (size > limits.maxBytes()) {
        documents.inc();
        out.get(REJECTS).output(Rejects.of(uri, "read", RejectReason.TOO_LARGE,
            size + " bytes is more than --maxInputBytes=" + limits.maxBytes(), size));
        return;
      }
      try (InputStream in = Channels.newInputStream(file.open())) {
        for (InputFiles.Entry entry : InputFiles.documents(uri, rel, in, limits)) {
          documents.inc();
          if (entry.isRejected()) {
            RejectedException r = entry.rejected();
            out.get(REJECTS).output(Rejects.of(entry.sourceUri(), "read", r.reason(), r.getMessage(), size));
          } else {
            bytesRead.inc(entry.bytes().length);
            out.get(DOCUMENTS).output(new RawDocument(entry.articleId(), entry.sourceUri(), entry.bytes()));
          }
        }
      } catch (FileSystemException e) {
        // Permanent filesystem conditions (missing, no permission, symlink loop) are facts about the input.
        documents.inc();
        out.get(REJECTS).output(Rejects.of(uri, "read", RejectReason.UNREADABLE, e.toString(), size));
      }
    }
  }
}
