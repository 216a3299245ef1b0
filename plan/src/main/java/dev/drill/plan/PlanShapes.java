package dev.drill.plan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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

  /**
   * One key of an object, pre-encoded once as each form writes it, quoted (in the plan file
   * {@code "name": }, in the hashed form {@code "name":}), and where its value is in the
   * record's {@link Shape#values}.
   */
  record Property(String name, char[] fileKey, byte[] hashedKey, int index) {}

  /**
   * A record type's properties, in the plan file's order and in the fingerprint's (sorted,
   * without places), and how its values are read.
   */
  record Shape(Class<?> type, List<Property> file, List<Property> canonical, Function<Object, Object[]> reader) {

    /**
     * A record's values, in the order of the names: a value, an optional (left out when
     * empty) or null (left out). A boolean left out when false ({@code NON_DEFAULT}) is an
     * optional here.
     */
    Object[] values(Object record) {
      return reader.apply(record);
    }
  }

  /**
   * Each record's values and property names, in the plan file's order: a sealed variant's type
   * id first (its interface's type property), then its components as declared. Read through a
   * function per shape: a chain of type tests per record cost the hashed form a fifth of its time.
   */
  private static final Map<Class<?>, Shape> SHAPES = byType(List.of(
      shape(Plan.class, plan -> new Object[] {plan.planVersion(), plan.id(), plan.title(), plan.summary(),
          plan.owner(), plan.kind(), plan.tags(), plan.environment(), plan.timebox(), plan.cadence(), plan.rerun(),
          plan.guide(), plan.source(), plan.directory(), plan.origin(), plan.roles(), plan.params(), plan.secrets(),
          plan.setup(), plan.teardown(), plan.phases(), plan.fingerprint()},
          "planVersion", "id", "title", "summary", "owner", "kind", "tags", "environment", "timebox",
          "cadence", "rerun", "guide", "source", "directory", "origin", "roles", "params", "secrets", "setup",
          "teardown", "phases", "fingerprint"),
      shape(Plan.Origin.class, origin -> new Object[] {origin.from(), origin.imports()},
          "from", "imports"),
      shape(Plan.Instantiation.class, instantiation -> new Object[] {instantiation.template(),
          instantiation.source()},
          "template", "source"),
      shape(Plan.Role.class, role -> new Object[] {role.id(), role.description(), role.source()},
          "id", "description", "source"),
      shape(Plan.Param.class, param -> new Object[] {param.name(), param.defaultValue(), param.pattern(),
          param.env(), param.source()},
          "name", "defaultValue", "pattern", "env", "source"),
      shape(Plan.Secret.class, secret -> new Object[] {secret.name(), secret.env(), secret.pattern(),
          secret.source()},
          "name", "env", "pattern", "source"),
      shape(Action.Run.class, run -> new Object[] {"run", run.command(), run.timeout(), run.expectExit(),
          run.source()},
          "type", "command", "timeout", "expectExit", "source"),
      shape(Action.Http.class, http -> new Object[] {"http", http.method(), http.url(), http.headers(), http.body(),
          http.expectStatus(), http.timeout(), http.source()},
          "type", "method", "url", "headers", "body", "expectStatus", "timeout", "source"),
      shape(Action.Manual.class, manual -> new Object[] {"manual", manual.instruction(), manual.source()},
          "type", "instruction", "source"),
      shape(Action.Wait.class, wait -> new Object[] {"wait", wait.duration(), wait.source()},
          "type", "duration", "source"),
      shape(Header.class, header -> new Object[] {header.name(), header.value()},
          "name", "value"),
      shape(Expectation.class, expectationRecord -> new Object[] {expectationRecord.op(),
          expectationRecord.value()},
          "op", "value"),
      shape(NumberExpectation.OneOf.class, oneOf -> new Object[] {oneOf.op(), oneOf.values()},
          "op", "values"),
      shape(NumberExpectation.Between.class, between -> new Object[] {between.op(), between.low(), between.high()},
          "op", "low", "high"),
      shape(JsonExpectation.class, jsonExpectation -> new Object[] {jsonExpectation.path(), jsonExpectation.count(),
          jsonExpectation.equals()},
          "path", "count", "equals"),
      shape(Polling.class, polling -> new Object[] {polling.every(), polling.timeout(), polling.holdFor()},
          "every", "timeout", "holdFor"),
      shape(Probe.Http.class, http -> new Object[] {"http", http.method(), http.url(), http.headers(), http.body(),
          http.expectStatus(), http.expectBodyContains(), http.expectBodyMatches(), http.expectJson()},
          "type", "method", "url", "headers", "body", "expectStatus", "expectBodyContains",
          "expectBodyMatches", "expectJson"),
      shape(Probe.Command.class, command -> new Object[] {"command", command.command(), command.expectExit(),
          command.expectOutputContains(), command.expectOutputMatches(), command.expectJson()},
          "type", "command", "expectExit", "expectOutputContains", "expectOutputMatches",
          "expectJson"),
      shape(Probe.PrometheusQuery.class, prometheusQuery -> new Object[] {"prometheusQuery",
          prometheusQuery.query(), prometheusQuery.server(), prometheusQuery.expect()},
          "type", "query", "server", "expect"),
      shape(Probe.PrometheusAlert.class, prometheusAlert -> new Object[] {"prometheusAlert",
          prometheusAlert.alert(), prometheusAlert.server()},
          "type", "alert", "server"),
      shape(Probe.Log.class, log -> new Object[] {"log", log.path(), log.pattern()},
          "type", "path", "pattern"),
      shape(Probe.Manual.class, manual -> new Object[] {"manual", manual.question()},
          "type", "question"),
      shape(Phase.Steady.class, steady -> new Object[] {"steady", steady.checks(), steady.source()},
          "phase", "checks", "source"),
      shape(Phase.Inject.class, inject -> new Object[] {"inject", inject.steps()},
          "phase", "steps"),
      shape(Phase.Detect.class, detect -> new Object[] {"detect", detect.mode(), detect.budget(), detect.signals(),
          detect.source()},
          "phase", "mode", "budget", "signals", "source"),
      shape(Phase.Recover.class, recover -> new Object[] {"recover", recover.budget(), recover.steps(),
          recover.source()},
          "phase", "budget", "steps", "source"),
      shape(Phase.Comms.class, comms -> new Object[] {"comms", comms.duties(), comms.source()},
          "phase", "duties", "source"),
      shape(Phase.Abort.class, abort -> new Object[] {"abort", abort.conditions(), abort.source()},
          "phase", "conditions", "source"),
      shape(Phase.Debrief.class, debrief -> new Object[] {"debrief", debrief.questions(), debrief.source()},
          "phase", "questions", "source"),
      shape(Phase.Check.class, check -> new Object[] {check.id(), check.title(), check.probe(), check.polling(),
          check.source()},
          "id", "title", "probe", "polling", "source"),
      shape(Phase.InjectStep.class, injectStep -> new Object[] {injectStep.id(), injectStep.title(),
          injectStep.actions(), injectStep.undo(), injectStep.background() ? Optional.of(true) : Optional.empty(),
          injectStep.source()},
          "id", "title", "actions", "undo", "background", "source"),
      shape(Phase.Signal.class, signal -> new Object[] {signal.id(), signal.title(), signal.probe(),
          signal.polling(), signal.source()},
          "id", "title", "probe", "polling", "source"),
      shape(Phase.RecoveryStep.class, recoveryStep -> new Object[] {recoveryStep.id(), recoveryStep.title(),
          recoveryStep.role(), recoveryStep.budget(), recoveryStep.after(), recoveryStep.actions(),
          recoveryStep.verify(), recoveryStep.source()},
          "id", "title", "role", "budget", "after", "actions", "verify", "source"),
      shape(Phase.Verification.class, verification -> new Object[] {verification.probe(), verification.polling(),
          verification.budget(), verification.source()},
          "probe", "polling", "budget", "source"),
      shape(Phase.AbortCondition.class, abortCondition -> new Object[] {abortCondition.probe(),
          abortCondition.polling(), abortCondition.source()},
          "probe", "polling", "source"),
      shape(CommsDuty.Update.class, update -> new Object[] {"update", update.audience(), update.every(),
          update.role(), update.source()},
          "type", "audience", "every", "role", "source"),
      shape(CommsDuty.Notify.class, notify -> new Object[] {"notify", notify.audience(), notify.within(),
          notify.role(), notify.source()},
          "type", "audience", "within", "role", "source")));

  private PlanShapes() {}

  /** The shape of a record of a plan (found without an optional or a lambda per record: both are garbage). */
  static Shape of(Object record) {
    Shape shape = SHAPES.get(record.getClass());
    if (shape == null) {
      throw new IllegalArgumentException("a plan holds no " + record.getClass().getName());
    }
    return shape;
  }

  /** Every shape, for the test that holds them to the records. */
  static Iterable<Shape> all() {
    return List.copyOf(SHAPES.values());
  }

  private static <R> Shape shape(Class<R> type, Function<R, Object[]> values, String... names) {
    List<Property> file = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      file.add(new Property(names[i], ('"' + names[i] + "\": ").toCharArray(),
          ('"' + names[i] + "\":").getBytes(StandardCharsets.UTF_8), i));
    }
    List<Property> canonical = new ArrayList<>();
    for (Property property : file) {
      if (!PLACES.contains(property.name())) {
        canonical.add(property);
      }
    }
    canonical.sort(java.util.Comparator.comparing(Property::name));
    return new Shape(type, List.copyOf(file), List.copyOf(canonical), record -> values.apply(type.cast(record)));
  }

  /** A HashMap, never changed after this: its look-up costs a record less than Map.copyOf's under C1. */
  private static Map<Class<?>, Shape> byType(List<Shape> shapes) {
    Map<Class<?>, Shape> byType = new HashMap<>();
    for (Shape shape : shapes) {
      byType.put(shape.type(), shape);
    }
    return byType;
  }
}
