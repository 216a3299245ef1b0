package dev.drill.plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** A plan's fields, to change some and build the plan again: how the tests tamper with a plan. */
final class PlanEdit {

  int planVersion;
  String id;
  String title;
  Optional<String> summary;
  String owner;
  DrillKind kind;
  List<String> tags;
  String environment;
  Optional<Duration> timebox;
  Optional<Duration> cadence;
  Duration rerun;
  String guide;
  SourceSpan source;
  List<Plan.Role> roles;
  List<Plan.Param> params;
  List<Plan.Secret> secrets;
  List<Action> setup;
  List<Action> teardown;
  List<Phase> phases;
  String fingerprint;

  private PlanEdit(Plan p) {
    planVersion = p.planVersion();
    id = p.id();
    title = p.title();
    summary = p.summary();
    owner = p.owner();
    kind = p.kind();
    tags = p.tags();
    environment = p.environment();
    timebox = p.timebox();
    cadence = p.cadence();
    rerun = p.rerun();
    guide = p.guide();
    source = p.source();
    roles = p.roles();
    params = p.params();
    secrets = p.secrets();
    setup = p.setup();
    teardown = p.teardown();
    phases = p.phases();
    fingerprint = p.fingerprint();
  }

  /** The plan with the change made; its fingerprint left as it was. */
  static Plan of(Plan plan, Consumer<PlanEdit> change) {
    PlanEdit edit = new PlanEdit(plan);
    change.accept(edit);
    return new Plan(edit.planVersion, edit.id, edit.title, edit.summary, edit.owner, edit.kind, edit.tags,
        edit.environment, edit.timebox, edit.cadence, edit.rerun, edit.guide, edit.source, edit.roles,
        edit.params, edit.secrets, edit.setup, edit.teardown, edit.phases, edit.fingerprint);
  }

  /** The plan with its phase of the given type changed. */
  static <P extends Phase> Plan phase(Plan plan, Class<P> type, UnaryOperator<P> change) {
    return of(plan, e -> e.phases = e.phases.stream()
        .map(p -> type.isInstance(p) ? change.apply(type.cast(p)) : p)
        .collect(Collectors.toList()));
  }

  /** The plan with the recovery step of the given id changed. */
  static Plan step(Plan plan, String id, UnaryOperator<Phase.RecoveryStep> change) {
    return phase(plan, Phase.Recover.class, r -> new Phase.Recover(r.budget(),
        r.steps().stream().map(s -> s.id().equals(id) ? change.apply(s) : s).collect(Collectors.toList()),
        r.source()));
  }

  static Phase.RecoveryStep withRole(Phase.RecoveryStep s, Optional<String> role) {
    return new Phase.RecoveryStep(s.id(), s.title(), role, s.budget(), s.after(), s.actions(), s.verify(), s.source());
  }

  static Phase.RecoveryStep withAfter(Phase.RecoveryStep s, List<String> after) {
    return new Phase.RecoveryStep(s.id(), s.title(), s.role(), s.budget(), after, s.actions(), s.verify(), s.source());
  }

  static Phase.RecoveryStep withTitle(Phase.RecoveryStep s, String title) {
    return new Phase.RecoveryStep(s.id(), title, s.role(), s.budget(), s.after(), s.actions(), s.verify(), s.source());
  }

  static Phase.RecoveryStep withBudget(Phase.RecoveryStep s, Optional<Duration> budget) {
    return new Phase.RecoveryStep(s.id(), s.title(), s.role(), budget, s.after(), s.actions(), s.verify(), s.source());
  }

  static Phase.RecoveryStep withActions(Phase.RecoveryStep s, List<Action> actions) {
    return new Phase.RecoveryStep(s.id(), s.title(), s.role(), s.budget(), s.after(), actions, s.verify(), s.source());
  }

  static Phase.RecoveryStep withId(Phase.RecoveryStep s, String id) {
    return new Phase.RecoveryStep(id, s.title(), s.role(), s.budget(), s.after(), s.actions(), s.verify(), s.source());
  }

  /** The plan with the signal of the given id changed. */
  static Plan signal(Plan plan, String id, UnaryOperator<Phase.Signal> change) {
    return phase(plan, Phase.Detect.class, d -> new Phase.Detect(d.mode(), d.budget(),
        d.signals().stream().map(s -> s.id().equals(id) ? change.apply(s) : s).collect(Collectors.toList()),
        d.source()));
  }

  static Phase.Signal withProbe(Phase.Signal s, Probe probe) {
    return new Phase.Signal(s.id(), s.title(), probe, s.polling(), s.source());
  }

  static Phase.Signal withPolling(Phase.Signal s, Polling polling) {
    return new Phase.Signal(s.id(), s.title(), s.probe(), polling, s.source());
  }
}
