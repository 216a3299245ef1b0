package dev.drill.runtime.engine;

import dev.drill.runtime.clock.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** The threads that act and look for the run, so that its own thread keeps watching while they work. */
final class Workers {

  private final ExecutorService pool;
  private final Clock clock;

  Workers(ExecutorService pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /**
   * Runs a task on a worker and wakes the run once its result is in (not before: the run
   * would find it not done and sleep on), so an action's end is noticed at once.
   */
  <T> Future<T> submit(Callable<T> task) {
    FutureTask<T> future = new FutureTask<>(task) {
      @Override
      protected void done() {
        clock.wake();
      }
    };
    pool.execute(future);
    return future;
  }
}
