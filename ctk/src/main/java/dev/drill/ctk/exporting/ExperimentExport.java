package dev.drill.ctk.exporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.Action;
import dev.drill.plan.CommsDuty;
import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.Header;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanText;
import dev.drill.plan.Probe;
import dev.drill.plan.SourceSpan;
import dev.drill.plan.shell.ShellScript;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A drill's plan as a Chaos Toolkit 1.0 experiment: steady checks as the hypothesis, inject
 * actions, signals (as probes) and automated recovery steps as the method, waits as pauses,
 * undo actions (last step first) and the teardown as the rollbacks, params and secrets read
 * from the environment. What CTK cannot express is listed under the {@code drill} extension
 * and reported as a warning at its place in the drill.
 */
public final class ExperimentExport {

  /** The experiment, and what it could not express. */
  public record Result(ObjectNode experiment, List<Diagnostic> warnings) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Plan plan;
  private final boolean substitutes;
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final ArrayNode kept = JSON.arrayNode();
  private final ArrayNode method = JSON.arrayNode();
  private BigDecimal pendingPause = BigDecimal.ZERO;
  private Optional<ObjectNode> lastActivity = Optional.empty();

  private ExperimentExport(Plan plan) {
    this.plan = plan;
    this.substitutes = !plan.params().isEmpty() || !plan.secrets().isEmpty();
  }

  public static Result of(Plan plan) {
    return new ExperimentExport(plan).write();
  }

  private Result write() {
    ObjectNode experiment = JSON.objectNode();
    experiment.put("version", "1.0.0");
    experiment.put("title", plan.title());
    experiment.put("description", plan.summary().orElse(plan.title()));
    if (!plan.tags().isEmpty()) {
      ArrayNode tags = experiment.putArray("tags");
      plan.tags().forEach(tags::add);
    }
    configuration(experiment);
    if (!plan.setup().isEmpty()) {
      unexpressible(plan.setup().get(0).source(), "setup", Optional.of(
          String.join("; ", plan.setup().stream().map(PlanText::action).toList())));
    }
    plan.phase(Phase.Steady.class).ifPresent(steady -> experiment.set("steady-state-hypothesis", hypothesis(steady)));
    plan.phase(Phase.Inject.class).ifPresent(this::inject);
    plan.phase(Phase.Detect.class).ifPresent(this::detect);
    plan.phase(Phase.Recover.class).ifPresent(this::recover);
    flushPause();
    experiment.set("method", method);
    experiment.set("rollbacks", rollbacks());
    plan.phase(Phase.Comms.class).ifPresent(comms -> comms.duties().forEach(duty ->
        unexpressible(duty.source(), "comms duty", Optional.of(duty(duty)))));
    plan.phase(Phase.Abort.class).ifPresent(abort -> abort.conditions().forEach(condition ->
        unexpressible(condition.source(), "abort condition", Optional.of(PlanText.probe(condition.probe())))));
    plan.roles().forEach(role -> unexpressible(role.source(), "role",
        Optional.of(role.id() + role.description().map(d -> ": " + d).orElse(""))));
    ObjectNode extension = JSON.objectNode();
    extension.put("name", "drill");
    extension.put("drill", plan.id());
    extension.put("kind", plan.kind().keyword());
    extension.put("owner", plan.owner());
    extension.put("environment", plan.environment());
    extension.put("fingerprint", plan.fingerprint());
    extension.set("notExported", kept);
    experiment.putArray("extensions").add(extension);
    // In the order of the drill's text, as the compiler reports.
    return new Result(experiment, warnings.stream().sorted(java.util.Comparator.comparing(Diagnostic::span)).toList());
  }

  // ---- configuration and secrets ----

  private void configuration(ObjectNode experiment) {
    if (!plan.params().isEmpty()) {
      ObjectNode configuration = experiment.putObject("configuration");
      for (Plan.Param param : plan.params()) {
        ObjectNode value = configuration.putObject(CtkText.key(param.name()));
        value.put("type", "env");
        value.put("key", param.env().orElse(ShellScript.variable(param.name())));
        param.defaultValue().ifPresent(d -> value.put("default", d));
      }
    }
    if (!plan.secrets().isEmpty()) {
      ObjectNode group = experiment.putObject("secrets").putObject("drill");
      for (Plan.Secret secret : plan.secrets()) {
        ObjectNode value = group.putObject(CtkText.key(secret.name()));
        value.put("type", "env");
        value.put("key", secret.env());
      }
    }
  }

  // ---- the hypothesis ----

  private ObjectNode hypothesis(Phase.Steady steady) {
    ObjectNode hypothesis = JSON.objectNode();
    hypothesis.put("title", "The steady state of " + plan.id() + " holds");
    ArrayNode probes = hypothesis.putArray("probes");
    for (Phase.Check check : steady.checks()) {
      Optional<ObjectNode> provider = provider(check.probe(), Optional.of(check.polling().timeout()));
      if (provider.isEmpty()) {
        unexpressible(check.source(), "steady check " + check.id(), Optional.of(PlanText.probe(check.probe())));
        continue;
      }
      List<JsonNode> tolerances = Tolerances.of(check.probe());
      for (int i = 0; i < tolerances.size(); i++) {
        ObjectNode probe = probes.addObject();
        probe.put("type", "probe");
        probe.put("name", i == 0 ? check.id() : check.id() + "-" + (i + 1));
        probe.set("tolerance", tolerances.get(i));
        probe.set("provider", provider.get().deepCopy());
      }
    }
    return hypothesis;
  }

  // ---- the method ----

  private void inject(Phase.Inject inject) {
    for (Phase.InjectStep step : inject.steps()) {
      actions(step.id(), step.actions(), step.background(), step.source());
    }
  }

  private void detect(Phase.Detect detect) {
    unexpressible(detect.source(), "detection budget", Optional.of(detect.mode().keyword() + " within "
        + PlanText.duration(detect.budget())));
    for (Phase.Signal signal : detect.signals()) {
      Optional<ObjectNode> provider = provider(signal.probe(), Optional.of(signal.polling().timeout()));
      if (provider.isEmpty()) {
        unexpressible(signal.source(), "signal " + signal.id(), Optional.of(PlanText.probe(signal.probe())));
        continue;
      }
      activity("probe", signal.id(), provider.get(), false);
    }
  }

  private void recover(Phase.Recover recover) {
    recover.budget().ifPresent(budget -> unexpressible(recover.source(), "recovery budget",
        Optional.of("within " + PlanText.duration(budget))));
    for (Phase.RecoveryStep step : recover.steps()) {
      boolean automated = step.actions().stream().noneMatch(Action.Manual.class::isInstance);
      if (!automated) {
        unexpressible(step.source(), "recovery step " + step.id() + " (a person does it)",
            Optional.of(String.join("; ", step.actions().stream().map(PlanText::action).toList())));
        continue;
      }
      step.role().ifPresent(role -> unexpressible(step.source(), "role of step " + step.id(), Optional.of(role)));
      step.budget().ifPresent(budget -> unexpressible(step.source(), "budget of step " + step.id(),
          Optional.of(PlanText.duration(budget))));
      actions(step.id(), step.actions(), false, step.source());
      step.verify().ifPresent(verify -> {
        Optional<ObjectNode> provider = provider(verify.probe(), Optional.of(verify.polling().timeout()));
        if (provider.isEmpty()) {
          unexpressible(verify.source(), "verification of step " + step.id(), Optional.of(PlanText.probe(verify.probe())));
        } else {
          activity("probe", step.id() + "-verify", provider.get(), false);
        }
      });
    }
  }

  private void actions(String id, List<Action> actions, boolean background, SourceSpan source) {
    int n = 0;
    for (Action action : actions) {
      if (action instanceof Action.Wait wait) {
        pendingPause = pendingPause.add(seconds(wait.duration()));
        continue;
      }
      Optional<ObjectNode> provider = provider(action);
      if (provider.isEmpty()) {
        unexpressible(action.source(), "manual action of " + id, Optional.of(PlanText.action(action)));
        continue;
      }
      n++;
      activity("action", n == 1 ? id : id + "-" + n, provider.get(), background);
    }
  }

  private void activity(String type, String name, ObjectNode provider, boolean background) {
    ObjectNode activity = JSON.objectNode();
    activity.put("type", type);
    activity.put("name", name);
    activity.set("provider", provider);
    if (background) {
      activity.put("background", true);
    }
    if (pendingPause.signum() > 0) {
      activity.putObject("pauses").put("before", pendingPause);
      pendingPause = BigDecimal.ZERO;
    }
    method.add(activity);
    lastActivity = Optional.of(activity);
  }

  /** Waits after the last activity pause it. */
  private void flushPause() {
    if (pendingPause.signum() > 0) {
      lastActivity.ifPresent(last -> last.withObject("/pauses").put("after", pendingPause));
    }
    pendingPause = BigDecimal.ZERO;
  }

  // ---- the rollbacks ----

  private ArrayNode rollbacks() {
    ArrayNode rollbacks = JSON.arrayNode();
    List<Phase.InjectStep> steps = new ArrayList<>(plan.phase(Phase.Inject.class).map(Phase.Inject::steps).orElse(List.of()));
    java.util.Collections.reverse(steps);
    for (Phase.InjectStep step : steps) {
      rollbackActions(step.id() + "-undo", step.undo(), rollbacks);
    }
    rollbackActions("teardown", plan.teardown(), rollbacks);
    return rollbacks;
  }

  private void rollbackActions(String id, List<Action> actions, ArrayNode rollbacks) {
    int n = 0;
    BigDecimal pause = BigDecimal.ZERO;
    for (Action action : actions) {
      if (action instanceof Action.Wait wait) {
        pause = pause.add(seconds(wait.duration()));
        continue;
      }
      Optional<ObjectNode> provider = provider(action);
      if (provider.isEmpty()) {
        unexpressible(action.source(), "manual rollback action of " + id, Optional.of(PlanText.action(action)));
        continue;
      }
      n++;
      ObjectNode activity = rollbacks.addObject();
      activity.put("type", "action");
      activity.put("name", n == 1 ? id : id + "-" + n);
      activity.set("provider", provider.get());
      if (pause.signum() > 0) {
        activity.putObject("pauses").put("before", pause);
        pause = BigDecimal.ZERO;
      }
    }
  }

  // ---- providers ----

  private boolean exitStatusSaid;

  private Optional<ObjectNode> provider(Action action) {
    if (action instanceof Action.Run run) {
      boolean anyExit = run.expectExit().orElse(null) instanceof Expectation e && e.op() == Comparator.GE
          && e.value().signum() <= 0;
      if (!anyExit && !exitStatusSaid) {
        exitStatusSaid = true;
        warnings.add(Diagnostic.of(Code.D953, run.source(), "the exit status a run action expects is not"
            + " expressible in Chaos Toolkit, which does not judge a process action's exit status"));
      }
      ObjectNode provider = process(run.command());
      run.timeout().ifPresent(t -> provider.put("timeout", seconds(t)));
      return Optional.of(provider);
    }
    if (action instanceof Action.Http http) {
      ObjectNode provider = http(http.method(), http.url(), http.headers(), http.body());
      http.expectStatus().ifPresent(e -> {
        if (e instanceof Expectation comparison && comparison.op() == Comparator.EQ) {
          provider.put("expected_status", comparison.value().intValue());
        }
      });
      http.timeout().ifPresent(t -> provider.put("timeout", seconds(t)));
      return Optional.of(provider);
    }
    return Optional.empty();
  }

  private Optional<ObjectNode> provider(Probe probe, Optional<Duration> timeout) {
    ObjectNode provider;
    if (probe instanceof Probe.Http http) {
      provider = http(http.method(), http.url(), http.headers(), http.body());
    } else if (probe instanceof Probe.Command command) {
      provider = process(command.command());
    } else {
      return Optional.empty();
    }
    timeout.ifPresent(t -> provider.put("timeout", seconds(t)));
    return Optional.of(provider);
  }

  private ObjectNode process(String command) {
    ObjectNode provider = JSON.objectNode();
    provider.put("type", "process");
    provider.put("path", "sh");
    ArrayNode arguments = provider.putArray("arguments");
    CtkText.shellArguments(command, name -> plan.params().stream().filter(p -> p.name().equals(name))
        .findFirst().flatMap(Plan.Param::defaultValue).orElse(""), substitutes).forEach(arguments::add);
    return provider;
  }

  private ObjectNode http(String method, String url, List<Header> headers, Optional<String> body) {
    ObjectNode provider = JSON.objectNode();
    provider.put("type", "http");
    provider.put("url", CtkText.substituted(url));
    if (!method.equals("GET")) {
      provider.put("method", method);
    }
    if (!headers.isEmpty()) {
      ObjectNode map = provider.putObject("headers");
      headers.forEach(h -> map.put(h.name(), CtkText.substituted(h.value())));
    }
    body.ifPresent(b -> provider.put("arguments", substitutes ? CtkText.substituted(b) : b));
    return provider;
  }

  private void unexpressible(SourceSpan at, String what, Optional<String> text) {
    if (text.isEmpty()) {
      return;
    }
    warnings.add(Diagnostic.of(Code.D953, at, what + " is not expressible in Chaos Toolkit; kept in the"
        + " experiment's extensions (drill, notExported)"));
    ObjectNode item = kept.addObject();
    item.put("at", at.file() + ":" + at.line() + ":" + at.column());
    item.put("what", what);
    item.put("drill", text.get());
  }

  private static String duty(CommsDuty duty) {
    String when = duty instanceof CommsDuty.Update update ? "update every " + PlanText.duration(update.every())
        : duty instanceof CommsDuty.Notify notify ? "notify within " + PlanText.duration(notify.within()) : "";
    return when + " by " + duty.role() + ": " + duty.audience();
  }

  private static BigDecimal seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros();
  }
}
