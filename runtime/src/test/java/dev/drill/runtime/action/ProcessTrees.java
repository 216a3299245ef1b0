package dev.drill.runtime.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Watches the processes this JVM started, for tests that kill trees. */
public final class ProcessTrees {

  private ProcessTrees() {}

  /** Waits until this JVM has at least {@code count} live descendants and returns them. */
  public static List<ProcessHandle> awaitDescendants(int count, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      List<ProcessHandle> all = ProcessHandle.current().descendants().collect(Collectors.toList());
      if (all.size() >= count) {
        // A moment more, so a shell caught between fork and exec is seen as what it becomes.
        Thread.sleep(50);
        return ProcessHandle.current().descendants().collect(Collectors.toList());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " processes, saw " + describe(all));
      }
      Thread.sleep(10);
    }
  }

  /** The handles still running: a zombie is dead, only not yet reaped (init may take seconds in a container). */
  public static List<ProcessHandle> alive(List<ProcessHandle> handles) {
    return handles.stream().filter(h -> h.isAlive() && !zombie(h)).collect(Collectors.toList());
  }

  private static boolean zombie(ProcessHandle handle) {
    try {
      String stat = Files.readString(Path.of("/proc/" + handle.pid() + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }

  public static String describe(List<ProcessHandle> handles) {
    return handles.stream()
        .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
