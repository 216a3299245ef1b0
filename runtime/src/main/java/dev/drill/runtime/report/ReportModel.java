package dev.drill.runtime.report;

import dev.drill.plan.Markdown;
import dev.drill.runtime.report.RunReport.Bar;
import dev.drill.runtime.report.RunReport.BarKind;
import dev.drill.runtime.report.RunReport.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the report template sees: the report as ready-to-print Markdown. Every text is
 * escaped already, output comes with a fence it cannot close, times are formatted, so the
 * template only lays things out.
 */
final class ReportModel {

  private static final String NONE = "—";

  private ReportModel() {}

  static Map<String, Object> of(RunReport r) {
    Map<String, Object> model = new LinkedHashMap<>();
    RunReport.Run run = r.run();
    model.put("title", Markdown.text(run.title().isEmpty() ? run.drill() : run.title()));
    model.put("drill", Markdown.code(run.drill()));
    model.put("fingerprint", Markdown.code(run.fingerprint()));
    model.put("source", run.source().isEmpty() ? "" : Markdown.code(run.source()));
    model.put("environment", Markdown.text(run.environment()));
    model.put("startedAt", Times.utc(run.startedAt()));
    model.put("endedAt", Times.utc(run.endedAt()));
    model.put("ended", run.ended());
    model.put("lasted", Times.duration(Duration.between(run.startedAt(), run.endedAt())));
    model.put("timebox", run.timebox().map(Times::duration).orElse(""));
    model.put("outcome", r.outcomeKeyword());
    model.put("reasons", r.reasons().stream().map(Markdown::text).collect(Collectors.toList()));
    model.put("skipped", r.skippedLines());
    model.put("rerunDue", r.rerunDue().map(Object::toString).orElse(""));
    model.put("rerun", Times.duration(run.rerun()));
    model.put("faultAt", r.faultAt().map(Times::sinceStart).orElse(""));
    r.detection().ifPresent(d -> model.put("detection", map(
        "mode", d.mode(),
        "budget", Times.duration(d.budget()),
        "ttd", d.timeToDetect().map(Times::duration).orElse(d.verdict() == Verdict.NOT_REACHED ? "not reached" : "not detected"),
        "verdict", verdict(d.verdict(), ""),
        "signals", d.signals().stream().map(s -> map(
            "name", Markdown.text(s.title()) + " " + Markdown.code(s.id()),
            "fired", s.firedAfter().map(Times::sinceFault).orElse(NONE),
            "verdict", verdict(s.verdict(), s.detail()))).collect(Collectors.toList()))));
    r.recovery().ifPresent(rec -> model.put("recovery", map(
        "budget", rec.budget().map(Times::duration).orElse(""),
        "ttr", rec.timeToRecover().map(Times::duration)
            .orElse(rec.verdict() == Verdict.NOT_REACHED ? "not reached" : "not recovered"),
        "verdict", verdict(rec.verdict(), ""),
        "steps", rec.steps().stream().map(s -> map(
            "number", s.number(),
            "name", Markdown.text(s.title()) + " " + Markdown.code(s.id()),
            "role", s.role().map(Markdown::text).orElse(NONE),
            "took", s.took().map(Times::duration).orElse(NONE),
            "budget", s.budget().map(Times::duration).orElse(NONE),
            "verdict", verdict(s.verdict(), s.detail()))).collect(Collectors.toList()),
        "verifies", rec.steps().stream().filter(s -> s.verify().isPresent()).map(s -> map(
            "step", Markdown.code(s.id()),
            "text", (s.verify().get().held() ? "held after " : "**did not hold** after ")
                + Times.duration(s.verify().get().took())
                + s.verify().get().budget().map(b -> " (budget " + Times.duration(b) + ")").orElse("")
                + (s.verify().get().detail().isEmpty() ? "" : ": " + Markdown.text(s.verify().get().detail()))))
            .collect(Collectors.toList()))));
    String afterwards = r.run().experiment() ? "after the inject steps" : "after recovery";
    model.put("experiment", r.run().experiment());
    model.put("checks", r.checks().stream().map(c -> map(
        "id", Markdown.code(c.id()),
        "when", c.phase().equals("steady") ? "before the fault" : afterwards,
        "verdict", c.holds() ? "holds" : "**does not hold**" + (c.detail().isEmpty() ? "" : ": " + Markdown.text(c.detail()))))
        .collect(Collectors.toList()));
    model.put("comms", r.comms().stream().map(d -> map(
        "duty", (d.duty().equals("notify") ? "Notify " : "Update ") + Markdown.text(d.audience()),
        "role", Markdown.text(d.role()),
        "due", d.due().map(Times::sinceFault).orElse(NONE),
        "verdict", (d.status() == RunReport.DutyStatus.DONE ? "done" : d.status() == RunReport.DutyStatus.LATE
            ? "**late**" : "**missed**") + d.note().map(n -> ": " + Markdown.text(n)).orElse("")))
        .collect(Collectors.toList()));
    model.put("failedActions", r.failedActions().stream().map(a -> map(
        "heading", Markdown.text(a.phase() + " '" + a.step() + "', action " + a.index() + " (" + a.kind() + "): "
            + a.detail()),
        "at", Times.sinceStart(a.at()),
        "text", a.text().isEmpty() ? "" : Markdown.code(a.text()),
        "fence", Markdown.fence(a.output()),
        "output", Markdown.codeBlock(a.output()))).collect(Collectors.toList()));
    model.put("notes", r.notes().stream().map(n -> map(
        "at", Times.sinceStart(n.sinceStart()) + n.sinceFault().map(f -> " (" + Times.sinceFault(f) + ")").orElse(""),
        "by", Markdown.text(n.by()),
        "text", Markdown.text(n.text()))).collect(Collectors.toList()));
    model.put("timeline", r.timeline().stream().map(m -> map(
        "sinceStart", Times.sinceStart(m.sinceStart()),
        "sinceFault", m.sinceFault().map(Times::sinceFault).orElse(""),
        "text", m.problem() ? "**" + Markdown.text(m.text()) + "**" : Markdown.text(m.text())))
        .collect(Collectors.toList()));
    model.put("chart", chart(r));
    model.put("debrief", r.debrief().stream().map(Markdown::text).collect(Collectors.toList()));
    model.put("aar", map(
        "wentWell", escaped(r.aar().wentWell()),
        "wentBadly", escaped(r.aar().wentBadly()),
        "toImprove", escaped(r.aar().toImprove()),
        "liked", escaped(r.aar().liked()),
        "didNotLike", escaped(r.aar().didNotLike())));
    return model;
  }

  private static String verdict(Verdict verdict, String detail) {
    String word = verdict == Verdict.MET ? "met" : verdict == Verdict.MISSED ? "**missed**" : "not reached";
    return detail.isEmpty() ? word : word + ": " + Markdown.text(detail);
  }

  /** The chart's sections in order, each with its tasks as Mermaid lines (times in epoch milliseconds). */
  private static List<Map<String, Object>> chart(RunReport r) {
    long start = r.run().startedAt().toEpochMilli();
    Map<String, List<String>> sections = new LinkedHashMap<>();
    for (String section : List.of("inject", "detect", "recover", "rollback")) {
      sections.put(section, new ArrayList<>());
    }
    for (Bar bar : r.chart()) {
      long from = start + bar.start().toMillis();
      long to = bar.kind() == BarKind.MILESTONE ? from : Math.max(from, start + bar.end().toMillis());
      sections.computeIfAbsent(bar.section(), s -> new ArrayList<>())
          .add(Mermaid.task(bar.label()) + " :" + tag(bar.kind()) + from + ", " + to);
    }
    return sections.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(e -> map("name", e.getKey(), "tasks", e.getValue())).collect(Collectors.toList());
  }

  private static String tag(BarKind kind) {
    switch (kind) {
      case FAILED:
        return "crit, ";
      case UNFINISHED:
        return "active, ";
      case MILESTONE:
        return "milestone, ";
      default:
        return "done, ";
    }
  }

  private static List<String> escaped(List<String> items) {
    return items.stream().map(Markdown::text).collect(Collectors.toList());
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
