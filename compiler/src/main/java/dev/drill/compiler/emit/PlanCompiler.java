package dev.drill.compiler.emit;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Comparison;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.DurationValue;
import dev.drill.compiler.ast.HttpOption;
import dev.drill.compiler.ast.NameValue;
import dev.drill.compiler.ast.Probe;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.ast.TextList;
import dev.drill.plan.CommsDuty;
import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.Header;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.Polling;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Lowers a checked drill to its plan: defaults made explicit, phases in run order, text
 * as templates, every element with the span it came from, then the fingerprint.
 */
public final class PlanCompiler {

  /** The fix window of a failed drill when the drill names none. */
  public static final Duration DEFAULT_RERUN = Duration.ofDays(14);

  public static final String DEFAULT_ENVIRONMENT = "staging";

  private PlanCompiler() {}

  /** The drill must have passed the checks without errors. */
  public static Plan compile(Drill drill) {
    Plan plan = new Plan(
        Plan.CURRENT_VERSION,
        drill.name().value(),
        textAttribute(drill, Attribute.Key.TITLE).orElseThrow(),
        textAttribute(drill, Attribute.Key.SUMMARY),
        textAttribute(drill, Attribute.Key.OWNER).orElseThrow(),
        drill.kind(),
        drill.attribute(Attribute.Key.TAGS)
            .map(a -> ((TextList) a.value()).texts().stream().map(Text::template).collect(Collectors.toList()))
            .orElse(List.of()),
        drill.attribute(Attribute.Key.ENVIRONMENT).map(a -> ((NameValue) a.value()).value())
            .orElse(DEFAULT_ENVIRONMENT),
        durationAttribute(drill, Attribute.Key.TIMEBOX),
        durationAttribute(drill, Attribute.Key.CADENCE),
        durationAttribute(drill, Attribute.Key.RERUN).orElse(DEFAULT_RERUN),
        drill.attribute(Attribute.Key.GUIDE).map(a -> ((Text) a.value()).literal())
            .orElse(defaultGuide(drill.span().file())),
        drill.span(),
        drill.first(DrillItem.RolesBlock.class).map(r -> r.roles()).orElse(List.of()).stream()
            .map(r -> new Plan.Role(r.name().value(), r.description().map(Text::template), r.span()))
            .collect(Collectors.toList()),
        drill.all(DrillItem.ParamDecl.class).stream()
            .map(p -> new Plan.Param(p.name().value(), p.defaultValue().map(Text::literal),
                p.pattern().map(Text::literal), p.span()))
            .collect(Collectors.toList()),
        drill.all(DrillItem.SecretDecl.class).stream()
            .map(s -> new Plan.Secret(s.name().value(), s.env().literal(), s.pattern().map(Text::literal), s.span()))
            .collect(Collectors.toList()),
        drill.first(DrillItem.SetupBlock.class).map(b -> actions(b.actions())).orElse(List.of()),
        drill.first(DrillItem.TeardownBlock.class).map(b -> actions(b.actions())).orElse(List.of()),
        phases(drill),
        "");
    return plan.withFingerprint();
  }

  /** {@code dir/name.drill} -> {@code name.md}, beside the drill. */
  static String defaultGuide(String file) {
    String base = file.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    return (base.endsWith(".drill") ? base.substring(0, base.length() - ".drill".length()) : base) + ".md";
  }

  private static List<Phase> phases(Drill drill) {
    List<Phase> phases = new ArrayList<>();
    drill.first(DrillItem.SteadyBlock.class).ifPresent(s -> phases.add(new Phase.Steady(
        s.checks().stream()
            .map(c -> new Phase.Check(c.id().value(), title(c.title(), c.id().value()),
                probe(c.probe().probe()), polling(c.probe()), c.span()))
            .collect(Collectors.toList()),
        s.span())));
    List<DrillItem.InjectBlock> injects = drill.all(DrillItem.InjectBlock.class);
    if (!injects.isEmpty()) {
      phases.add(new Phase.Inject(injects.stream()
          .map(i -> new Phase.InjectStep(i.id().value(), title(i.title(), i.id().value()),
              actions(i.actions()),
              i.undos().stream().map(u -> action(u.action())).collect(Collectors.toList()),
              i.span()))
          .collect(Collectors.toList())));
    }
    drill.first(DrillItem.DetectBlock.class).ifPresent(d -> phases.add(new Phase.Detect(
        d.mode(), d.within().value(),
        d.signals().stream()
            .map(s -> new Phase.Signal(s.id().value(), title(s.title(), s.id().value()),
                probe(s.probe().probe()), polling(s.probe()), s.span()))
            .collect(Collectors.toList()),
        d.span())));
    drill.first(DrillItem.RecoverBlock.class).ifPresent(r -> phases.add(new Phase.Recover(
        r.within().map(DurationValue::value),
        r.steps().stream().map(PlanCompiler::step).collect(Collectors.toList()),
        r.span())));
    drill.first(DrillItem.CommsBlock.class).ifPresent(c -> phases.add(new Phase.Comms(
        c.duties().stream().map(PlanCompiler::duty).collect(Collectors.toList()), c.span())));
    drill.first(DrillItem.AbortBlock.class).ifPresent(a -> phases.add(new Phase.Abort(
        a.conditions().stream()
            .map(p -> new Phase.AbortCondition(probe(p.probe()), polling(p), p.span()))
            .collect(Collectors.toList()),
        a.span())));
    drill.first(DrillItem.DebriefBlock.class).ifPresent(d -> phases.add(new Phase.Debrief(
        d.questions().stream().map(q -> q.question().template()).collect(Collectors.toList()),
        d.span())));
    return phases;
  }

  private static Phase.RecoveryStep step(Step step) {
    return new Phase.RecoveryStep(
        step.id().value(),
        title(step.title(), step.id().value()),
        step.role().map(r -> r.value()),
        step.budget().map(DurationValue::value),
        step.after().stream().map(n -> n.value()).collect(Collectors.toList()),
        actions(step.actions()),
        step.verify().map(v -> new Phase.Verification(
            probe(v.probe().probe()), polling(v.probe()), v.within().map(DurationValue::value), v.span())),
        step.span());
  }

  private static CommsDuty duty(DrillItem.CommsDuty duty) {
    if (duty instanceof DrillItem.Update) {
      DrillItem.Update u = (DrillItem.Update) duty;
      return new CommsDuty.Update(u.audience().template(), u.every().value(), u.role().value(), u.span());
    }
    DrillItem.Notify n = (DrillItem.Notify) duty;
    return new CommsDuty.Notify(n.audience().template(), n.within().value(), n.role().value(), n.span());
  }

  private static List<dev.drill.plan.Action> actions(List<Action> actions) {
    return actions.stream().map(PlanCompiler::action).collect(Collectors.toList());
  }

  private static dev.drill.plan.Action action(Action action) {
    if (action instanceof Action.Run) {
      Action.Run run = (Action.Run) action;
      return new dev.drill.plan.Action.Run(run.command().template(),
          run.timeout().map(DurationValue::value), run.span());
    }
    if (action instanceof Action.Http) {
      Action.Http http = (Action.Http) action;
      return new dev.drill.plan.Action.Http(http.method().value(), http.url().template(),
          headers(http.options()), body(http.options()),
          http.expectStatus().map(PlanCompiler::expectation), http.span());
    }
    if (action instanceof Action.Manual) {
      Action.Manual manual = (Action.Manual) action;
      return new dev.drill.plan.Action.Manual(manual.instruction().template(), manual.span());
    }
    Action.Wait wait = (Action.Wait) action;
    return new dev.drill.plan.Action.Wait(wait.duration().value(), wait.span());
  }

  private static dev.drill.plan.Probe probe(Probe probe) {
    if (probe instanceof Probe.Http) {
      Probe.Http http = (Probe.Http) probe;
      return new dev.drill.plan.Probe.Http(http.method().value(), http.url().template(),
          headers(http.options()), body(http.options()),
          http.statusExpectations().stream().findFirst().map(PlanCompiler::expectation),
          http.bodyExpectations().stream().findFirst().map(Text::template));
    }
    if (probe instanceof Probe.Command) {
      Probe.Command command = (Probe.Command) probe;
      return new dev.drill.plan.Probe.Command(command.command().template(),
          command.exitExpectations().stream().findFirst().map(PlanCompiler::expectation)
              .orElse(new Expectation(Comparator.EQ, BigDecimal.ZERO)),
          command.outputExpectations().stream().findFirst().map(Text::template));
    }
    if (probe instanceof Probe.PrometheusQuery) {
      Probe.PrometheusQuery query = (Probe.PrometheusQuery) probe;
      return new dev.drill.plan.Probe.PrometheusQuery(query.query().template(),
          query.server().map(Text::template), expectation(query.expect()));
    }
    if (probe instanceof Probe.PrometheusAlert) {
      Probe.PrometheusAlert alert = (Probe.PrometheusAlert) probe;
      return new dev.drill.plan.Probe.PrometheusAlert(alert.alert().template(), alert.server().map(Text::template));
    }
    if (probe instanceof Probe.Log) {
      Probe.Log log = (Probe.Log) probe;
      return new dev.drill.plan.Probe.Log(log.path().template(), log.pattern().template());
    }
    return new dev.drill.plan.Probe.Manual(((Probe.Manual) probe).question().template());
  }

  /** Defaults made explicit; an attempt never outlasts the interval between attempts. */
  private static Polling polling(ProbeSpec spec) {
    Duration every = spec.option(ProbeSpec.OptionKind.EVERY).map(DurationValue::value).orElse(Polling.DEFAULT_EVERY);
    Duration defaultTimeout = Polling.DEFAULT_TIMEOUT.compareTo(every) < 0 ? Polling.DEFAULT_TIMEOUT : every;
    return new Polling(every,
        spec.option(ProbeSpec.OptionKind.TIMEOUT).map(DurationValue::value).orElse(defaultTimeout),
        spec.option(ProbeSpec.OptionKind.FOR).map(DurationValue::value));
  }

  private static List<Header> headers(List<HttpOption> options) {
    return options.stream()
        .filter(HttpOption.Header.class::isInstance)
        .map(HttpOption.Header.class::cast)
        .map(h -> new Header(h.name().literal(), h.value().template()))
        .collect(Collectors.toList());
  }

  private static Optional<String> body(List<HttpOption> options) {
    return options.stream()
        .filter(HttpOption.Body.class::isInstance)
        .map(o -> ((HttpOption.Body) o).body().template())
        .findFirst();
  }

  private static Expectation expectation(Comparison comparison) {
    return new Expectation(comparison.op(), comparison.value().value());
  }

  private static String title(Optional<Text> title, String id) {
    return title.map(Text::template).orElse(id);
  }

  private static Optional<String> textAttribute(Drill drill, Attribute.Key key) {
    return drill.attribute(key).map(a -> ((Text) a.value()).template());
  }

  private static Optional<Duration> durationAttribute(Drill drill, Attribute.Key key) {
    return drill.attribute(key).map(a -> ((DurationValue) a.value()).value());
  }
}
