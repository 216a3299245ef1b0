package dev.drill.plan;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How each record of a plan is written as a JSON object: the names of its properties, in the
 * plan file's order, and its values, read by plain calls. Written out by hand rather than
 * read from the records and their Jackson annotations at run time: reflective reads were a
 * fifth of a {@code drill compile}, and the annotations cost a cold start its proxies.
 * Databind, which reads plans back, stays the reference: {@code PlanJsonProperties} holds
 * every byte of both forms to it, and {@code PlanShapesTest} fails when a record gains a
 * component left out here.
 */
final class PlanShapes {

  /** The properties a plan's fingerprint leaves out: places, not the procedure, and the fingerprint itself. */
  static final Set<String> PLACES = Set.of("source", "directory", "origin", "fingerprint");

  /** One key of an object, pre-encoded once, and where its value is in the record's {@link #values}. */
  record Property(SerializedString name, int index) {}

  /** A record type's properties, in the plan file's order and in the fingerprint's (sorted, without places). */
  record Shape(Class<?> type, List<Property> file, List<Property> canonical) {}

  /**
   * Each record's property names, in the plan file's order: a sealed variant's type id first
   * (its interface's type property), then its components as declared.
   */
  private static final Map<Class<?>, Shape> SHAPES = byType(List.of(
      shape(Plan.class, "planVersion", "id", "title", "summary", "owner", "kind", "tags", "environment", "timebox",
          "cadence", "rerun", "guide", "source", "directory", "origin", "roles", "params", "secrets", "setup",
          "teardown", "phases", "fingerprint"),
      shape(Plan.Origin.class, "from", "imports"),
      shape(Plan.Instantiation.class, "template", "source"),
      shape(Plan.Role.class, "id", "description", "source"),
      shape(Plan.Param.class, "name", "defaultValue", "pattern", "env", "source"),
      shape(Plan.Secret.class, "name", "env", "pattern", "source"),
      shape(Action.Run.class, "type", "command", "timeout", "expectExit", "source"),
      shape(Action.Http.class, "type", "method", "url", "headers", "body", "expectStatus", "timeout", "source"),
      shape(Action.Manual.class, "type", "instruction", "source"),
      shape(Action.Wait.class, "type", "duration", "source"),
      shape(Header.class, "name", "value"),
      shape(Expectation.class, "op", "value"),
      shape(NumberExpectation.OneOf.class, "op", "values"),
      shape(NumberExpectation.Between.class, "op", "low", "high"),
      shape(JsonExpectation.class, "path", "count", "equals"),
      shape(Polling.class, "every", "timeout", "holdFor"),
      shape(Probe.Http.class, "type", "method", "url", "headers", "body", "expectStatus", "expectBodyContains",
          "expectBodyMatches", "expectJson"),
      shape(Probe.Command.class, "type", "command", "expectExit", "expectOutputContains", "expectOutputMatches",
          "expectJson"),
      shape(Probe.PrometheusQuery.class, "type", "query", "server", "expect"),
      shape(Probe.PrometheusAlert.class, "type", "alert", "server"),
      shape(Probe.Log.class, "type", "path", "pattern"),
      shape(Probe.Manual.class, "type", "question"),
      shape(Phase.Steady.class, "phase", "checks", "source"),
      shape(Phase.Inject.class, "phase", "steps"),
      shape(Phase.Detect.class, "phase", "mode", "budget", "signals", "source"),
      shape(Phase.Recover.class, "phase", "budget", "steps", "source"),
      shape(Phase.Comms.class, "phase", "duties", "source"),
      shape(Phase.Abort.class, "phase", "conditions", "source"),
      shape(Phase.Debrief.class, "phase", "questions", "source"),
      shape(Phase.Check.class, "id", "title", "probe", "polling", "source"),
      shape(Phase.InjectStep.class, "id", "title", "actions", "undo", "background", "source"),
      shape(Phase.Signal.class, "id", "title", "probe", "polling", "source"),
      shape(Phase.RecoveryStep.class, "id", "title", "role", "budget", "after", "actions", "verify", "source"),
      shape(Phase.Verification.class, "probe", "polling", "budget", "source"),
      shape(Phase.AbortCondition.class, "probe", "polling", "source"),
      shape(CommsDuty.Update.class, "type", "audience", "every", "role", "source"),
      shape(CommsDuty.Notify.class, "type", "audience", "within", "role", "source")));

  private PlanShapes() {}

  /** The shape of a record of a plan, when it is one. */
  static Optional<Shape> of(Class<?> type) {
    return Optional.ofNullable(SHAPES.get(type));
  }

  /** Every shape, for the test that holds them to the records. */
  static Iterable<Shape> all() {
    return SHAPES.values();
  }

  /**
   * A record's values, in the order of its shape's names: a value, an optional (left out
   * when empty) or null (left out). A boolean left out when false ({@code NON_DEFAULT}) is
   * an optional here.
   */
  static Object[] values(Object record) {
    if (record instanceof Probe probe) {
      return probe(probe);
    } else if (record instanceof Action action) {
      return action(action);
    } else if (record instanceof NumberExpectation expectation) {
      return expectation(expectation);
    } else if (record instanceof Phase phase) {
      return phase(phase);
    } else if (record instanceof CommsDuty duty) {
      return duty(duty);
    }
    return part(record);
  }

  /** A probe's values: its type id, then its components. */
  private static Object[] probe(Probe probe) {
    if (probe instanceof Probe.Http http) {
      return new Object[] {"http", http.method(), http.url(), http.headers(), http.body(), http.expectStatus(),
          http.expectBodyContains(), http.expectBodyMatches(), http.expectJson()};
    }
    if (probe instanceof Probe.Command command) {
      return new Object[] {"command", command.command(), command.expectExit(), command.expectOutputContains(),
          command.expectOutputMatches(), command.expectJson()};
    }
    if (probe instanceof Probe.PrometheusQuery prometheusQuery) {
      return new Object[] {"prometheusQuery", prometheusQuery.query(), prometheusQuery.server(),
          prometheusQuery.expect()};
    }
    if (probe instanceof Probe.PrometheusAlert prometheusAlert) {
      return new Object[] {"prometheusAlert", prometheusAlert.alert(), prometheusAlert.server()};
    }
    if (probe instanceof Probe.Log log) {
      return new Object[] {"log", log.path(), log.pattern()};
    }
    if (probe instanceof Probe.Manual manual) {
      return new Object[] {"manual", manual.question()};
    }
    throw new IllegalArgumentException("a plan holds no " + probe.getClass().getName());
  }

  /** An action's values: its type id, then its components. */
  private static Object[] action(Action action) {
    if (action instanceof Action.Run run) {
      return new Object[] {"run", run.command(), run.timeout(), run.expectExit(), run.source()};
    }
    if (action instanceof Action.Http http) {
      return new Object[] {"http", http.method(), http.url(), http.headers(), http.body(), http.expectStatus(),
          http.timeout(), http.source()};
    }
    if (action instanceof Action.Manual manual) {
      return new Object[] {"manual", manual.instruction(), manual.source()};
    }
    if (action instanceof Action.Wait wait) {
      return new Object[] {"wait", wait.duration(), wait.source()};
    }
    throw new IllegalArgumentException("a plan holds no " + action.getClass().getName());
  }

  /** An expectation's values: its op, then its numbers. */
  private static Object[] expectation(NumberExpectation expectation) {
    if (expectation instanceof Expectation expectationRecord) {
      return new Object[] {expectationRecord.op(), expectationRecord.value()};
    }
    if (expectation instanceof NumberExpectation.OneOf oneOf) {
      return new Object[] {oneOf.op(), oneOf.values()};
    }
    if (expectation instanceof NumberExpectation.Between between) {
      return new Object[] {between.op(), between.low(), between.high()};
    }
    throw new IllegalArgumentException("a plan holds no " + expectation.getClass().getName());
  }

  /** A phase's values: its type id, then its components. */
  private static Object[] phase(Phase phase) {
    if (phase instanceof Phase.Steady steady) {
      return new Object[] {"steady", steady.checks(), steady.source()};
    }
    if (phase instanceof Phase.Inject inject) {
      return new Object[] {"inject", inject.steps()};
    }
    if (phase instanceof Phase.Detect detect) {
      return new Object[] {"detect", detect.mode(), detect.budget(), detect.signals(), detect.source()};
    }
    if (phase instanceof Phase.Recover recover) {
      return new Object[] {"recover", recover.budget(), recover.steps(), recover.source()};
    }
    if (phase instanceof Phase.Comms comms) {
      return new Object[] {"comms", comms.duties(), comms.source()};
    }
    if (phase instanceof Phase.Abort abort) {
      return new Object[] {"abort", abort.conditions(), abort.source()};
    }
    if (phase instanceof Phase.Debrief debrief) {
      return new Object[] {"debrief", debrief.questions(), debrief.source()};
    }
    throw new IllegalArgumentException("a plan holds no " + phase.getClass().getName());
  }

  /** A duty's values: its type id, then its components. */
  private static Object[] duty(CommsDuty duty) {
    if (duty instanceof CommsDuty.Update update) {
      return new Object[] {"update", update.audience(), update.every(), update.role(), update.source()};
    }
    if (duty instanceof CommsDuty.Notify notify) {
      return new Object[] {"notify", notify.audience(), notify.within(), notify.role(), notify.source()};
    }
    throw new IllegalArgumentException("a plan holds no " + duty.getClass().getName());
  }

  /** The values of a part of a phase (a check, a step, a signal, ...), else of another record. */
  private static Object[] part(Object part) {
    if (part instanceof Phase.Check check) {
      return new Object[] {check.id(), check.title(), check.probe(), check.polling(), check.source()};
    }
    if (part instanceof Phase.InjectStep injectStep) {
      return new Object[] {injectStep.id(), injectStep.title(), injectStep.actions(), injectStep.undo(),
          injectStep.background() ? Optional.of(true) : Optional.empty(), injectStep.source()};
    }
    if (part instanceof Phase.Signal signal) {
      return new Object[] {signal.id(), signal.title(), signal.probe(), signal.polling(), signal.source()};
    }
    if (part instanceof Phase.RecoveryStep recoveryStep) {
      return new Object[] {recoveryStep.id(), recoveryStep.title(), recoveryStep.role(), recoveryStep.budget(),
          recoveryStep.after(), recoveryStep.actions(), recoveryStep.verify(), recoveryStep.source()};
    }
    if (part instanceof Phase.Verification verification) {
      return new Object[] {verification.probe(), verification.polling(), verification.budget(),
          verification.source()};
    }
    if (part instanceof Phase.AbortCondition abortCondition) {
      return new Object[] {abortCondition.probe(), abortCondition.polling(), abortCondition.source()};
    }
    return other(part);
  }

  /** The values of the plan itself and of its other records. */
  private static Object[] other(Object record) {
    if (record instanceof Plan plan) {
      return new Object[] {plan.planVersion(), plan.id(), plan.title(), plan.summary(), plan.owner(), plan.kind(),
          plan.tags(), plan.environment(), plan.timebox(), plan.cadence(), plan.rerun(), plan.guide(), plan.source(),
          plan.directory(), plan.origin(), plan.roles(), plan.params(), plan.secrets(), plan.setup(), plan.teardown(),
          plan.phases(), plan.fingerprint()};
    }
    if (record instanceof Plan.Origin origin) {
      return new Object[] {origin.from(), origin.imports()};
    }
    if (record instanceof Plan.Instantiation instantiation) {
      return new Object[] {instantiation.template(), instantiation.source()};
    }
    if (record instanceof Plan.Role role) {
      return new Object[] {role.id(), role.description(), role.source()};
    }
    if (record instanceof Plan.Param param) {
      return new Object[] {param.name(), param.defaultValue(), param.pattern(), param.env(), param.source()};
    }
    if (record instanceof Plan.Secret secret) {
      return new Object[] {secret.name(), secret.env(), secret.pattern(), secret.source()};
    }
    if (record instanceof Header header) {
      return new Object[] {header.name(), header.value()};
    }
    if (record instanceof JsonExpectation jsonExpectation) {
      return new Object[] {jsonExpectation.path(), jsonExpectation.count(), jsonExpectation.equals()};
    }
    if (record instanceof Polling polling) {
      return new Object[] {polling.every(), polling.timeout(), polling.holdFor()};
    }
    throw new IllegalArgumentException("a plan holds no " + record.getClass().getName());
  }

  private static Shape shape(Class<?> type, String... names) {
    List<Property> file = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      file.add(new Property(new SerializedString(names[i]), i));
    }
    List<Property> canonical = new ArrayList<>();
    for (Property property : file) {
      if (!PLACES.contains(property.name().getValue())) {
        canonical.add(property);
      }
    }
    canonical.sort(java.util.Comparator.comparing(p -> p.name().getValue()));
    return new Shape(type, List.copyOf(file), List.copyOf(canonical));
  }

  private static Map<Class<?>, Shape> byType(List<Shape> shapes) {
    Map<Class<?>, Shape> byType = new HashMap<>();
    for (Shape shape : shapes) {
      byType.put(shape.type(), shape);
    }
    return Map.copyOf(byType);
  }
}
