package dev.drill.runtime.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The wall clock; waits can be cut short by {@link #wake()}. A wake while nobody waits ends
 * the next wait at once: a worker that finishes just before the run goes to sleep is not
 * missed (the run re-checks what it waits for after every wait, so an early end is harmless).
 */
public final class SystemClock implements Clock {

  private final Object monitor = new Object();
  private boolean woken;

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void sleepUntil(Instant deadline) throws InterruptedException {
    synchronized (monitor) {
      while (!woken) {
        long nanos = Duration.between(Instant.now(), deadline).toNanos();
        if (nanos <= 0) {
          return;
        }
        // Rounds up to whole milliseconds: never wakes early and spins towards the deadline.
        TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
      }
      woken = false;
    }
  }

  @Override
  public void wake() {
    synchronized (monitor) {
      woken = true;
      monitor.notifyAll();
    }
  }
}
