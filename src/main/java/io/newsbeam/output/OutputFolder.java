package io.newsbeam.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Checks and clears the output folder before a run: never mixes two runs' files. */
public final class OutputFolder {
  private OutputFolder() {}

  /**
   * Fails when {@code output} already holds files, unless {@code overwrite}: then the old files are deleted.
   */
  public static void prepare(String output, boolean overwrite) {
    List<ResourceId> existing = existingFiles(output);
    if (existing.isEmpty()) {
      return;
    }
    if (!overwrite) {
      throw new IllegalArgumentException(
          "--output=" + output + " already holds " + existing.size()
              + " files; choose another folder, or pass --overwrite=true to replace them");
    }
    try {
      FileSystems.delete(existing, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + output + " for --overwrite", e);
    }
  }

  static List<ResourceId> existingFiles(String output) {
    String base = output.endsWith("/") ? output : output + "/";
    List<ResourceId> files = new ArrayList<>();
    try {
      MatchResult match = FileSystems.match(base + "**", EmptyMatchTreatment.ALLOW);
      if (match.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : match.metadata()) {
          files.add(m.resourceId());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list --output=" + output, e);
    }
    return files;
  }
}
