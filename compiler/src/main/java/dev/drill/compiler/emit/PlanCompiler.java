package dev.drill.compiler.emit;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Comparison;
import dev.drill.compiler.ast.JsonCheck;
import dev.drill.compiler.ast.NumberCheck;
import dev.drill.compiler.ast.NumberValue;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.DurationValue;
import dev.drill.compiler.ast.HttpOption;
import dev.drill.compiler.ast.NameValue;
import dev.drill.compiler.ast.Probe;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Text;
import dev.drill.plan.CommsDuty;
import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.JsonExpectation;
import dev.drill.plan.NumberExpectation;
import dev.drill.plan.Header;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.Polling;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lowers a checked drill to its plan: defaults made explicit, phases in run order, text
 * as templates, every element with the span it came from, then the fingerprint.
 */
public final class PlanCompiler {

  /** The fix window of a failed drill when the drill names none. */
  private static final Duration DEFAULT_RERUN = Duration.ofDays(14);

  private static final String DEFAULT_ENVIRONMENT = "staging";

  private PlanCompiler() {}

  /** The drill must have passed the checks without errors. */
  public static Plan compile(Drill drill) {
    Plan plan = new Plan(
        Plan.CURRENT_VERSION,
        drill.name().value(),
        drill.text(Attribute.Key.TITLE).map(Text::template).orElseThrow(),
        drill.text(Attribute.Key.SUMMARY).map(Text::template),
        drill.text(Attribute.Key.OWNER).map(Text::template).orElseThrow(),
        drill.kind(),
        drill.textList(Attribute.Key.TAGS).map(tags -> map(tags.texts(), Text::template)).orElse(List.of()),
        drill.nameValue(Attribute.Key.ENVIRONMENT).map(NameValue::value).orElse(DEFAULT_ENVIRONMENT),
        drill.duration(Attribute.Key.TIMEBOX).map(DurationValue::value),
        drill.duration(Attribute.Key.CADENCE).map(DurationValue::value),
        drill.duration(Attribute.Key.RERUN).map(DurationValue::value).orElse(DEFAULT_RERUN),
        drill.text(Attribute.Key.GUIDE).map(Text::literal).orElse(defaultGuide(drill.span().file())),
        drill.span(),
        map(drill.first(DrillItem.RolesBlock.class).map(r -> r.roles()).orElse(List.of()),
            r -> new Plan.Role(r.name().value(), r.description().map(Text::template), r.span())),
        map(drill.all(DrillItem.ParamDecl.class),
            p -> new Plan.Param(p.name().value(), p.defaultValue().map(Text::literal),
                p.pattern().map(Text::literal), p.env().map(Text::literal), p.span())),
        map(drill.all(DrillItem.SecretDecl.class),
            s -> new Plan.Secret(s.name().value(), s.env().literal(), s.pattern().map(Text::literal), s.span())),
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
        map(s.checks(), c -> new Phase.Check(c.id().value(), title(c.title(), c.id().value()),
            probe(c.probe().probe()), polling(c.probe()), c.span())),
        s.span())));
    List<DrillItem.InjectBlock> injects = drill.all(DrillItem.InjectBlock.class);
    if (!injects.isEmpty()) {
      phases.add(new Phase.Inject(map(injects,
          i -> new Phase.InjectStep(i.id().value(), title(i.title(), i.id().value()),
              actions(i.actions()), map(i.undos(), u -> action(u.action())), i.runsInBackground(), i.span()))));
    }
    drill.first(DrillItem.DetectBlock.class).ifPresent(d -> phases.add(new Phase.Detect(
        d.mode(), d.within().value(),
        map(d.signals(), s -> new Phase.Signal(s.id().value(), title(s.title(), s.id().value()),
            probe(s.probe().probe()), polling(s.probe()), s.span())),
        d.span())));
    drill.first(DrillItem.RecoverBlock.class).ifPresent(r -> phases.add(new Phase.Recover(
        r.within().map(DurationValue::value), map(r.steps(), PlanCompiler::step), r.span())));
    drill.first(DrillItem.CommsBlock.class).ifPresent(c -> phases.add(new Phase.Comms(
        map(c.duties(), PlanCompiler::duty), c.span())));
    drill.first(DrillItem.AbortBlock.class).ifPresent(a -> phases.add(new Phase.Abort(
        map(a.conditions(), p -> new Phase.AbortCondition(probe(p.probe()), polling(p), p.span())),
        a.span())));
    drill.first(DrillItem.DebriefBlock.class).ifPresent(d -> phases.add(new Phase.Debrief(
        map(d.questions(), q -> q.question().template()), d.span())));
    return phases;
  }

  private static Phase.RecoveryStep step(Step step) {
    return new Phase.RecoveryStep(
        step.id().value(),
        title(step.title(), step.id().value()),
        step.role().map(r -> r.value()),
        step.budget().map(DurationValue::value),
        map(step.after(), n -> n.value()),
        actions(step.actions()),
        step.verify().map(v -> new Phase.Verification(
            probe(v.probe().probe()), polling(v.probe()), v.within().map(DurationValue::value), v.span())),
        step.span());
  }

  private static CommsDuty duty(DrillItem.CommsDuty duty) {
    if (duty instanceof DrillItem.Update u) {
      return new CommsDuty.Update(u.audience().template(), u.every().value(), u.role().value(), u.span());
    }
    if (duty instanceof DrillItem.Notify n) {
      return new CommsDuty.Notify(n.audience().template(), n.within().value(), n.role().value(), n.span());
    }
    throw new IllegalStateException("no plan for comms duty " + duty);
  }

  private static List<dev.drill.plan.Action> actions(List<Action> actions) {
    return map(actions, PlanCompiler::action);
  }

  /** The list mapped, in a list of its size: a stream per list would cost every element of every plan. */
  private static <A, B> List<B> map(List<A> list, Function<A, B> f) {
    List<B> mapped = new ArrayList<>(list.size());
    for (A a : list) {
      mapped.add(f.apply(a));
    }
    return mapped;
  }

  private static dev.drill.plan.Action action(Action action) {
    return action.accept(ACTION);
  }

  private static dev.drill.plan.Probe probe(Probe probe) {
    return probe.accept(PROBE);
  }

  private static final Expectation EXIT_ZERO = new Expectation(Comparator.EQ, BigDecimal.ZERO);

  private static final Action.Visitor<dev.drill.plan.Action> ACTION = new Action.Visitor<>() {
    @Override
    public dev.drill.plan.Action visit(Action.Run run) {
      // `expect exit 0` is what a run expects anyway: written or not, the plan is the same.
      return new dev.drill.plan.Action.Run(run.command().template(), run.timeout().map(DurationValue::value),
          run.expectExit().map(PlanCompiler::expectation).filter(e -> !e.equals(EXIT_ZERO)), run.span());
    }

    @Override
    public dev.drill.plan.Action visit(Action.Http http) {
      return new dev.drill.plan.Action.Http(http.method().value(), http.url().template(),
          headers(http.options()), body(http.options()),
          http.expectStatus().map(PlanCompiler::expectation), http.timeout().map(DurationValue::value), http.span());
    }

    @Override
    public dev.drill.plan.Action visit(Action.Manual manual) {
      return new dev.drill.plan.Action.Manual(manual.instruction().template(), manual.span());
    }

    @Override
    public dev.drill.plan.Action visit(Action.Wait wait) {
      return new dev.drill.plan.Action.Wait(wait.duration().value(), wait.span());
    }
  };

  private static final Probe.Visitor<dev.drill.plan.Probe> PROBE = new Probe.Visitor<>() {
    @Override
    public dev.drill.plan.Probe visit(Probe.Http http) {
      return new dev.drill.plan.Probe.Http(http.method().value(), http.url().template(),
          headers(http.options()), body(http.options()),
          first(http.statusExpectations()).map(PlanCompiler::expectation),
          first(http.bodyExpectations()).map(Text::template),
          first(http.bodyPatterns()).map(Text::template),
          first(http.jsonExpectations()).map(PlanCompiler::json));
    }

    @Override
    public dev.drill.plan.Probe visit(Probe.Command command) {
      return new dev.drill.plan.Probe.Command(command.command().template(),
          first(command.exitExpectations()).map(PlanCompiler::expectation).orElse(EXIT_ZERO),
          first(command.outputExpectations()).map(Text::template),
          first(command.outputPatterns()).map(Text::template),
          first(command.jsonExpectations()).map(PlanCompiler::json));
    }

    @Override
    public dev.drill.plan.Probe visit(Probe.PrometheusQuery query) {
      return new dev.drill.plan.Probe.PrometheusQuery(query.query().template(),
          query.server().map(Text::template), expectation(query.expect()));
    }

    @Override
    public dev.drill.plan.Probe visit(Probe.PrometheusAlert alert) {
      return new dev.drill.plan.Probe.PrometheusAlert(alert.alert().template(), alert.server().map(Text::template));
    }

    @Override
    public dev.drill.plan.Probe visit(Probe.Log log) {
      return new dev.drill.plan.Probe.Log(log.path().template(), log.pattern().template());
    }

    @Override
    public dev.drill.plan.Probe visit(Probe.Manual manual) {
      return new dev.drill.plan.Probe.Manual(manual.question().template());
    }
  };

  /** Defaults made explicit; an attempt never outlasts the interval between attempts. */
  private static Polling polling(ProbeSpec spec) {
    Duration every = spec.option(ProbeSpec.OptionKind.EVERY).map(DurationValue::value).orElse(Polling.DEFAULT_EVERY);
    Duration defaultTimeout = Polling.DEFAULT_TIMEOUT.compareTo(every) < 0 ? Polling.DEFAULT_TIMEOUT : every;
    return new Polling(every,
        spec.option(ProbeSpec.OptionKind.TIMEOUT).map(DurationValue::value).orElse(defaultTimeout),
        spec.option(ProbeSpec.OptionKind.FOR).map(DurationValue::value));
  }

  private static List<Header> headers(List<HttpOption> options) {
    List<Header> headers = new ArrayList<>();
    for (HttpOption option : options) {
      if (option instanceof HttpOption.Header header) {
        headers.add(new Header(header.name().literal(), header.value().template()));
      }
    }
    return headers;
  }

  private static Optional<String> body(List<HttpOption> options) {
    for (HttpOption option : options) {
      if (option instanceof HttpOption.Body body) {
        return Optional.of(body.body().template());
      }
    }
    return Optional.empty();
  }

  private static Expectation expectation(Comparison comparison) {
    return new Expectation(comparison.op(), comparison.value().value());
  }

  private static NumberExpectation expectation(NumberCheck check) {
    if (check instanceof Comparison comparison) {
      return expectation(comparison);
    }
    if (check instanceof NumberCheck.OneOf oneOf) {
      return new NumberExpectation.OneOf(oneOf.values().stream().map(NumberValue::value).toList());
    }
    if (check instanceof NumberCheck.Between between) {
      return new NumberExpectation.Between(between.low().value(), between.high().value());
    }
    throw new IllegalStateException("a number check of no known kind: " + check);
  }

  private static JsonExpectation json(JsonCheck json) {
    return new JsonExpectation(json.path().template(), json.count().map(n -> n.value().intValueExact()),
        json.equals().map(Text::template));
  }

  private static String title(Optional<Text> title, String id) {
    return title.isPresent() ? title.get().template() : id;
  }

  /** A later expectation of the same kind is a duplicate the checks report. */
  private static <T> Optional<T> first(List<T> list) {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

}
