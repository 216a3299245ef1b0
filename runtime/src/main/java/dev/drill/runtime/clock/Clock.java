package dev.drill.runtime.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * Time, injected: the runner reads and waits for time only through this, so tests run a
 * drill of hours on a virtual clock in milliseconds.
 */
public interface Clock {

  Instant now();

  /**
   * Waits until {@code deadline} or until {@link #wake()} is called, whichever is first.
   *
   * @throws InterruptedException when the thread is interrupted (Ctrl-C)
   */
  void sleepUntil(Instant deadline) throws InterruptedException;

  /**
   * Ends a {@link #sleepUntil} early: something the sleeper waits for has happened. A wake
   * that comes while nobody sleeps ends the next sleep, so one just before it is not lost.
   */
  void wake();

  default void sleep(Duration duration) throws InterruptedException {
    sleepUntil(now().plus(duration));
  }
}
