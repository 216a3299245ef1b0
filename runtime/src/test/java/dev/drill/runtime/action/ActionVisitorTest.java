package dev.drill.runtime.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.plan.Action;
import dev.drill.plan.SourceSpan;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of action the plan permits has its method in the visitor, the visit reaches it, and its journal name. */
class ActionVisitorTest {

  private static final SourceSpan AT = SourceSpan.at("x.drill", 1, 1);

  @Test
  void theVisitorHasAMethodForEveryKindOfAction() {
    Set<Class<?>> kinds = Set.of(Action.class.getPermittedSubclasses());
    Set<Class<?>> handled = Arrays.stream(ActionVisitor.class.getDeclaredMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
    assertEquals(kinds, handled, "a new kind of action: add its method to ActionVisitor and its case to visit");
  }

  @Test
  void eachKindHasTheJournalsNameForIt() {
    List<Action> actions = List.of(new Action.Run("true", Optional.empty(), AT),
        new Action.Http("GET", "http://x", List.of(), Optional.empty(), Optional.empty(), AT),
        new Action.Manual("do it", AT), new Action.Wait(Duration.ofSeconds(1), AT));
    assertEquals(Set.of(Action.class.getPermittedSubclasses()),
        actions.stream().map(Object::getClass).collect(Collectors.toSet()), "one action of every kind");
    assertEquals(List.of("run", "http", "manual", "wait"),
        actions.stream().map(ActionVisitor::kind).collect(Collectors.toList()));
  }
}
