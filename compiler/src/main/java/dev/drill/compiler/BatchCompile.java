package dev.drill.compiler;

import dev.drill.compiler.library.Library;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.plan.PlanJson;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

/**
 * {@code drill compile} of many files: each compiled, and its plan written as JSON, on every
 * core, and handed over in the order given, so that diagnostics and plans come out exactly as
 * a one-by-one compile would give them. At most a few files per core are ahead of the one
 * handed over: a library of 10,000 drills is never held in memory.
 */
public final class BatchCompile {

  private static final int AHEAD_PER_CORE = 8;

  private BatchCompile() {}

  /** One file of the batch: compiled (with its plan's JSON when it has a plan), or not readable. */
  public sealed interface Compiled {
    DrillFiles.Found file();
  }

  public record Done(DrillFiles.Found file, CompileResult result, Optional<String> planJson) implements Compiled {}

  public record Unreadable(DrillFiles.Found file, IOException error) implements Compiled {}

  /**
   * Compiles the files, handing each to {@code each} in order until it returns false; files
   * share the library session, so a file of templates is parsed once.
   */
  public static void compile(List<DrillFiles.Found> files, Library library, Predicate<Compiled> each) {
    // A pool of its own, a thread per core: the common pool keeps one core for the caller,
    // which here only waits.
    int cores = Runtime.getRuntime().availableProcessors();
    ForkJoinPool pool = new ForkJoinPool(cores);
    int ahead = cores * AHEAD_PER_CORE;
    ArrayDeque<CompletableFuture<Compiled>> pending = new ArrayDeque<>();
    int next = 0;
    try {
      while (next < files.size() || !pending.isEmpty()) {
        while (next < files.size() && pending.size() < ahead) {
          DrillFiles.Found file = files.get(next++);
          pending.add(CompletableFuture.supplyAsync(() -> compileOne(file, library), pool));
        }
        if (!each.test(handOver(pending.poll()))) {
          return;
        }
      }
    } finally {
      pending.forEach(f -> f.cancel(false));
      pool.shutdown();
    }
  }

  /**
   * A file's result, or what its thread threw as that thread threw it: an out-of-memory error
   * must reach the command as itself, which ends drill with the one line that says so.
   */
  private static Compiled handOver(CompletableFuture<Compiled> compiled) {
    try {
      return compiled.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private static Compiled compileOne(DrillFiles.Found file, Library library) {
    try {
      // Read by size first: a 3 GB file is refused (D011), not read into the heap.
      CompileResult result = DrillCompiler.compile(file.path(), file.displayPath(), library);
      return new Done(file, result, result.plan().map(PlanJson::write));
    } catch (IOException e) {
      return new Unreadable(file, e);
    }
  }
}
