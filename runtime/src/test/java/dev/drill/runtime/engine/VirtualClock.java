package dev.drill.runtime.engine;

import dev.drill.runtime.clock.Clock;
import java.time.Instant;

/** Time that passes only when someone waits: a drill of an hour runs in milliseconds. */
final class VirtualClock implements Clock {

  private Instant now;

  VirtualClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized void sleepUntil(Instant deadline) {
    if (deadline.isAfter(now)) {
      now = deadline;
    }
  }

  @Override
  public void wake() {}
}
