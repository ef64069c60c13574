package io.newsbeam.extract;

import io.newsbeam.errors.RejectReason;
import io.newsbeam.errors.RejectedException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of child JVMs that run {@link ParseChild}: the same extraction code, in a process the worker
 * can kill. A parse that does not answer within the timeout (a parser spinning in a tight loop, which no
 * thread interrupt stops) kills its child and the next parse starts a fresh one; a child that dies (out of
 * memory, crash) only costs the document it was parsing. At most {@link #maxChildren()} children run per
 * worker JVM, started lazily and reused; they end with the worker (shutdown hook) or when their stdin closes.
 *
 * <p>The child's heap is {@code -Dnewsbeam.parseChildHeap} (default 1g); its classpath is this JVM's plus the
 * jar that holds this class (so it also works under a runner's user class loader with a shaded jar).
 */
public final class ParseProcessPool {
  /** Extra time a child gets over the parse timeout before it is killed (it enforces the timeout itself). */
  static final long GRACE_MILLIS = 2_000;

  /** Longest a new child may take to start and load Tika; not counted against any document's timeout. */
  static final long STARTUP_MILLIS = Long.getLong("newsbeam.parseChildStartupMillis", 180_000);

  private static final ParseProcessPool SHARED = new ParseProcessPool(defaultMaxChildren());

  private final int maxChildren;
  private final Semaphore slots;
  private final LinkedBlockingDeque<Child> idle = new LinkedBlockingDeque<>();
  private final List<Child> all = new ArrayList<>();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger killed = new AtomicInteger();
  private final ExecutorService io =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "newsbeam-parse-child-io");
            t.setDaemon(true);
            return t;
          });

  ParseProcessPool(int maxChildren) {
    this.maxChildren = maxChildren;
    this.slots = new Semaphore(maxChildren, true);
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "newsbeam-parse-children-stop"));
  }

  public static ParseProcessPool shared() {
    return SHARED;
  }

  static int defaultMaxChildren() {
    String p = System.getProperty("newsbeam.parseChildren");
    if (p != null) {
      return Math.max(1, Integer.parseInt(p.strip()));
    }
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  public int maxChildren() {
    return maxChildren;
  }

  /** Child JVMs started so far (a killed child is replaced by a new one). */
  public int started() {
    return started.get();
  }

  /** Child JVMs killed after a timeout or found dead. */
  public int killed() {
    return killed.get();
  }

  /** Parses in a child JVM; the answer, or a reject (parse_timeout when the child had to be killed). */
  public DocumentExtractor.Parsed parse(
      ExtractorKind kind, int maxTextChars, long timeoutMillis, String sourceUri, byte[] bytes)
      throws RejectedException {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a parse child", e);
    }
    Child child = null;
    try {
      child = borrow();
      Child c = child;
      ParseWire.Request request = new ParseWire.Request(kind, maxTextChars, timeoutMillis, sourceUri, bytes);
      Future<DocumentExtractor.Parsed> answer = io.submit(() -> c.exchange(request));
      try {
        DocumentExtractor.Parsed parsed = answer.get(timeoutMillis + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        idle.push(child);
        child = null;
        return parsed;
      } catch (TimeoutException e) {
        answer.cancel(true);
        throw new RejectedException(RejectReason.PARSE_TIMEOUT,
            "parsing took longer than " + timeoutMillis + " ms; the parse process was killed");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RejectedException r) {
          if (r.reason() != RejectReason.PARSE_TIMEOUT) {
            // A timed-out parse may still spin inside the child: that child is not reused.
            idle.push(child);
            child = null;
          }
          throw r;
        }
        throw new RejectedException(RejectReason.PARSE_ERROR,
            "the parse process died (" + c.exitDescription() + "): the parser ran out of memory or crashed",
            cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while parsing " + sourceUri, e);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a parse child JVM: " + e.getMessage()
          + " (use --parseIsolation=none to parse in the worker JVM)", e);
    } finally {
      if (child != null) {
        discard(child);
      }
      slots.release();
    }
  }

  private Child borrow() throws IOException {
    Child c;
    while ((c = idle.poll()) != null) {
      if (c.process.isAlive()) {
        return c;
      }
      discard(c);
    }
    Child fresh = Child.start(command());
    started.incrementAndGet();
    Future<Byte> ready = io.submit(() -> fresh.answers.readByte());
    try {
      byte b = ready.get(STARTUP_MILLIS, TimeUnit.MILLISECONDS);
      if (b != ParseWire.READY) {
        throw new IOException("the parse child said " + b + " instead of ready");
      }
    } catch (TimeoutException | ExecutionException e) {
      fresh.process.destroyForcibly();
      throw new IOException("the parse child did not start within " + STARTUP_MILLIS + " ms", e);
    } catch (InterruptedException e) {
      fresh.process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting a parse child", e);
    }
    synchronized (all) {
      all.add(fresh);
    }
    return fresh;
  }

  private final List<ProcessHandle> killedProcesses = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The processes of killed children (tests check they are gone). */
  public List<ProcessHandle> killedProcesses() {
    return List.copyOf(killedProcesses);
  }

  private void discard(Child c) {
    killed.incrementAndGet();
    killedProcesses.add(c.process.toHandle());
    c.process.destroyForcibly();
    synchronized (all) {
      all.remove(c);
    }
  }

  /** Stops every child. */
  public void close() {
    synchronized (all) {
      for (Child c : all) {
        c.process.destroyForcibly();
      }
      all.clear();
    }
    idle.clear();
  }

  static List<String> command() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-Xmx" + System.getProperty("newsbeam.parseChildHeap", "1g"));
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(ParseChild.class.getName());
    return cmd;
  }

  /**
   * The child's classpath. When newsbeam runs from one bundled jar (as on Flink and Dataflow workers, where
   * the job's classes are loaded from a jar the worker fetched, not from {@code java.class.path}), that jar
   * alone: the worker's own classpath (a Flink TaskManager's jars, logging config) must not come first and
   * shadow the versions newsbeam was built with. Otherwise (development: classes folder and separate jars)
   * the code sources of newsbeam and Tika first, then this JVM's classpath.
   */
  static String classpath() {
    String ownJar = location(ParseChild.class);
    if (ownJar != null && ownJar.endsWith(".jar") && ownJar.equals(location(org.apache.tika.parser.AutoDetectParser.class))) {
      return ownJar;
    }
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c : new Class<?>[] {ParseChild.class, org.apache.tika.parser.AutoDetectParser.class}) {
      String l = location(c);
      if (l != null) {
        entries.add(l);
      }
    }
    for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** The file a class was loaded from, or null when it is not a file (then java.class.path must do). */
  private static String location(Class<?> c) {
    try {
      var source = c.getProtectionDomain().getCodeSource();
      return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI()).toString();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  /** One child JVM and its pipes. */
  static final class Child {
    final Process process;
    final DataOutputStream requests;
    final DataInputStream answers;

    private Child(Process process) {
      this.process = process;
      this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    static Child start(List<String> command) throws IOException {
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
      return new Child(pb.start());
    }

    DocumentExtractor.Parsed exchange(ParseWire.Request request) throws IOException, RejectedException {
      ParseWire.writeRequest(requests, request);
      return ParseWire.readAnswer(answers);
    }

    String exitDescription() {
      try {
        if (process.waitFor(1, TimeUnit.SECONDS)) {
          return "exit code " + process.exitValue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "no answer";
    }
  }
}
