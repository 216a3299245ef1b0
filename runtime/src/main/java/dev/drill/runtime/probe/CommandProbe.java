package dev.drill.runtime.probe;

import dev.drill.plan.Expectation;
import dev.drill.plan.PlanText;
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
      return observation(false, exit.detail() + (probe.expectExit() instanceof Expectation ? ""
          : " not " + PlanText.expectation(probe.expectExit())));
    }
    Optional<String> unmet = TextExpectations.unmet(bindings, "output", exit.output(),
        probe.expectOutputContains(), probe.expectOutputMatches(), probe.expectJson());
    return observation(unmet.isEmpty(), exit.detail() + unmet.map(u -> "; " + u).orElse(""));
  }

  private Observation observation(boolean holds, String detail) {
    return new Observation(holds, bindings.redact(detail));
  }
}
