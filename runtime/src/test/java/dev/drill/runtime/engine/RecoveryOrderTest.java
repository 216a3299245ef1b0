package dev.drill.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.plan.Phase;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecoveryOrderTest {

  private static Phase.RecoveryStep step(String id, String... after) {
    return new Phase.RecoveryStep(id, id, Optional.empty(), Optional.empty(), List.of(after), List.of(),
        Optional.empty(), SourceSpan.at("x.drill", 1, 1));
  }

  private static List<String> order(Phase.RecoveryStep... steps) {
    return RecoveryOrder.of(List.of(steps)).stream().map(Phase.RecoveryStep::id).collect(Collectors.toList());
  }

  @Test
  void sourceOrderUnlessAStepWaits() {
    assertEquals(List.of("a", "b", "c"), order(step("a"), step("b"), step("c")));
    assertEquals(List.of("b", "a", "c"), order(step("a", "b"), step("b"), step("c")));
    assertEquals(List.of("c", "b", "a"), order(step("a", "b"), step("b", "c"), step("c")));
    assertEquals(List.of("b", "c", "a"), order(step("a", "b", "c"), step("b"), step("c")));
  }

  @Test
  void aLongChainIsOrderedInLinearTime() {
    List<Phase.RecoveryStep> steps = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      steps.add(i == 0 ? step("s-0") : step("s-" + i, "s-" + (i - 1)));
    }
    List<Phase.RecoveryStep> ordered = RecoveryOrder.of(steps);
    assertEquals("s-99999", ordered.get(99_999).id());
  }
}
