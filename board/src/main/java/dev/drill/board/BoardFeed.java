package dev.drill.board;

import java.time.Duration;
import java.util.Optional;

/**
 * The latest state, as JSON, for every open board: the follower publishes, each browser's
 * event stream waits for a newer one. Closed when the board stops, after its last state.
 */
final class BoardFeed {

  /** A state and its place in the sequence of states published. */
  record Snapshot(long version, String json) {}

  private Snapshot latest = new Snapshot(0, "");
  private boolean closed;

  synchronized void publish(String json) {
    if (!json.equals(latest.json())) {
      latest = new Snapshot(latest.version() + 1, json);
      notifyAll();
    }
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  synchronized boolean closed() {
    return closed;
  }

  /** A state newer than {@code seen}, waiting for one up to {@code wait}; empty when none came or the feed closed. */
  synchronized Optional<Snapshot> after(long seen, Duration wait) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    while (latest.version() <= seen && !closed) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return latest.version() > seen ? Optional.of(latest) : Optional.empty();
  }
}
