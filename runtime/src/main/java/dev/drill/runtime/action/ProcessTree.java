package dev.drill.runtime.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kills a process and everything it started: politely (SIGTERM), then, after a grace
 * period, for good (SIGKILL). Descendants are remembered by handle, so a child orphaned
 * when its parent dies is still found, and so are the children it starts meanwhile; when
 * the process leads a group of its own, every member of the group is found too, so a
 * grandchild that was reparented before drill first looked is not missed.
 */
final class ProcessTree {

  private static final int ROUNDS = 5;

  private ProcessTree() {}

  /** Returns once the whole tree is dead, or after two grace periods at most. */
  static void kill(ProcessHandle root, Duration grace) {
    kill(root, false, grace);
  }

  /** As {@link #kill(ProcessHandle, Duration)}; {@code leadsGroup}: the root's pid is its process group's. */
  static void kill(ProcessHandle root, boolean leadsGroup, Duration grace) {
    boolean interrupted = Thread.interrupted();
    Set<ProcessHandle> known = new LinkedHashSet<>();
    if (leadsGroup) {
      known.addAll(group(root.pid()));
    }
    signal(root, known, false);
    if (!interrupted) {
      interrupted = !awaitDeath(known, grace);
    }
    if (leadsGroup) {
      known.addAll(group(root.pid()));
    }
    signal(root, known, true);
    // Another interrupt must not stop the killing: it is remembered for the caller instead.
    interrupted |= !awaitDeath(known, grace);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Signals every live member of the tree, children before their parents, and looks again
   * (a few rounds) for members started while it was signalling.
   */
  private static void signal(ProcessHandle root, Set<ProcessHandle> known, boolean forcibly) {
    Set<ProcessHandle> signalled = new LinkedHashSet<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<ProcessHandle> members = members(root, known);
      members.removeAll(signalled);
      if (members.isEmpty()) {
        return;
      }
      for (ProcessHandle member : members) {
        if (forcibly) {
          member.destroyForcibly();
        } else {
          member.destroy();
        }
        signalled.add(member);
      }
    }
  }

  /** The live members, deepest first: descendants come breadth-first, so reversed. */
  private static List<ProcessHandle> members(ProcessHandle root, Set<ProcessHandle> known) {
    known.add(root);
    for (ProcessHandle handle : List.copyOf(known)) {
      handle.descendants().forEach(known::add);
    }
    List<ProcessHandle> members = known.stream().filter(ProcessTree::running)
        .collect(Collectors.toCollection(ArrayList::new));
    Collections.reverse(members);
    return members;
  }

  /** The live processes of a process group, found through /proc (empty where there is none). */
  private static List<ProcessHandle> group(long pgid) {
    List<ProcessHandle> members = new ArrayList<>();
    ProcessHandle.allProcesses().forEach(process -> {
      if (groupOf(process.pid()) == pgid) {
        members.add(process);
      }
    });
    return members;
  }

  private static long groupOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so count from the last ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[2]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Alive and not a zombie. The JDK counts a zombie as alive, but it is dead, only not yet
   * reaped, and an orphan is reaped when init gets to it (in a container, seconds later).
   */
  static boolean running(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
      int end = stat.lastIndexOf(')');
      return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      // No /proc (not Linux), or the process is gone: the JDK's answer stands.
      return handle.isAlive();
    }
  }

  /** False when interrupted while waiting. */
  private static boolean awaitDeath(Set<ProcessHandle> members, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    long pause = 5;
    while (members.stream().anyMatch(ProcessTree::running) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        return false;
      }
      pause = Math.min(pause * 2, 50);
    }
    return true;
  }
}
