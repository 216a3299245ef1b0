package dev.drill.runtime.action;

import dev.drill.plan.Action;
import java.time.Duration;

/**
 * Performs a {@code run} or {@code http} action. Manual actions go to the
 * {@link dev.drill.runtime.Responder}; waits are the runner's own.
 */
public interface ActionRunner {

  /**
   * @param timeout the longest the action may take; a process still running then is killed
   *     with all its children
   * @throws InterruptedException when the run is interrupted (the action is stopped first)
   */
  ActionResult perform(Action action, Duration timeout) throws InterruptedException;
}
