package dev.drill.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** The cycles of 'after' references among a plan's recovery steps, each reported once. */
final class AfterCycles {

  private static final int SHOWN_CYCLES = 10;

  private AfterCycles() {}

  /**
   * Reports each cycle of 'after' references once, at the step that closes it, as the
   * compiler does. Depth-first with an explicit stack: a chain of thousands of steps must not
   * overflow the call stack. A forged plan can hold a number of cycles that grows with the
   * cube of its steps: past a few, one line says there are more.
   */
  static void report(List<Phase.RecoveryStep> steps, BiConsumer<String, String> problem) {
    Map<String, Phase.RecoveryStep> byId = new LinkedHashMap<>();
    steps.stream().filter(s -> s.id() != null).forEach(s -> byId.putIfAbsent(s.id(), s));
    Set<String> done = new HashSet<>();
    int cycles = 0;
    for (String start : byId.keySet()) {
      if (cycles > SHOWN_CYCLES) {
        return;
      }
      if (done.contains(start)) {
        continue;
      }
      Deque<Visit> stack = new ArrayDeque<>();
      List<String> path = new ArrayList<>();
      Set<String> onPath = new HashSet<>();
      stack.push(new Visit(byId.get(start)));
      path.add(start);
      onPath.add(start);
      while (!stack.isEmpty()) {
        Visit visit = stack.peek();
        if (visit.next == visit.step.after().size()) {
          stack.pop();
          String id = path.remove(path.size() - 1);
          onPath.remove(id);
          done.add(id);
          continue;
        }
        String target = visit.step.after().get(visit.next++);
        if (onPath.contains(target) && ++cycles > SHOWN_CYCLES) {
          problem.accept("recover", "more steps wait for each other in cycles of 'after'");
          return;
        } else if (onPath.contains(target)) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
          cycle.add(target);
          problem.accept(ProblemText.element("recover step", visit.step.id(), 0), cycle.size() == 2 ? "waits for itself ('after')"
              : "steps wait for each other in a cycle: " + ProblemText.cycle(cycle));
        } else if (!done.contains(target) && byId.containsKey(target)) {
          stack.push(new Visit(byId.get(target)));
          path.add(target);
          onPath.add(target);
        }
      }
    }
  }

  private static final class Visit {
    final Phase.RecoveryStep step;
    int next;

    Visit(Phase.RecoveryStep step) {
      this.step = step;
    }
  }

}
