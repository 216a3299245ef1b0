package dev.drill.runtime;

import dev.drill.plan.Phase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order recovery steps run in: the drill's order, except that a step waits until the
 * steps it is {@code after} have run. The compiler has ruled out cycles and unknown names.
 */
final class RecoveryOrder {

  private RecoveryOrder() {}

  static List<Phase.RecoveryStep> of(List<Phase.RecoveryStep> steps) {
    List<Phase.RecoveryStep> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    List<Phase.RecoveryStep> waiting = new ArrayList<>(steps);
    while (!waiting.isEmpty()) {
      Phase.RecoveryStep ready = waiting.stream()
          .filter(s -> done.containsAll(s.after()))
          .findFirst()
          .orElse(waiting.get(0));
      waiting.remove(ready);
      done.add(ready.id());
      ordered.add(ready);
    }
    return ordered;
  }
}
