package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.DurationValue;
import dev.drill.compiler.ast.Durations;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.TimeLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every duration is within {@link TimeLimits}, and time budgets nest: a step inside its
 * phase, a verify inside its step, a phase inside the timebox; polling and hold durations
 * must fit the budget they serve.
 */
final class BudgetRules {

  private static final String MAX = Durations.format(TimeLimits.MAX_DURATION);
  private static final String MIN = Durations.format(TimeLimits.MIN_POLLING);

  private final List<Diagnostic> out;

  private BudgetRules(List<Diagnostic> out) {
    this.out = out;
  }

  static void run(DrillParts parts, List<Diagnostic> out) {
    Drill drill = parts.drill;
    BudgetRules rules = new BudgetRules(out);
    rules.bounds(parts);
    Optional<DurationValue> timebox = drill.duration(Attribute.Key.TIMEBOX);
    Optional<DrillItem.DetectBlock> detect = drill.first(DrillItem.DetectBlock.class);
    Optional<DrillItem.RecoverBlock> recover = drill.first(DrillItem.RecoverBlock.class);
    Optional<DurationValue> recoverBudget = recover.flatMap(DrillItem.RecoverBlock::within);

    timebox.ifPresent(box -> {
      detect.ifPresent(d -> rules.fits(d.within(), box, Code.D302, "the 'detect' budget", "the timebox"));
      recoverBudget.ifPresent(r -> rules.fits(r, box, Code.D302, "the 'recover' budget", "the timebox"));
      if (detect.isPresent() && recoverBudget.isPresent()) {
        DurationValue d = detect.get().within();
        DurationValue r = recoverBudget.get();
        // Past the maximum, the timebox is D307's; below it, the sum cannot overflow.
        if (box.value().compareTo(TimeLimits.MAX_DURATION) <= 0
            && d.value().compareTo(box.value()) <= 0 && r.value().compareTo(box.value()) <= 0
            && d.value().plus(r.value()).compareTo(box.value()) > 0) {
          out.add(Diagnostic.of(Code.D304, r.span(),
              "detect (" + d.text() + ") and recover (" + r.text() + ") take up to "
                  + Durations.format(d.value().plus(r.value())) + ", more than the timebox of " + box.text(),
              "recovery starts when detection ends; raise the timebox or shorten a budget")
              .withRelated(box.span(), "the timebox"));
        }
      }
    });
    detect.ifPresent(d -> d.signals().forEach(s -> rules.polling(s.probe(), d.within(), "the 'detect' budget")));
    recover.ifPresent(r -> r.steps().forEach(step -> rules.step(step, recoverBudget)));
    timebox.ifPresent(box -> parts.aborts.forEach(a -> a.conditions().forEach(c -> rules.hold(c, box, "the timebox"))));
  }

  private void step(Step step, Optional<DurationValue> phase) {
    Optional<DurationValue> budget = step.budget();
    if (budget.isPresent() && phase.isPresent()) {
      fits(budget.get(), phase.get(), Code.D301, "the budget of step '" + step.id().value() + "'",
          "its 'recover' budget");
    }
    for (Step.Verify verify : step.verifies()) {
      Optional<DurationValue> limit = budget.isPresent() ? budget : phase;
      String limitName = budget.isPresent() ? "the budget of step '" + step.id().value() + "'" : "the 'recover' budget";
      if (verify.within().isPresent() && limit.isPresent()) {
        fits(verify.within().get(), limit.get(), Code.D303, "the 'verify' budget", limitName);
      }
      Optional<DurationValue> pollingLimit = verify.within().isPresent() ? verify.within() : limit;
      pollingLimit.ifPresent(l -> polling(verify.probe(), l,
          verify.within().isPresent() ? "the 'verify' budget" : limitName));
    }
  }

  private void fits(DurationValue inner, DurationValue outer, Code code, String innerName, String outerName) {
    // A zero budget is reported as such (D106); everything would be "larger" than it.
    if (!outer.value().isZero() && inner.value().compareTo(outer.value()) > 0) {
      out.add(Diagnostic.of(code, inner.span(),
          innerName + " (" + inner.text() + ") is longer than " + outerName + " (" + outer.text() + ")",
          "a budget must fit inside the one around it: shorten this one or raise the other")
          .withRelated(outer.span(), outerName.replaceFirst("^(the|its) ", "")));
    }
  }

  private void polling(ProbeSpec probe, DurationValue budget, String budgetName) {
    probe.option(ProbeSpec.OptionKind.EVERY).ifPresent(every -> {
      if (!budget.value().isZero() && every.value().compareTo(budget.value()) >= 0) {
        out.add(Diagnostic.of(Code.D305, every.span(),
            "'every " + every.text() + "' is not shorter than " + budgetName + " (" + budget.text()
                + "): the probe runs at most once within it",
            "poll several times within the budget, e.g. every " + Durations.format(suggestedEvery(budget.value()))));
      }
    });
    hold(probe, budget, budgetName);
  }

  /** A fifth of the budget, but never faster than a probe may be polled. */
  private static Duration suggestedEvery(Duration budget) {
    Duration fifth = budget.dividedBy(5);
    return fifth.compareTo(TimeLimits.MIN_POLLING) < 0 ? TimeLimits.MIN_POLLING : fifth;
  }

  private void hold(ProbeSpec probe, DurationValue budget, String budgetName) {
    probe.option(ProbeSpec.OptionKind.FOR).ifPresent(hold -> {
      if (!budget.value().isZero() && hold.value().compareTo(budget.value()) > 0) {
        out.add(Diagnostic.of(Code.D306, hold.span(),
            "'for " + hold.text() + "' is longer than " + budgetName + " (" + budget.text()
                + "): the condition can never hold that long",
            "shorten 'for' or raise the budget")
            .withRelated(budget.span(), budgetName.replaceFirst("^the ", "")));
      }
    });
  }

  /**
   * Every duration literal within bounds: greater than zero (D106), at most a year (D307),
   * and a probe polled no faster than the minimum (D308). A zero one is reported as zero only.
   */
  private void bounds(DrillParts parts) {
    for (DurationValue duration : durations(parts)) {
      if (duration.value().isZero()) {
        out.add(Diagnostic.of(Code.D106, duration.span(), "duration " + duration.text() + " is zero",
            "a duration must be greater than zero"));
      } else if (duration.value().compareTo(TimeLimits.MAX_DURATION) > 0) {
        out.add(Diagnostic.of(Code.D307, duration.span(),
            "duration " + duration.text() + " is longer than the maximum of " + MAX,
            "shorten it to " + MAX + " or less: a year is enough even for a yearly cadence"));
      }
    }
    for (ProbeSpec probe : parts.probes) {
      for (ProbeSpec.Option option : probe.options()) {
        Duration value = option.value().value();
        if (option.kind() == ProbeSpec.OptionKind.FOR || value.isZero()
            || value.compareTo(TimeLimits.MIN_POLLING) >= 0) {
          continue;
        }
        String hint = option.kind() == ProbeSpec.OptionKind.EVERY
            ? "poll every " + MIN + " or less often; every 1s is plenty for most probes"
            : "give each attempt at least " + MIN + " to answer";
        out.add(Diagnostic.of(Code.D308, option.value().span(),
            "'" + option.kind().keyword() + " " + option.value().text() + "' is shorter than the minimum of " + MIN,
            hint));
      }
    }
  }

  /** Every duration literal of the drill, wherever it stands. */
  private static List<DurationValue> durations(DrillParts parts) {
    ItemDurations durations = new ItemDurations();
    for (DrillItem item : parts.drill.items()) {
      item.accept(durations);
    }
    for (ProbeSpec probe : parts.probes) {
      for (ProbeSpec.Option option : probe.options()) {
        durations.found.add(option.value());
      }
    }
    for (Action action : parts.actions) {
      if (action instanceof Action.Run run) {
        run.timeout().ifPresent(durations.found::add);
      } else if (action instanceof Action.Wait wait) {
        durations.found.add(wait.duration());
      }
    }
    return durations.found;
  }

  /** The durations items hold themselves, outside their probes' options and their actions. */
  private static final class ItemDurations implements DrillItem.Visitor<Void> {
    final List<DurationValue> found = new ArrayList<>();

    @Override
    public Void visit(Attribute attribute) {
      if (attribute.value() instanceof DurationValue duration) {
        found.add(duration);
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.ParamDecl param) {
      return null;
    }

    @Override
    public Void visit(DrillItem.SecretDecl secret) {
      return null;
    }

    @Override
    public Void visit(DrillItem.RolesBlock roles) {
      return null;
    }

    @Override
    public Void visit(DrillItem.SetupBlock setup) {
      return null;
    }

    @Override
    public Void visit(DrillItem.TeardownBlock teardown) {
      return null;
    }

    @Override
    public Void visit(DrillItem.SteadyBlock steady) {
      return null;
    }

    @Override
    public Void visit(DrillItem.InjectBlock inject) {
      return null;
    }

    @Override
    public Void visit(DrillItem.DetectBlock detect) {
      found.add(detect.within());
      return null;
    }

    @Override
    public Void visit(DrillItem.RecoverBlock recover) {
      recover.within().ifPresent(found::add);
      for (Step step : recover.steps()) {
        step.budget().ifPresent(found::add);
        for (Step.Verify verify : step.verifies()) {
          verify.within().ifPresent(found::add);
        }
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.CommsBlock comms) {
      for (DrillItem.CommsDuty duty : comms.duties()) {
        if (duty instanceof DrillItem.Update update) {
          found.add(update.every());
        } else if (duty instanceof DrillItem.Notify notify) {
          found.add(notify.within());
        }
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.AbortBlock abort) {
      return null;
    }

    @Override
    public Void visit(DrillItem.DebriefBlock debrief) {
      return null;
    }
  }
}
