package dev.drill.runtime.action;

import java.util.OptionalInt;

/**
 * How a process ended: its exit status when it exited by itself, in words ({@code exit 1},
 * {@code timed out after 30s}, {@code could not start: ...}), and its output (stdout and
 * stderr together), redacted and cut to its last 64 KiB.
 */
public record ProcessOutcome(OptionalInt exit, String detail, String output) {

  public boolean ok() {
    return exit.isPresent() && exit.getAsInt() == 0;
  }
}
