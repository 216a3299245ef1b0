package dev.drill.runtime.engine;

import dev.drill.plan.Phase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The order recovery steps run in: the drill's order, except that a step waits until the
 * steps it is {@code after} have run (a topological order that prefers source order). The
 * compiler has ruled out cycles and unknown names; a step naming an unknown one runs in
 * its place anyway.
 */
public final class RecoveryOrder {

  private RecoveryOrder() {}

  public static List<Phase.RecoveryStep> of(List<Phase.RecoveryStep> steps) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      index.putIfAbsent(steps.get(i).id(), i);
    }
    int[] waitingFor = new int[steps.size()];
    Map<Integer, List<Integer>> unblocks = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      for (String before : steps.get(i).after()) {
        Integer b = index.get(before);
        if (b != null && b != i) {
          waitingFor[i]++;
          unblocks.computeIfAbsent(b, k -> new ArrayList<>()).add(i);
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < steps.size(); i++) {
      if (waitingFor[i] == 0) {
        ready.add(i);
      }
    }
    List<Phase.RecoveryStep> ordered = new ArrayList<>(steps.size());
    boolean[] done = new boolean[steps.size()];
    while (ordered.size() < steps.size()) {
      if (ready.isEmpty()) {
        // Only a cycle gets here: take the first step not done, in source order.
        for (int i = 0; i < steps.size(); i++) {
          if (!done[i]) {
            ready.add(i);
            break;
          }
        }
      }
      int next = ready.poll();
      if (done[next]) {
        continue;
      }
      done[next] = true;
      ordered.add(steps.get(next));
      for (int after : unblocks.getOrDefault(next, List.of())) {
        if (--waitingFor[after] == 0 && !done[after]) {
          ready.add(after);
        }
      }
    }
    return ordered;
  }
}
