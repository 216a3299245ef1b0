package dev.drill.runtime.probe;

import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.action.ProcessExit;
import dev.drill.runtime.action.ProcessRunner;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** Command probes: a command, and its exit status and output against the expectations. Details are redacted. */
final class CommandProbe {

  private final ProcessRunner processes;
  private final Bindings bindings;

  CommandProbe(ProcessRunner processes, Bindings bindings) {
    this.processes = processes;
    this.bindings = bindings;
  }

  Observation observe(Probe.Command probe, Duration timeout) throws InterruptedException {
    ProcessExit exit = processes.execute(probe.command(), timeout);
    if (exit.status().isEmpty()) {
      return observation(false, exit.detail());
    }
    if (!probe.expectExit().holds(BigDecimal.valueOf(exit.status().getAsInt()))) {
      return observation(false, exit.detail());
    }
    Optional<String> missing = ExpectedText.missing(bindings, exit.output(), probe.expectOutputContains());
    return missing.isEmpty()
        ? observation(true, exit.detail())
        : observation(false, exit.detail() + "; output does not contain \"" + missing.get() + "\"");
  }

  private Observation observation(boolean holds, String detail) {
    return new Observation(holds, bindings.redact(detail));
  }
}
