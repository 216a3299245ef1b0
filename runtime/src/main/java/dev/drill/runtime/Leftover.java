package dev.drill.runtime;

import dev.drill.plan.Phase;
import java.util.List;

/**
 * What a run left to roll back: per injected step (in the order to undo them, the last
 * injected first) the indexes of its undo actions to run, then the indexes of the teardown
 * actions; {@code ended} when the run recorded its outcome before it stopped.
 */
public record Leftover(List<Undo> undo, List<Integer> teardown, boolean ended) {

  public Leftover {
    undo = List.copyOf(undo);
    teardown = List.copyOf(teardown);
  }

  /** The undo actions of one injected step still to run, by their index in the step's undo. */
  public record Undo(Phase.InjectStep step, List<Integer> indexes) {
    public Undo {
      indexes = List.copyOf(indexes);
    }
  }

  public boolean isEmpty() {
    return undo.stream().allMatch(u -> u.indexes().isEmpty()) && teardown.isEmpty();
  }
}
