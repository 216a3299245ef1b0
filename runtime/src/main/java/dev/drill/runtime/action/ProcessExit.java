package dev.drill.runtime.action;

import java.util.OptionalInt;

/**
 * How a process ended: its exit status when it exited by itself (none when it timed out or
 * could not start), in words ({@code exit 1}, {@code timed out after 30s}, {@code could not
 * start: ...}), and its output (stdout and stderr together), redacted and cut to its last
 * 64 KiB.
 */
public record ProcessExit(OptionalInt status, String detail, String output) {

  public boolean ok() {
    return status.isPresent() && status.getAsInt() == 0;
  }
}
