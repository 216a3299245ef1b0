package dev.drill.runtime.engine;

import dev.drill.plan.Plan;
import dev.drill.runtime.journal.Recorder;
import dev.drill.runtime.journal.RunPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rollback and teardown, DESIGN.md §6.8: the undo of every injected step, last injected
 * first, then teardown; each action tried whatever happened before it, since a rollback
 * does all it can. Nothing stops it but SIGKILL (the watches are off by then).
 */
final class RollbackPhase {

  private final Plan plan;
  private final StepActions actions;
  private final Recorder recorder;

  RollbackPhase(Plan plan, StepActions actions, Recorder recorder) {
    this.plan = plan;
    this.actions = actions;
    this.recorder = recorder;
  }

  /** The undo actions, then the teardown actions, of what is left: the problems, if any. */
  List<String> run(Leftover left) {
    recorder.phaseStarted(RunPhase.ROLLBACK);
    List<String> problems = new ArrayList<>();
    for (Leftover.Undo undo : left.undo()) {
      actions.bestEffort(RunPhase.ROLLBACK, undo.step().id(), undo.step().undo(), undo.indexes())
          .ifPresent(problems::add);
    }
    recorder.phaseEnded(RunPhase.ROLLBACK, problems.isEmpty(),
        problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
    recorder.phaseStarted(RunPhase.TEARDOWN);
    Optional<String> teardown = actions.bestEffort(RunPhase.TEARDOWN, Leftover.TEARDOWN_STEP, plan.teardown(),
        left.teardown());
    recorder.phaseEnded(RunPhase.TEARDOWN, teardown.isEmpty(), teardown);
    teardown.ifPresent(problems::add);
    return problems;
  }
}
