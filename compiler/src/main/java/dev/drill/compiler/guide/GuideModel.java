package dev.drill.compiler.guide;

import dev.drill.plan.Markdown;
import dev.drill.plan.PlanText;
import dev.drill.plan.Action;
import dev.drill.plan.CommsDuty;
import dev.drill.plan.DrillKind;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanFingerprint;
import dev.drill.plan.Probe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a guide template sees: the plan as ready-to-print Markdown. Every text is already
 * escaped, code comes with a fence that no content can close, and the markers are given,
 * so a team's own template cannot break the structure the check relies on.
 */
final class GuideModel {

  private GuideModel() {}

  static Map<String, Object> of(Plan plan) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("id", plan.id());
    model.put("marker", GuideMarkers.guide(plan.id(), plan.fingerprint()));
    model.put("fingerprint", plan.fingerprint());
    // The file name only: a guide must not change with the directory drill was run from.
    String file = plan.source().file().replace('\\', '/');
    model.put("source", Markdown.code(file.substring(file.lastIndexOf('/') + 1)));
    model.put("title", Markdown.text(plan.title()));
    model.put("summary", plan.summary().map(Markdown::block).orElse(""));
    model.put("owner", Markdown.text(plan.owner()));
    model.put("kind", plan.kind().keyword());
    model.put("environment", Markdown.text(plan.environment()));
    model.put("timebox", plan.timebox().map(PlanText::duration).orElse(""));
    model.put("cadence", plan.cadence().map(PlanText::duration).orElse(""));
    model.put("rerun", PlanText.duration(plan.rerun()));
    model.put("tags", plan.tags().stream().map(Markdown::text).collect(Collectors.joining(", ")));
    // A drill built from templates says from which: a change there changes this guide too.
    model.put("template", plan.origin().map(o -> o.from().stream()
        .map(link -> Markdown.code(link.template())).collect(Collectors.joining(", extending "))).orElse(""));
    model.put("roles", plan.roles().stream().map(r -> map(
        "id", Markdown.code(r.id()),
        "description", r.description().map(Markdown::text).orElse(""))).collect(Collectors.toList()));
    model.put("params", plan.params().stream().map(p -> map(
        "name", Markdown.code("${" + p.name() + "}"),
        "default", valueSource(p)))
        .collect(Collectors.toList()));
    // Only a drill with a param read from the environment changes the heading its guide had.
    model.put("valuesHeading", plan.params().stream().anyMatch(p -> p.env().isPresent())
        ? "Unless given with --set" : "Default");
    model.put("secrets", plan.secrets().stream().map(s -> map(
        "name", Markdown.code("${" + s.name() + "}"), "env", Markdown.code("$" + s.env())))
        .collect(Collectors.toList()));
    model.put("setup", actions(plan.setup()));
    model.put("teardown", actions(plan.teardown()));
    plan.phase(Phase.Steady.class).ifPresent(s -> model.put("checks", s.checks().stream()
        .map(c -> probeItem(MarkerKind.CHECK, c.id(), c.title(), c.probe(), c.polling().every(), PlanFingerprint.ofPart(c)))
        .collect(Collectors.toList())));
    plan.phase(Phase.Detect.class).ifPresent(d -> model.put("detect", map(
        "mode", d.mode().keyword(),
        "budget", PlanText.duration(d.budget()),
        "signals", d.signals().stream()
            .map(s -> probeItem(MarkerKind.SIGNAL, s.id(), s.title(), s.probe(), s.polling().every(), PlanFingerprint.ofPart(s)))
            .collect(Collectors.toList()))));
    plan.phase(Phase.Recover.class).ifPresent(r -> model.put("recover", map(
        "budget", r.budget().map(PlanText::duration).orElse(""),
        "steps", steps(r.steps()))));
    List<Map<String, Object>> undo = new ArrayList<>();
    plan.phase(Phase.Inject.class).ifPresent(i -> {
      List<Phase.InjectStep> reversed = new ArrayList<>(i.steps());
      Collections.reverse(reversed);
      for (Phase.InjectStep step : reversed) {
        if (!step.undo().isEmpty()) {
          undo.add(map("title", Markdown.text(step.title()), "id", Markdown.code(step.id()),
              "actions", actions(step.undo())));
        }
      }
      model.put("injects", i.steps().stream().map(s -> map(
          "title", Markdown.text(s.title()), "id", Markdown.code(s.id()), "background", s.background(),
          "actions", actions(s.actions()))).collect(Collectors.toList()));
    });
    // The guide shows the inject steps when a reader must know how they run: unattended, or side by side.
    boolean experiment = plan.kind() == DrillKind.EXPERIMENT;
    boolean background = plan.phase(Phase.Inject.class).stream().flatMap(i -> i.steps().stream())
        .anyMatch(Phase.InjectStep::background);
    if (experiment || background) {
      model.put("method", map("experiment", experiment, "background", background,
          "recover", plan.phase(Phase.Recover.class).isPresent()));
    }
    model.put("undo", undo);
    plan.phase(Phase.Comms.class).ifPresent(c -> model.put("comms", c.duties().stream().map(GuideModel::duty)
        .collect(Collectors.toList())));
    plan.phase(Phase.Abort.class).ifPresent(a -> model.put("abort", a.conditions().stream().map(c -> map(
        "probe", Markdown.code(PlanText.probe(c.probe())),
        "holdFor", c.polling().holdFor().map(PlanText::duration).orElse("")))
        .collect(Collectors.toList())));
    plan.phase(Phase.Debrief.class).ifPresent(d -> model.put("debrief",
        d.questions().stream().map(Markdown::text).collect(Collectors.toList())));
    return model;
  }

  /** Where a param's value comes from when the run does not give it. */
  private static String valueSource(Plan.Param param) {
    String fallback = param.defaultValue().map(Markdown::code).orElse("*(none: give it with --set)*");
    return param.env().map(env -> Markdown.code("$" + env) + " if set, else " + fallback).orElse(fallback);
  }

  private static List<Map<String, Object>> steps(List<Phase.RecoveryStep> steps) {
    List<Map<String, Object>> out = new ArrayList<>();
    int number = 1;
    for (Phase.RecoveryStep step : steps) {
      Map<String, Object> m = map(
          "number", number++,
          "id", step.id(),
          "heading", Markdown.text(step.title()),
          "marker", GuideMarkers.item(MarkerKind.STEP, step.id(), PlanFingerprint.ofPart(step)),
          "begin", GuideMarkers.begin(GuideMarkers.stepPart(step.id())),
          "end", GuideMarkers.end(GuideMarkers.stepPart(step.id())),
          "role", step.role().map(Markdown::code).orElse(""),
          "budget", step.budget().map(PlanText::duration).orElse(""),
          "after", step.after().stream().map(Markdown::code).collect(Collectors.joining(", ")),
          "actions", actions(step.actions()));
      step.verify().ifPresent(v -> m.put("verify", map(
          "marker", GuideMarkers.item(MarkerKind.VERIFY, step.id(), PlanFingerprint.ofPart(v)),
          "probe", Markdown.code(PlanText.probe(v.probe())),
          "budget", v.budget().map(PlanText::duration).orElse(""),
          "every", PlanText.duration(v.polling().every()))));
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> probeItem(
      MarkerKind kind, String id, String title, Probe probe, java.time.Duration every, String hash) {
    return map(
        "marker", GuideMarkers.item(kind, id, hash),
        "id", Markdown.code(id),
        "title", Markdown.text(title),
        "probe", Markdown.code(PlanText.probe(probe)),
        "manual", probe instanceof Probe.Manual,
        "every", PlanText.duration(every));
  }

  /** Each action as a kind and what to show: code with its fence, or text. */
  static List<Map<String, Object>> actions(List<Action> actions) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Action action : actions) {
      if (action instanceof Action.Run run) {
        out.add(code("run", "sh", run.command(), note(
            run.timeout().map(t -> "times out after " + PlanText.duration(t)),
            run.expectExit().map(e -> "succeeds on exit " + PlanText.expectation(e)))));
      } else if (action instanceof Action.Http http) {
        out.add(code("http", "http", PlanText.request(http), note(
            http.expectStatus().map(e -> "expect status " + PlanText.expectation(e)),
            http.timeout().map(t -> "times out after " + PlanText.duration(t)))));
      } else if (action instanceof Action.Manual manual) {
        out.add(map("kind", "manual", "text", Markdown.block(manual.instruction())));
      } else if (action instanceof Action.Wait wait) {
        out.add(map("kind", "wait", "text", PlanText.duration(wait.duration())));
      } else {
        throw new IllegalStateException("no guide text for " + action);
      }
    }
    return out;
  }

  private static String note(Optional<String> first, Optional<String> second) {
    return Stream.of(first, second).flatMap(Optional::stream).collect(Collectors.joining("; "));
  }

  private static Map<String, Object> code(String kind, String info, String code, String note) {
    // A line break is a line break to CommonMark, however written: the guide's are all "\n".
    return map("kind", kind, "info", info, "fence", Markdown.fence(code), "code", Markdown.codeBlock(code), "note", note);
  }

  private static Map<String, Object> duty(CommsDuty duty) {
    String kind;
    String when;
    if (duty instanceof CommsDuty.Update update) {
      kind = "update";
      when = "every " + PlanText.duration(update.every());
    } else if (duty instanceof CommsDuty.Notify notify) {
      kind = "notify";
      when = "within " + PlanText.duration(notify.within()) + " of the fault";
    } else {
      throw new IllegalStateException("no guide text for " + duty);
    }
    return map("kind", kind, "audience", Markdown.text(duty.audience()), "role", Markdown.code(duty.role()),
        "when", when);
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
