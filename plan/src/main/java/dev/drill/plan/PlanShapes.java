package dev.drill.plan;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How each record of a plan is written as a JSON object: its properties, in the plan file's
 * order, each read by its accessor. Written out by hand rather than read from the records
 * and their Jackson annotations at run time: reflective reads were a fifth of a
 * {@code drill compile}, and the annotations cost a cold start its proxies. Databind, which
 * reads plans back, stays the reference: {@code PlanJsonProperties} holds every byte of both
 * forms to it, and {@code PlanShapesTest} fails when a record gains a component left out here.
 */
final class PlanShapes {

  /** The properties a plan's fingerprint leaves out: places, not the procedure, and the fingerprint itself. */
  static final Set<String> PLACES = Set.of("source", "directory", "origin", "fingerprint");

  /**
   * One key of an object and how to read its value from the record: a value, an optional
   * (left out when empty) or null (left out). The name is pre-encoded, once.
   */
  record Property<T>(SerializedString name, Function<T, ?> value) {}

  /** A record type's properties, in the plan file's order and in the fingerprint's (sorted, without places). */
  record Shape<T>(Class<T> type, List<Property<T>> file, List<Property<T>> canonical) {}

  private static final Map<Class<?>, Shape<?>> SHAPES = byType(List.of(
      shape(Plan.class,
          property("planVersion", Plan::planVersion),
          property("id", Plan::id),
          property("title", Plan::title),
          property("summary", Plan::summary),
          property("owner", Plan::owner),
          property("kind", Plan::kind),
          property("tags", Plan::tags),
          property("environment", Plan::environment),
          property("timebox", Plan::timebox),
          property("cadence", Plan::cadence),
          property("rerun", Plan::rerun),
          property("guide", Plan::guide),
          property("source", Plan::source),
          property("directory", Plan::directory),
          property("origin", Plan::origin),
          property("roles", Plan::roles),
          property("params", Plan::params),
          property("secrets", Plan::secrets),
          property("setup", Plan::setup),
          property("teardown", Plan::teardown),
          property("phases", Plan::phases),
          property("fingerprint", Plan::fingerprint)),
      shape(Plan.Origin.class,
          property("from", Plan.Origin::from),
          property("imports", Plan.Origin::imports)),
      shape(Plan.Instantiation.class,
          property("template", Plan.Instantiation::template),
          property("source", Plan.Instantiation::source)),
      shape(Plan.Role.class,
          property("id", Plan.Role::id),
          property("description", Plan.Role::description),
          property("source", Plan.Role::source)),
      shape(Plan.Param.class,
          property("name", Plan.Param::name),
          property("defaultValue", Plan.Param::defaultValue),
          property("pattern", Plan.Param::pattern),
          property("env", Plan.Param::env),
          property("source", Plan.Param::source)),
      shape(Plan.Secret.class,
          property("name", Plan.Secret::name),
          property("env", Plan.Secret::env),
          property("pattern", Plan.Secret::pattern),
          property("source", Plan.Secret::source)),
      shape(Action.Run.class,
          type("type", "run"),
          property("command", Action.Run::command),
          property("timeout", Action.Run::timeout),
          property("expectExit", Action.Run::expectExit),
          property("source", Action.Run::source)),
      shape(Action.Http.class,
          type("type", "http"),
          property("method", Action.Http::method),
          property("url", Action.Http::url),
          property("headers", Action.Http::headers),
          property("body", Action.Http::body),
          property("expectStatus", Action.Http::expectStatus),
          property("timeout", Action.Http::timeout),
          property("source", Action.Http::source)),
      shape(Action.Manual.class,
          type("type", "manual"),
          property("instruction", Action.Manual::instruction),
          property("source", Action.Manual::source)),
      shape(Action.Wait.class,
          type("type", "wait"),
          property("duration", Action.Wait::duration),
          property("source", Action.Wait::source)),
      shape(Header.class,
          property("name", Header::name),
          property("value", Header::value)),
      shape(Expectation.class,
          property("op", Expectation::op),
          property("value", Expectation::value)),
      shape(NumberExpectation.OneOf.class,
          property("op", NumberExpectation.OneOf::op),
          property("values", NumberExpectation.OneOf::values)),
      shape(NumberExpectation.Between.class,
          property("op", NumberExpectation.Between::op),
          property("low", NumberExpectation.Between::low),
          property("high", NumberExpectation.Between::high)),
      shape(JsonExpectation.class,
          property("path", JsonExpectation::path),
          property("count", JsonExpectation::count),
          property("equals", JsonExpectation::equals)),
      shape(Polling.class,
          property("every", Polling::every),
          property("timeout", Polling::timeout),
          property("holdFor", Polling::holdFor)),
      shape(Probe.Http.class,
          type("type", "http"),
          property("method", Probe.Http::method),
          property("url", Probe.Http::url),
          property("headers", Probe.Http::headers),
          property("body", Probe.Http::body),
          property("expectStatus", Probe.Http::expectStatus),
          property("expectBodyContains", Probe.Http::expectBodyContains),
          property("expectBodyMatches", Probe.Http::expectBodyMatches),
          property("expectJson", Probe.Http::expectJson)),
      shape(Probe.Command.class,
          type("type", "command"),
          property("command", Probe.Command::command),
          property("expectExit", Probe.Command::expectExit),
          property("expectOutputContains", Probe.Command::expectOutputContains),
          property("expectOutputMatches", Probe.Command::expectOutputMatches),
          property("expectJson", Probe.Command::expectJson)),
      shape(Probe.PrometheusQuery.class,
          type("type", "prometheusQuery"),
          property("query", Probe.PrometheusQuery::query),
          property("server", Probe.PrometheusQuery::server),
          property("expect", Probe.PrometheusQuery::expect)),
      shape(Probe.PrometheusAlert.class,
          type("type", "prometheusAlert"),
          property("alert", Probe.PrometheusAlert::alert),
          property("server", Probe.PrometheusAlert::server)),
      shape(Probe.Log.class,
          type("type", "log"),
          property("path", Probe.Log::path),
          property("pattern", Probe.Log::pattern)),
      shape(Probe.Manual.class,
          type("type", "manual"),
          property("question", Probe.Manual::question)),
      shape(Phase.Steady.class,
          type("phase", "steady"),
          property("checks", Phase.Steady::checks),
          property("source", Phase.Steady::source)),
      shape(Phase.Inject.class,
          type("phase", "inject"),
          property("steps", Phase.Inject::steps)),
      shape(Phase.Detect.class,
          type("phase", "detect"),
          property("mode", Phase.Detect::mode),
          property("budget", Phase.Detect::budget),
          property("signals", Phase.Detect::signals),
          property("source", Phase.Detect::source)),
      shape(Phase.Recover.class,
          type("phase", "recover"),
          property("budget", Phase.Recover::budget),
          property("steps", Phase.Recover::steps),
          property("source", Phase.Recover::source)),
      shape(Phase.Comms.class,
          type("phase", "comms"),
          property("duties", Phase.Comms::duties),
          property("source", Phase.Comms::source)),
      shape(Phase.Abort.class,
          type("phase", "abort"),
          property("conditions", Phase.Abort::conditions),
          property("source", Phase.Abort::source)),
      shape(Phase.Debrief.class,
          type("phase", "debrief"),
          property("questions", Phase.Debrief::questions),
          property("source", Phase.Debrief::source)),
      shape(Phase.Check.class,
          property("id", Phase.Check::id),
          property("title", Phase.Check::title),
          property("probe", Phase.Check::probe),
          property("polling", Phase.Check::polling),
          property("source", Phase.Check::source)),
      shape(Phase.InjectStep.class,
          property("id", Phase.InjectStep::id),
          property("title", Phase.InjectStep::title),
          property("actions", Phase.InjectStep::actions),
          property("undo", Phase.InjectStep::undo),
          // NON_DEFAULT: written only when true, so plans without background steps keep their bytes.
          property("background", s -> s.background() ? Optional.of(true) : Optional.empty()),
          property("source", Phase.InjectStep::source)),
      shape(Phase.Signal.class,
          property("id", Phase.Signal::id),
          property("title", Phase.Signal::title),
          property("probe", Phase.Signal::probe),
          property("polling", Phase.Signal::polling),
          property("source", Phase.Signal::source)),
      shape(Phase.RecoveryStep.class,
          property("id", Phase.RecoveryStep::id),
          property("title", Phase.RecoveryStep::title),
          property("role", Phase.RecoveryStep::role),
          property("budget", Phase.RecoveryStep::budget),
          property("after", Phase.RecoveryStep::after),
          property("actions", Phase.RecoveryStep::actions),
          property("verify", Phase.RecoveryStep::verify),
          property("source", Phase.RecoveryStep::source)),
      shape(Phase.Verification.class,
          property("probe", Phase.Verification::probe),
          property("polling", Phase.Verification::polling),
          property("budget", Phase.Verification::budget),
          property("source", Phase.Verification::source)),
      shape(Phase.AbortCondition.class,
          property("probe", Phase.AbortCondition::probe),
          property("polling", Phase.AbortCondition::polling),
          property("source", Phase.AbortCondition::source)),
      shape(CommsDuty.Update.class,
          type("type", "update"),
          property("audience", CommsDuty.Update::audience),
          property("every", CommsDuty.Update::every),
          property("role", CommsDuty.Update::role),
          property("source", CommsDuty.Update::source)),
      shape(CommsDuty.Notify.class,
          type("type", "notify"),
          property("audience", CommsDuty.Notify::audience),
          property("within", CommsDuty.Notify::within),
          property("role", CommsDuty.Notify::role),
          property("source", CommsDuty.Notify::source))));

  private PlanShapes() {}

  /** The shape of a record of a plan, when it is one. */
  static Optional<Shape<?>> of(Class<?> type) {
    return Optional.ofNullable(SHAPES.get(type));
  }

  /** Every shape, for the test that holds them to the records. */
  static Iterable<Shape<?>> all() {
    return SHAPES.values();
  }

  private static <T> Property<T> property(String name, Function<T, ?> value) {
    return new Property<>(new SerializedString(name), value);
  }

  /** The type id a sealed variant carries, first: the name of its interface's type property and its own. */
  private static <T> Property<T> type(String name, String id) {
    return property(name, record -> id);
  }

  @SafeVarargs
  private static <T> Shape<T> shape(Class<T> type, Property<T>... properties) {
    List<Property<T>> canonical = new ArrayList<>();
    for (Property<T> property : properties) {
      if (!PLACES.contains(property.name().getValue())) {
        canonical.add(property);
      }
    }
    canonical.sort(java.util.Comparator.comparing(p -> p.name().getValue()));
    return new Shape<>(type, List.of(properties), List.copyOf(canonical));
  }

  private static Map<Class<?>, Shape<?>> byType(List<Shape<?>> shapes) {
    Map<Class<?>, Shape<?>> byType = new HashMap<>();
    for (Shape<?> shape : shapes) {
      byType.put(shape.type(), shape);
    }
    return Map.copyOf(byType);
  }
}
