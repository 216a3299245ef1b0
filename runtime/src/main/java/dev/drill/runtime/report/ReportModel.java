package dev.drill.runtime.report;

import dev.drill.runtime.journal.UnannouncedStart;
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
 * What the report templates see: the report's texts in the template's {@link Dialect}, times
 * formatted, so a template only lays things out. For Markdown every text is escaped already
 * and output comes with a fence it cannot close; for HTML texts stay plain, since that
 * template escapes everything it prints, and what Markdown shows in bold comes as a
 * {@code problem} flag.
 */
final class ReportModel {

  private static final String NONE = "—";

  /** How a text goes into the model. */
  enum Dialect {
    /** Escaped Markdown, ready to print as it is. */
    MARKDOWN,
    /** Plain text, for a template that escapes as it prints (HTML). */
    PLAIN;

    String text(String raw) {
      return this == MARKDOWN ? Markdown.text(raw) : raw;
    }

    String code(String raw) {
      return this == MARKDOWN ? Markdown.code(raw) : raw;
    }

    String codeBlock(String raw) {
      return this == MARKDOWN ? Markdown.codeBlock(raw) : raw;
    }

    /** Emphasis around a text of this dialect. */
    String strong(String text) {
      return this == MARKDOWN ? "**" + text + "**" : text;
    }
  }

  private ReportModel() {}

  static Map<String, Object> of(RunReport r) {
    return of(r, Dialect.MARKDOWN);
  }

  /** When the unannounced moment came, or why it never did. */
  private static String unannouncedStart(UnannouncedStart u, RunReport.Run run) {
    if (u.startedAt().isPresent()) {
      return "the fault started unannounced at " + Times.utc(u.startedAt().get()) + " (+"
          + Times.duration(Duration.between(run.startedAt(), u.startedAt().get())) + " after arming"
          + u.seed().map(s -> ", seed " + s).orElse("") + ")";
    }
    return u.disarmed().map(d -> "disarmed before its moment (" + d + "); nothing was injected")
        .orElse("its moment had not come");
  }

  static Map<String, Object> of(RunReport r, Dialect md) {
    Map<String, Object> model = new LinkedHashMap<>();
    RunReport.Run run = r.run();
    model.put("title", md.text(run.title().isEmpty() ? run.drill() : run.title()));
    model.put("drill", md.code(run.drill()));
    model.put("fingerprint", md.code(run.fingerprint()));
    model.put("source", run.source().isEmpty() ? "" : md.code(run.source()));
    model.put("environment", md.text(run.environment()));
    model.put("startedAt", Times.utc(run.startedAt()));
    model.put("endedAt", Times.utc(run.endedAt()));
    model.put("ended", run.ended());
    model.put("lasted", Times.duration(Duration.between(run.startedAt(), run.endedAt())));
    model.put("timebox", run.timebox().map(Times::duration).orElse(""));
    model.put("unannouncedWindow", run.unannounced().map(u -> md.text(u.window())).orElse(""));
    model.put("unannouncedStart", run.unannounced().map(u -> md.text(unannouncedStart(u, run))).orElse(""));
    model.put("outcome", r.outcomeKeyword());
    model.put("reasons", r.reasons().stream().map(md::text).collect(Collectors.toList()));
    model.put("skipped", r.skippedLines());
    model.put("rerunDue", r.rerunDue().map(Object::toString).orElse(""));
    model.put("rerun", Times.duration(run.rerun()));
    model.put("faultAt", r.faultAt().map(Times::sinceStart).orElse(""));
    r.detection().ifPresent(d -> model.put("detection", map(
        "mode", d.mode(),
        "budget", Times.duration(d.budget()),
        "ttd", d.timeToDetect().map(Times::duration).orElse(d.verdict() == Verdict.NOT_REACHED ? "not reached" : "not detected"),
        "verdict", verdict(md, d.verdict(), ""),
        "problem", d.verdict() == Verdict.MISSED,
        "signals", d.signals().stream().map(s -> map(
            "name", md.text(s.title()) + " " + md.code(s.id()),
            "title", md.text(s.title()),
            "id", md.code(s.id()),
            "problem", s.verdict() == Verdict.MISSED,
            "fired", s.firedAfter().map(Times::sinceFault).orElse(NONE),
            "verdict", verdict(md, s.verdict(), s.detail()))).collect(Collectors.toList()))));
    r.recovery().ifPresent(rec -> model.put("recovery", map(
        "budget", rec.budget().map(Times::duration).orElse(""),
        "ttr", rec.timeToRecover().map(Times::duration)
            .orElse(rec.verdict() == Verdict.NOT_REACHED ? "not reached" : "not recovered"),
        "verdict", verdict(md, rec.verdict(), ""),
        "problem", rec.verdict() == Verdict.MISSED,
        "steps", rec.steps().stream().map(s -> map(
            "number", s.number(),
            "name", md.text(s.title()) + " " + md.code(s.id()),
            "title", md.text(s.title()),
            "id", md.code(s.id()),
            "problem", s.verdict() == Verdict.MISSED,
            "role", s.role().map(md::text).orElse(NONE),
            "took", s.took().map(Times::duration).orElse(NONE),
            "budget", s.budget().map(Times::duration).orElse(NONE),
            "verdict", verdict(md, s.verdict(), s.detail()))).collect(Collectors.toList()),
        "verifies", rec.steps().stream().filter(s -> s.verify().isPresent()).map(s -> map(
            "step", md.code(s.id()),
            "problem", !s.verify().get().held(),
            "text", (s.verify().get().held() ? "held after " : md.strong("did not hold") + " after ")
                + Times.duration(s.verify().get().took())
                + s.verify().get().budget().map(b -> " (budget " + Times.duration(b) + ")").orElse("")
                + (s.verify().get().detail().isEmpty() ? "" : ": " + md.text(s.verify().get().detail()))))
            .collect(Collectors.toList()))));
    String afterwards = r.run().experiment() ? "after the inject steps" : "after recovery";
    model.put("experiment", r.run().experiment());
    model.put("checks", r.checks().stream().map(c -> map(
        "id", md.code(c.id()),
        "when", c.phase().equals("steady") ? "before the fault" : afterwards,
        "problem", !c.holds(),
        "verdict", c.holds() ? "holds" : md.strong("does not hold") + (c.detail().isEmpty() ? "" : ": " + md.text(c.detail()))))
        .collect(Collectors.toList()));
    model.put("who", r.run().who().stream().map(h -> map(
        "role", md.code(h.role()),
        "description", md.text(h.description()),
        "person", h.person().map(md::text).orElse(NONE)))
        .collect(Collectors.toList()));
    model.put("comms", r.comms().stream().map(d -> map(
        "duty", (d.duty().equals("notify") ? "Notify " : "Update ") + md.text(d.audience()),
        "role", md.text(d.role()),
        "due", d.due().map(Times::sinceFault).orElse(NONE),
        "problem", d.status() != RunReport.DutyStatus.DONE,
        "verdict", (d.status() == RunReport.DutyStatus.DONE ? "done" : d.status() == RunReport.DutyStatus.LATE
            ? md.strong("late") : md.strong("missed")) + d.note().map(n -> ": " + md.text(n)).orElse("")))
        .collect(Collectors.toList()));
    model.put("failedActions", r.failedActions().stream().map(a -> map(
        "heading", md.text(a.phase() + " '" + a.step() + "', action " + a.index() + " (" + a.kind() + "): "
            + a.detail()),
        "at", Times.sinceStart(a.at()),
        "text", a.text().isEmpty() ? "" : md.code(a.text()),
        "fence", Markdown.fence(a.output()),
        "output", md.codeBlock(a.output()))).collect(Collectors.toList()));
    model.put("notes", r.notes().stream().map(n -> map(
        "at", Times.sinceStart(n.sinceStart()) + n.sinceFault().map(f -> " (" + Times.sinceFault(f) + ")").orElse(""),
        "by", md.text(n.by()),
        "text", md.text(n.text()))).collect(Collectors.toList()));
    model.put("timeline", r.timeline().stream().map(m -> map(
        "sinceStart", Times.sinceStart(m.sinceStart()),
        "sinceFault", m.sinceFault().map(Times::sinceFault).orElse(""),
        "problem", m.problem(),
        "text", m.problem() ? md.strong(md.text(m.text())) : md.text(m.text())))
        .collect(Collectors.toList()));
    model.put("chart", chart(r));
    model.put("debrief", r.debrief().stream().map(md::text).collect(Collectors.toList()));
    model.put("aar", map(
        "wentWell", escaped(md, r.aar().wentWell()),
        "wentBadly", escaped(md, r.aar().wentBadly()),
        "toImprove", escaped(md, r.aar().toImprove()),
        "liked", escaped(md, r.aar().liked()),
        "didNotLike", escaped(md, r.aar().didNotLike())));
    return model;
  }

  private static String verdict(Dialect md, Verdict verdict, String detail) {
    String word = verdict == Verdict.MET ? "met" : verdict == Verdict.MISSED ? md.strong("missed") : "not reached";
    return detail.isEmpty() ? word : word + ": " + md.text(detail);
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

  private static List<String> escaped(Dialect md, List<String> items) {
    return items.stream().map(md::text).collect(Collectors.toList());
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
