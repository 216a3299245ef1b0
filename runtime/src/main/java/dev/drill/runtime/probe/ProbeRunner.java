package dev.drill.runtime.probe;

import dev.drill.plan.Probe;
import java.time.Duration;

/**
 * Looks at the world once for a probe (http, command, prometheus, log). Manual probes are
 * questions to a person and go to the {@link dev.drill.runtime.Responder} instead.
 * Implementations render the probe's templates with the run's bindings and never throw
 * for what the world does: a refused connection or a failing command is an observation.
 */
public interface ProbeRunner {

  /**
   * @param timeout the longest the look may take; past it the observation is "timed out"
   * @throws InterruptedException when the run is interrupted
   */
  Observation observe(Probe probe, Duration timeout) throws InterruptedException;
}
