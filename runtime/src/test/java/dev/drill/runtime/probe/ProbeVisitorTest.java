package dev.drill.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.Probe;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of probe the plan permits has its method in the visitor, and the visit reaches it. */
class ProbeVisitorTest {

  @Test
  void theVisitorHasAMethodForEveryKindOfProbe() {
    Set<Class<?>> kinds = Set.of(Probe.class.getPermittedSubclasses());
    Set<Class<?>> handled = Arrays.stream(ProbeVisitor.class.getDeclaredMethods())
        .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
        .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
    assertEquals(kinds, handled, "a new kind of probe: add its method to ProbeVisitor and its case to visit");
  }

  @Test
  void theVisitReachesTheMethodOfEachKind() {
    Expectation two = new Expectation(Comparator.EQ, BigDecimal.valueOf(200));
    List<Probe> probes = List.of(
        new Probe.Http("GET", "http://x", List.of(), Optional.empty(), Optional.of(two), Optional.empty()),
        new Probe.Command("true", two, Optional.empty()),
        new Probe.PrometheusQuery("up", Optional.empty(), two),
        new Probe.PrometheusAlert("Down", Optional.empty()),
        new Probe.Log("app.log", "ERROR"),
        new Probe.Manual("seen?"));
    assertEquals(Set.of(Probe.class.getPermittedSubclasses()),
        probes.stream().map(Object::getClass).collect(Collectors.toSet()), "one probe of every kind");
    ProbeVisitor<String, RuntimeException> names = new ProbeVisitor<>() {
      @Override
      public String http(Probe.Http probe) {
        return "http";
      }

      @Override
      public String command(Probe.Command probe) {
        return "command";
      }

      @Override
      public String prometheusQuery(Probe.PrometheusQuery probe) {
        return "prometheusQuery";
      }

      @Override
      public String prometheusAlert(Probe.PrometheusAlert probe) {
        return "prometheusAlert";
      }

      @Override
      public String log(Probe.Log probe) {
        return "log";
      }

      @Override
      public String manual(Probe.Manual probe) {
        return "manual";
      }
    };
    for (Probe probe : probes) {
      Method method = Arrays.stream(ProbeVisitor.class.getDeclaredMethods())
          .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == probe.getClass()).findFirst().orElseThrow();
      assertEquals(method.getName(), ProbeVisitor.visit(probe, names), probe.toString());
    }
  }
}
