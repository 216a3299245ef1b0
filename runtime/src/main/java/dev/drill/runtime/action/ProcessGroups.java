package dev.drill.runtime.action;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the commands of a run live: each in a session (and so a process group) of its own,
 * started through util-linux {@code setsid}. A Ctrl-C at the terminal then reaches drill
 * alone, never a command, and drill decides when a command stops (a step is cancelled, an
 * undo is let finish).
 *
 * <p>A watchdog, a small shell process in a session of its own too, is told each command's
 * group when it starts and when it ends, over a pipe from drill. When drill dies, even by
 * SIGKILL, the pipe closes and the watchdog kills the groups of the commands still
 * running (SIGTERM, then SIGKILL two seconds later), so none outlives the run for long.
 * What a command deliberately left running in the background after it ended (a service
 * started by setup) is not touched: teardown, or {@code drill rollback}, deals with it.
 *
 * <p>Without {@code setsid} (not Linux) commands share drill's process group and there is
 * no watchdog; killing still reaches every descendant.
 */
public final class ProcessGroups implements AutoCloseable {

  // Reads "+PGID" and "-PGID" lines; at the end of its input (drill is gone) it kills the
  // groups still listed. Interrupts from the terminal are not for it.
  private static final String WATCHDOG = String.join("\n",
      "trap '' INT TERM HUP QUIT",
      "groups=''",
      "while IFS= read -r line; do",
      "  case $line in",
      "    +*) groups=\"$groups ${line#+}\" ;;",
      "    -*) left=''; for g in $groups; do [ \"$g\" = \"${line#-}\" ] || left=\"$left $g\"; done; groups=$left ;;",
      "  esac",
      "done",
      "[ -n \"$groups\" ] || exit 0",
      "for g in $groups; do kill -TERM -\"$g\" 2>/dev/null; done",
      "sleep 2",
      "for g in $groups; do kill -KILL -\"$g\" 2>/dev/null; done",
      "");

  private final Optional<Path> setsid;
  private final boolean watched;
  private Process watchdog;
  private OutputStream toWatchdog;
  private boolean closed;

  private ProcessGroups(Optional<Path> setsid, boolean watched) {
    this.setsid = setsid;
    this.watched = watched;
  }

  /** Commands in groups of their own, watched: for a run. The watchdog starts with the first command. */
  public static ProcessGroups watched() {
    return new ProcessGroups(findSetsid(), true);
  }

  /** Commands in groups of their own, without a watchdog: for a process that lives as long as its callers. */
  public static ProcessGroups unwatched() {
    return new ProcessGroups(findSetsid(), false);
  }

  /** Whether commands get groups of their own here. */
  public boolean isolated() {
    return setsid.isPresent();
  }

  /** The command line that starts {@code command} in a session of its own. */
  List<String> command(List<String> command) {
    if (setsid.isEmpty()) {
      return command;
    }
    // -w: should setsid ever have to fork, it still waits and passes on the exit status.
    List<String> isolated = new ArrayList<>(List.of(setsid.get().toString(), "-w"));
    isolated.addAll(command);
    return isolated;
  }

  /** A command started with {@link #command}: its group is watched until {@link #ended}. */
  void started(Process process) {
    tell("+" + process.pid());
  }

  void ended(Process process) {
    tell("-" + process.pid());
  }

  /** Kills the command with everything it started, its whole group included. */
  void kill(Process process, Duration grace) {
    ProcessTree.kill(process.toHandle(), setsid.isPresent(), grace);
  }

  /** Ends the watchdog, which then has nothing to kill: every command has ended. */
  @Override
  public synchronized void close() {
    closed = true;
    if (toWatchdog != null) {
      try {
        toWatchdog.close();
      } catch (IOException e) {
        // The watchdog is gone already.
      }
    }
  }

  private synchronized void tell(String line) {
    if (!watched || setsid.isEmpty() || closed) {
      return;
    }
    try {
      if (watchdog == null) {
        watchdog = new ProcessBuilder(setsid.get().toString(), "/bin/sh", "-c", WATCHDOG)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        toWatchdog = watchdog.getOutputStream();
      }
      toWatchdog.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
      toWatchdog.flush();
    } catch (IOException e) {
      // Without a watchdog the run goes on; only a SIGKILL of drill would leave a command behind.
    }
  }

  private static Optional<Path> findSetsid() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    List<String> dirs = new ArrayList<>(List.of(path.split(File.pathSeparator)));
    dirs.addAll(List.of("/usr/bin", "/bin"));
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "setsid");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
