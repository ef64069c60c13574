package io.newsbeam.extract;

import io.newsbeam.errors.RejectReason;
import io.newsbeam.errors.RejectedException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM that runs {@link ParseChild}: the same extraction code, in a process the worker can kill. One
 * child per worker JVM parses documents at once on threads of its own, so Tika and the extractor are loaded and
 * JIT-compiled once rather than once per parse slot (with one child per slot, parsing ran at about two thirds of
 * its in-JVM speed in a 10,000-document run, most of it warm-up).
 *
 * <p>Up to {@link #inFlight()} parses are in flight at once: half as many again as the child has cores
 * ({@link #parallelism()}). Each parse waits on a round trip (the request down the pipe, the answer back, the
 * caller reading it and sending its next file) during which its core would idle; with exactly one parse per
 * core the child used about 150 % of two cores once the JIT had made parsing fast, and about 185 % with three
 * parses in flight (docs/PERFORMANCE.md, session 10).
 *
 * <ul>
 *   <li>A parse the child's own timer gives up on (a parser spinning in a tight loop, which no thread interrupt
 *       stops) is a {@code parse_timeout} reject, and the child is retired: it gets no new work and is killed
 *       once its other parses have answered; the next parse starts a fresh child.
 *   <li>A parse that gets no answer at all within the timeout plus {@link #GRACE_MILLIS} kills the child at
 *       once, and is a {@code parse_timeout} reject.
 *   <li>When the child dies (out of memory, a crash, or killed as above), every other parse it held is not to
 *       blame and is parsed again, alone (no other parse in flight), in a fresh child; only a document that
 *       kills a child it has to itself is a {@code parse_error} reject. The outcome of each document is thus the
 *       same whatever else was in flight.
 * </ul>
 *
 * <p>The child starts lazily and ends with the worker (shutdown hook) or when its stdin closes. Its heap is
 * {@code -Dnewsbeam.parseChildHeap} (default 1g per core it keeps busy); its classpath is this JVM's plus the jar that
 * holds this class (so it also works under a runner's user class loader with a shaded jar).
 */
public final class ParseProcessPool {
  /** Extra time a child gets over the parse timeout before it is killed (it enforces the timeout itself). */
  static final long GRACE_MILLIS = 2_000;

  /** Longest a new child may take to start and load Tika; not counted against any document's timeout. */
  static final long STARTUP_MILLIS = Long.getLong("newsbeam.parseChildStartupMillis", 180_000);

  private static final ParseProcessPool SHARED = new ParseProcessPool(defaultParallelism());

  private final int parallelism;
  private final int inFlight;
  private final Semaphore slots;
  private final Object lock = new Object();
  /** The child that takes new work; null when none is running. Guarded by {@link #lock}. */
  private Child current;
  /** Every child not yet stopped. Guarded by {@link #lock}. */
  private final List<Child> all = new ArrayList<>();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger killed = new AtomicInteger();
  private final AtomicInteger nextId = new AtomicInteger();
  private final List<ProcessHandle> killedProcesses = new CopyOnWriteArrayList<>();
  private final ExecutorService io =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "newsbeam-parse-child-io");
            t.setDaemon(true);
            return t;
          });

  ParseProcessPool(int parallelism) {
    this.parallelism = parallelism;
    this.inFlight = parallelism + (parallelism + 1) / 2;
    this.slots = new Semaphore(inFlight, true);
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "newsbeam-parse-children-stop"));
  }

  public static ParseProcessPool shared() {
    return SHARED;
  }

  /** The child's cores: {@code -Dnewsbeam.parseChildren}, else the number of cores (at least 2). */
  static int defaultParallelism() {
    String p = System.getProperty("newsbeam.parseChildren");
    if (p != null) {
      return Math.max(1, Integer.parseInt(p.strip()));
    }
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  /** How many cores the child's parses are meant to keep busy (its heap is this many gigabytes). */
  public int parallelism() {
    return parallelism;
  }

  /** How many parses may be in flight at once: half as many again as {@link #parallelism()}, rounded up. */
  public int inFlight() {
    return inFlight;
  }

  /** Child JVMs started so far (a killed child is replaced by a new one). */
  public int started() {
    return started.get();
  }

  /** Child JVMs killed (after a timeout) or found dead. */
  public int killed() {
    return killed.get();
  }

  /** The processes of killed children (tests check they are gone). */
  public List<ProcessHandle> killedProcesses() {
    return List.copyOf(killedProcesses);
  }

  /** Parses in a child JVM; the answer, or a reject (parse_timeout when the child had to be killed). */
  public DocumentExtractor.Parsed parse(
      ExtractorKind kind, int maxTextChars, long timeoutMillis, String sourceUri, byte[] bytes)
      throws RejectedException {
    ParseWire.Request request =
        new ParseWire.Request(nextId.incrementAndGet(), kind, maxTextChars, timeoutMillis, sourceUri, bytes);
    acquire(1);
    try {
      return attempt(request);
    } catch (ChildDied died) {
      // Not necessarily this document's doing: below, it is parsed alone.
    } finally {
      slots.release(1);
    }
    acquire(inFlight);
    try {
      return attempt(request);
    } catch (ChildDied died) {
      throw new RejectedException(RejectReason.PARSE_ERROR,
          "the parse process died (" + died.getMessage() + ") while parsing this file alone: the parser ran"
              + " out of memory or crashed", died);
    } finally {
      slots.release(inFlight);
    }
  }

  private void acquire(int permits) {
    try {
      slots.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the parse child", e);
    }
  }

  /** One try in the current child. */
  private DocumentExtractor.Parsed attempt(ParseWire.Request request) throws RejectedException, ChildDied {
    Child child = childForWork();
    try {
      CompletableFuture<byte[]> answer = child.send(request);
      byte[] bytes;
      try {
        bytes = answer.get(request.timeoutMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        kill(child);
        throw new RejectedException(RejectReason.PARSE_TIMEOUT,
            "parsing took longer than " + request.timeoutMillis() + " ms; the parse process was killed");
      } catch (ExecutionException e) {
        throw e.getCause() instanceof ChildDied d ? d : new ChildDied(String.valueOf(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while parsing " + request.sourceUri(), e);
      }
      try {
        return ParseWire.readAnswer(new DataInputStream(new ByteArrayInputStream(bytes)));
      } catch (RejectedException r) {
        if (r.reason() == RejectReason.PARSE_TIMEOUT) {
          // The timed-out parse may still spin inside the child: it takes no more work.
          retire(child);
        }
        throw r;
      } catch (IOException e) {
        throw new IllegalStateException("the parse child sent an answer this worker cannot read", e);
      }
    } finally {
      finished(child);
    }
  }

  /** The child that takes new work, started when there is none; counts one more parse in flight in it. */
  private Child childForWork() {
    synchronized (lock) {
      if (current != null && current.dead) {
        stop(current);
        current = null;
      }
      if (current == null) {
        try {
          current = startChild();
        } catch (IOException e) {
          throw new IllegalStateException("cannot start a parse child JVM: " + e.getMessage()
              + " (use --parseIsolation=none to parse in the worker JVM)", e);
        }
        all.add(current);
      }
      current.inFlight++;
      return current;
    }
  }

  private void finished(Child child) {
    synchronized (lock) {
      child.inFlight--;
      if (child.retired && child.inFlight == 0) {
        stop(child);
      }
    }
  }

  private void retire(Child child) {
    synchronized (lock) {
      child.retired = true;
      if (current == child) {
        current = null;
      }
    }
  }

  /** Kills a child now: its other parses in flight fail with {@link ChildDied} and are parsed again. */
  private void kill(Child child) {
    synchronized (lock) {
      retire(child);
      stop(child);
    }
  }

  /** Stops a child, alive or found dead, once: it counts as killed and its process is destroyed. */
  private void stop(Child child) {
    if (all.remove(child)) {
      killed.incrementAndGet();
      killedProcesses.add(child.process.toHandle());
      child.process.destroyForcibly();
    }
  }

  private Child startChild() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(parallelism));
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process process = pb.start();
    started.incrementAndGet();
    Child child = new Child(process);
    Future<Byte> ready = io.submit(() -> child.answers.readByte());
    try {
      byte b = ready.get(STARTUP_MILLIS, TimeUnit.MILLISECONDS);
      if (b != ParseWire.READY) {
        throw new IOException("the parse child said " + b + " instead of ready");
      }
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      throw new IOException("the parse child did not start within " + STARTUP_MILLIS + " ms", e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting a parse child", e);
    }
    io.execute(child::readAnswers);
    return child;
  }

  /** Stops every child. */
  public void close() {
    synchronized (lock) {
      for (Child c : all) {
        c.process.destroyForcibly();
      }
      all.clear();
      current = null;
    }
  }

  static List<String> command(int parallelism) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-Xmx" + System.getProperty("newsbeam.parseChildHeap", parallelism + "g"));
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

  /** The child died (or was killed) before answering. */
  static final class ChildDied extends Exception {
    private static final long serialVersionUID = 1L;

    ChildDied(String how) {
      super(how);
    }
  }

  /** One child JVM, its pipes and the parses waiting for its answers. */
  static final class Child {
    final Process process;
    final DataOutputStream requests;
    final DataInputStream answers;
    /** Answers not yet read, by request id. Guarded by this. */
    private final Map<Integer, CompletableFuture<byte[]>> waiting = new HashMap<>();
    /** Set when its answers have ended. Guarded by this (read without it as a hint). */
    volatile boolean dead;
    /** Guarded by the pool's lock. */
    int inFlight;
    /** Takes no new work. Guarded by the pool's lock. */
    boolean retired;

    Child(Process process) {
      this.process = process;
      this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /** Sends a request; the future completes with its answer, or fails with {@link ChildDied}. */
    CompletableFuture<byte[]> send(ParseWire.Request request) throws ChildDied {
      CompletableFuture<byte[]> answer = new CompletableFuture<>();
      synchronized (this) {
        if (dead) {
          throw new ChildDied(exitDescription());
        }
        waiting.put(request.id(), answer);
      }
      try {
        synchronized (requests) {
          ParseWire.writeRequest(requests, request);
        }
      } catch (IOException e) {
        synchronized (this) {
          waiting.remove(request.id());
        }
        throw new ChildDied("its input is closed: " + e.getMessage());
      }
      return answer;
    }

    /** Reads answers until the child's output ends, then fails every parse still waiting. */
    void readAnswers() {
      try {
        while (true) {
          ParseWire.Frame frame = ParseWire.readFrame(answers);
          CompletableFuture<byte[]> f;
          synchronized (this) {
            f = waiting.remove(frame.id());
          }
          if (f != null) {
            f.complete(frame.answer());
          }
        }
      } catch (IOException | RuntimeException e) {
        List<CompletableFuture<byte[]>> lost;
        synchronized (this) {
          dead = true;
          lost = new ArrayList<>(waiting.values());
          waiting.clear();
        }
        ChildDied died = new ChildDied(exitDescription());
        for (CompletableFuture<byte[]> f : lost) {
          f.completeExceptionally(died);
        }
      }
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
