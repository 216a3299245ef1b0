package dev.drill.runtime.clock;

import java.time.Instant;

/** The wall clock; waits can be cut short by {@link #wake()}. */
public final class SystemClock implements Clock {

  private final Object monitor = new Object();
  private long wakeups;

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void sleepUntil(Instant deadline) throws InterruptedException {
    synchronized (monitor) {
      long seen = wakeups;
      while (wakeups == seen) {
        long millis = deadline.toEpochMilli() - System.currentTimeMillis();
        if (millis <= 0) {
          return;
        }
        monitor.wait(millis);
      }
    }
  }

  @Override
  public void wake() {
    synchronized (monitor) {
      wakeups++;
      monitor.notifyAll();
    }
  }
}
