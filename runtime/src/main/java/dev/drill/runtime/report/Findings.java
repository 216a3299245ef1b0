package dev.drill.runtime.report;

import dev.drill.plan.RunResult;
import dev.drill.runtime.report.RunReport.Aar;
import dev.drill.runtime.report.RunReport.Check;
import dev.drill.runtime.report.RunReport.Detection;
import dev.drill.runtime.report.RunReport.Duty;
import dev.drill.runtime.report.RunReport.DutyStatus;
import dev.drill.runtime.report.RunReport.PhaseRun;
import dev.drill.runtime.report.RunReport.Recovery;
import dev.drill.runtime.report.RunReport.Signal;
import dev.drill.runtime.report.RunReport.Step;
import dev.drill.runtime.report.RunReport.Verdict;
import dev.drill.runtime.journal.RunPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Seeds the five sections of the after-action review with what the journal shows: each
 * expectation met goes to "went well", each one missed to "went badly" with what to do
 * about it under "to improve". What the team liked or did not like is theirs to say.
 */
final class Findings {

  private final List<String> well = new ArrayList<>();
  private final List<String> badly = new ArrayList<>();
  private final List<String> improve = new ArrayList<>();

  private Findings() {}

  static Aar of(RunReport report) {
    Findings f = new Findings();
    f.steadyBefore(report.checks());
    if (report.run().experiment()) {
      f.steadyAfterTheInjectSteps(report.checks());
    }
    report.detection().ifPresent(f::detection);
    report.recovery().ifPresent(f::recovery);
    report.comms().forEach(f::duty);
    f.cleanup(report.phases());
    f.ending(report);
    return new Aar(f.well, f.badly, f.improve, List.of(), List.of());
  }

  private void steadyBefore(List<Check> checks) {
    for (Check c : checks) {
      if (c.phase().equals("steady") && !c.holds()) {
        badly.add("the steady state did not hold before injection: check '" + c.id() + "'"
            + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")"));
        improve.add("find out why check '" + c.id() + "' failed before the fault, and fix the target or the check");
      }
    }
  }

  /** An experiment's hypothesis: the steady state holds after the inject steps too. */
  private void steadyAfterTheInjectSteps(List<Check> checks) {
    for (Check c : checks) {
      if (c.phase().equals(RunPhase.STEADY_AGAIN.wireName())) {
        if (c.holds()) {
          well.add("check '" + c.id() + "' held after the inject steps");
        } else {
          badly.add("the steady state deviated after the inject steps: check '" + c.id() + "'"
              + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")"));
          improve.add("find out why check '" + c.id() + "' deviated, and make the system withstand the fault");
        }
      }
    }
  }

  private void detection(Detection d) {
    String budget = Times.duration(d.budget());
    if (d.verdict() == Verdict.MET) {
      well.add("detected in " + d.timeToDetect().map(Times::duration).orElse("?") + " of a " + budget + " budget");
    } else if (d.verdict() == Verdict.MISSED) {
      badly.add("detection missed: " + (d.mode().equals("all") ? "not all" : "none") + " of the signals fired within "
          + budget);
    }
    for (Signal s : d.signals()) {
      if (s.verdict() == Verdict.MET) {
        well.add("signal '" + s.id() + "' fired after " + Times.duration(s.firedAfter().get()));
      } else if (s.verdict() == Verdict.MISSED && s.firedAfter().isPresent()) {
        badly.add("signal '" + s.id() + "' fired after " + Times.duration(s.firedAfter().get())
            + ", over the " + budget + " budget");
        improve.add("make signal '" + s.id() + "' (" + s.title() + ") fire sooner, or revisit the detection budget");
      } else if (s.verdict() == Verdict.MISSED) {
        badly.add("signal '" + s.id() + "' did not fire within " + budget);
        improve.add("find out why signal '" + s.id() + "' (" + s.title() + ") did not fire: a monitoring gap,"
            + " or a signal that no longer matches the system");
      }
    }
  }

  private void recovery(Recovery r) {
    String ttr = r.timeToRecover().map(Times::duration).orElse("?");
    if (r.verdict() == Verdict.MET) {
      well.add("recovered in " + ttr + r.budget().map(b -> " (recovery budget " + Times.duration(b) + ")").orElse(""));
    } else if (r.verdict() == Verdict.MISSED) {
      badly.add("not recovered" + r.budget().map(b -> " within " + Times.duration(b)).orElse("")
          + ": " + r.detail());
    }
    for (Step s : r.steps()) {
      if (s.verdict() == Verdict.MET) {
        well.add("step '" + s.id() + "' done in " + s.took().map(Times::duration).orElse("?")
            + s.budget().map(b -> " of a " + Times.duration(b) + " budget").orElse(""));
      } else if (s.verdict() == Verdict.MISSED && s.detail().startsWith("skipped")) {
        badly.add("step '" + s.id() + "' " + s.detail());
      } else if (s.verdict() == Verdict.MISSED) {
        badly.add("step '" + s.id() + "' " + (s.detail().startsWith("took ") ? s.detail() : "failed: " + s.detail()));
        improve.add(s.detail().startsWith("took ")
            ? "speed up step '" + s.id() + "' (" + s.title() + "), or revisit its budget"
            : "fix step '" + s.id() + "' (" + s.title() + ") in the drill and its recovery guide");
      }
    }
  }

  private void duty(Duty d) {
    String what = d.duty() + " of " + d.audience() + " by " + d.role();
    if (d.status() == DutyStatus.DONE) {
      well.add(what + " done on time");
    } else {
      badly.add(what + (d.status() == DutyStatus.LATE ? " done late" : " not done"));
      improve.add("practise the " + d.duty() + " of " + d.audience() + " (" + d.role() + ")");
    }
  }

  private void cleanup(List<PhaseRun> phases) {
    for (PhaseRun p : phases) {
      boolean cleanup = p.name().equals("rollback") || p.name().equals("teardown");
      if (cleanup && p.verdict() == Verdict.MET) {
        well.add(p.name() + " completed");
      } else if (p.verdict() == Verdict.MISSED && (cleanup || p.name().equals("setup") || p.name().equals("inject"))) {
        badly.add(p.name() + " failed" + (p.detail().isEmpty() ? "" : ": " + p.detail()));
        improve.add("fix the " + p.name() + " of the drill so that it runs cleanly");
      }
    }
  }

  private void ending(RunReport report) {
    if (report.outcome().equals(Optional.of(RunResult.Outcome.ABORTED))) {
      badly.add("the run was aborted" + (report.reasons().isEmpty() ? "" : ": " + String.join("; ", report.reasons())));
    } else if (report.outcome().isEmpty()) {
      badly.add("the run was interrupted: the journal ends without an outcome");
      improve.add("run the drill again to its end");
    }
    report.rerunDue().ifPresent(due -> improve.add("re-run the drill by " + due + " (a failed drill is re-run within "
        + Times.duration(report.run().rerun()) + ")"));
  }
}
