package io.newsbeam.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The output folder's life cycle, on any Beam filesystem: refuse a non-empty folder unless {@code --overwrite};
 * the run writes every table under {@code DIR/_temporary-<run id>/}; at the end {@link #publish} moves the
 * staged files to their final names and only then are {@code _MANIFEST.json} and {@code _SUCCESS} (last)
 * written. Readers wait for {@code _SUCCESS}: they never see half an output.
 *
 * <p>What is atomic: on a local or HDFS filesystem each file's rename is atomic, so a table file is either
 * absent or complete; on object stores (gs://, s3://) Beam's rename is copy-then-delete per object, so a file
 * appears complete but the set of files appears one by one: there, as everywhere, {@code _SUCCESS} is the
 * commit marker (it is written last, after every move has finished). {@code --overwrite} deletes the old
 * {@code _SUCCESS} first, so a reader never takes a half-replaced folder for a finished one.
 */
public final class OutputFolder {
  private OutputFolder() {}

  /** Prefix of the staging folder inside the output folder (hidden by the Hadoop/Spark "_" convention). */
  public static final String STAGING_PREFIX = "_temporary-";

  /**
   * Fails when {@code output} already holds files, unless {@code overwrite}: then the old {@code _SUCCESS} is
   * deleted first and the rest after it.
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
      List<ResourceId> success = new ArrayList<>();
      List<ResourceId> rest = new ArrayList<>();
      for (ResourceId id : existing) {
        (Manifest.SUCCESS.equals(id.getFilename()) ? success : rest).add(id);
      }
      FileSystems.delete(success, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      FileSystems.delete(rest, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      removeEmptyLocalFolders(output, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + output + " for --overwrite", e);
    }
  }

  /** The staging folder of run {@code runId} inside {@code output}. */
  public static String staging(String output, String runId) {
    String base = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
    return base + "/" + STAGING_PREFIX + runId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * Moves every file under {@code staging} to the same relative path under {@code output} and removes the
   * staging folder. Idempotent: a retried call skips files already moved.
   */
  public static void publish(String staging, String output) throws IOException {
    String stagingBase = staging.endsWith("/") ? staging : staging + "/";
    ResourceId outDir = FileSystems.matchNewResource(output, true);
    MatchResult match = FileSystems.match(stagingBase + "**", EmptyMatchTreatment.ALLOW);
    List<ResourceId> from = new ArrayList<>();
    List<ResourceId> to = new ArrayList<>();
    if (match.status() == MatchResult.Status.OK) {
      ResourceId stagingDir = FileSystems.matchNewResource(staging, true);
      String prefix = stagingDir.toString();
      for (MatchResult.Metadata m : match.metadata()) {
        String path = m.resourceId().toString();
        if (!path.startsWith(prefix)) {
          throw new IOException("staged file " + path + " is not under " + prefix);
        }
        ResourceId target = outDir;
        String[] parts = path.substring(prefix.length()).split("/");
        for (int i = 0; i < parts.length; i++) {
          if (parts[i].isEmpty()) {
            continue;
          }
          target = target.resolve(parts[i], i == parts.length - 1
              ? ResolveOptions.StandardResolveOptions.RESOLVE_FILE
              : ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY);
        }
        from.add(m.resourceId());
        to.add(target);
      }
    }
    if (!from.isEmpty()) {
      createLocalParents(to);
      FileSystems.rename(from, to, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
    removeEmptyLocalFolders(staging, true);
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

  /** Local filesystems need parent folders before a rename; object stores have no folders. */
  private static void createLocalParents(List<ResourceId> targets) throws IOException {
    for (ResourceId t : targets) {
      Path p = localPath(t.toString());
      if (p != null && p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
    }
  }

  /** Empty folders left behind on a local filesystem (object stores have none). */
  private static void removeEmptyLocalFolders(String folder, boolean includingItself) throws IOException {
    Path root = localPath(folder);
    if (root == null || !Files.isDirectory(root)) {
      return;
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(root)) {
      dirs = s.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
    }
    for (Path d : dirs) {
      if (!includingItself && d.equals(root)) {
        continue;
      }
      try (Stream<Path> children = Files.list(d)) {
        if (children.findAny().isEmpty()) {
          Files.delete(d);
        }
      }
    }
  }

  private static Path localPath(String spec) {
    if (spec.startsWith("file:")) {
      return Path.of(java.net.URI.create(spec));
    }
    if (spec.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return null;
    }
    return Path.of(spec);
  }
}
