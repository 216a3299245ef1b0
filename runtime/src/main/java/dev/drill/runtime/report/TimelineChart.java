package dev.drill.runtime.report;

import dev.drill.runtime.report.RunReport.Bar;
import dev.drill.runtime.report.RunReport.BarKind;
import dev.drill.runtime.report.RunReport.PhaseRun;
import dev.drill.runtime.report.RunReport.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The timeline of a run as an inline SVG chart, for the HTML report: the phases as bands,
 * each inject action, signal, step and rollback as a bar against its budget (the budget a
 * light dashed bar, what happened a solid one), the fault (T0), detection and recovery as
 * marked lines, and a time axis since the start. It reads in black and white: a failed or
 * late bar is hatched and its result is written beside it in words. Every text from the
 * journal or the plan is escaped; coordinates are rounded the same way every time, so the
 * same report gives the same bytes.
 */
final class TimelineChart {

  private static final int WIDTH = 1000;
  private static final int LABEL_WIDTH = 250;
  private static final int PLOT_X = 260;
  private static final int PLOT_WIDTH = 520;
  private static final int STATUS_X = PLOT_X + PLOT_WIDTH + 12;
  private static final int ROW = 22;
  private static final int SECTION_ROW = 20;
  private static final int TOP = 58;
  private static final int LABEL_CHARS = 38;
  private static final double CHAR_WIDTH = 6.6;
  private static final long[] TICK_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
      21600, 43200, 86400};

  private final RunReport report;
  private final long spanMillis;
  private final StringBuilder svg = new StringBuilder();

  private TimelineChart(RunReport report) {
    this.report = report;
    this.spanMillis = span(report).toMillis();
  }

  /** The chart as an {@code <svg>} element, or empty when the run has neither phases nor bars to draw. */
  static String svg(RunReport report) {
    if (report.phases().isEmpty() && report.chart().isEmpty()) {
      return "";
    }
    return new TimelineChart(report).draw();
  }

  private String draw() {
    List<Bar> bars = report.chart().stream().filter(b -> b.kind() != BarKind.MILESTONE).toList();
    List<String> sections = bars.stream().map(Bar::section).distinct().toList();
    int rowsBottom = TOP + sections.size() * SECTION_ROW + bars.size() * ROW;
    int height = rowsBottom + 34;
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("<title>Timeline of the run: phases, signals and steps against their budgets</title>\n");
    svg.append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
        + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b00020\" stroke-width=\"3\"/></pattern></defs>\n");
    phases(rowsBottom);
    int y = TOP;
    for (String section : sections) {
      text("section", 4, y + 14, "font-weight=\"bold\"", section);
      line("section-rule", 0, y + SECTION_ROW - 2, WIDTH, y + SECTION_ROW - 2, "#999999", "");
      y += SECTION_ROW;
      for (Bar bar : bars) {
        if (bar.section().equals(section)) {
          bar(bar, y);
          y += ROW;
        }
      }
    }
    marks(rowsBottom);
    axis(rowsBottom);
    svg.append("</svg>\n");
    return svg.toString();
  }

  /**
   * Phases as alternating bands behind the rows, named on two top lines: the widest bands are
   * named first, and a name that would overlap another is left to its band's tooltip.
   */
  private void phases(int bottom) {
    List<PhaseRun> phases = report.phases();
    double[] from = new double[phases.size()];
    double[] to = new double[phases.size()];
    for (int i = 0; i < phases.size(); i++) {
      PhaseRun phase = phases.get(i);
      from[i] = x(phase.start());
      to[i] = Math.max(from[i] + 1, x(phase.end().orElse(Duration.ofMillis(spanMillis))));
      boolean failed = phase.verdict() == Verdict.MISSED;
      svg.append("<rect class=\"band").append(failed ? " failed" : "").append("\" x=\"").append(n(from[i]))
          .append("\" y=\"6\" width=\"").append(n(to[i] - from[i])).append("\" height=\"").append(bottom - 6)
          .append("\" fill=\"").append(i % 2 == 0 ? "#eeeeee" : "#f8f8f8").append("\" stroke=\"#bbbbbb\" stroke-width=\"0.5\">")
          .append("<title>").append(escape(phase.name() + (failed ? " (failed)" : ""))).append("</title></rect>\n");
    }
    List<Integer> widestFirst = new ArrayList<>();
    for (int i = 0; i < phases.size(); i++) {
      widestFirst.add(i);
    }
    widestFirst.sort((a, b) -> Double.compare(to[b] - from[b], to[a] - from[a]));
    List<List<double[]>> lines = List.of(new ArrayList<>(), new ArrayList<>());
    int[] lineOf = new int[phases.size()];
    for (int i : widestFirst) {
      lineOf[i] = -1;
      double width = name(phases.get(i)).length() * CHAR_WIDTH;
      double start = Math.min(from[i] + 2, WIDTH - width);
      for (int line = 0; line < lines.size() && lineOf[i] < 0; line++) {
        if (lines.get(line).stream().noneMatch(taken -> start < taken[1] && taken[0] < start + width + 4)) {
          lines.get(line).add(new double[] {start, start + width + 4});
          lineOf[i] = line;
        }
      }
    }
    for (int i = 0; i < phases.size(); i++) {
      if (lineOf[i] >= 0) {
        boolean failed = phases.get(i).verdict() == Verdict.MISSED;
        double width = name(phases.get(i)).length() * CHAR_WIDTH;
        text("phase", Math.min(from[i] + 2, WIDTH - width), 18 + lineOf[i] * 13,
            failed ? "font-weight=\"bold\"" : "fill=\"#333333\"", name(phases.get(i)));
      }
    }
  }

  private static String name(PhaseRun phase) {
    return (phase.verdict() == Verdict.MISSED ? "✗ " : "") + phase.name();
  }

  private void bar(Bar bar, int y) {
    String label = bar.label().length() > LABEL_CHARS ? bar.label().substring(0, LABEL_CHARS - 1) + "…" : bar.label();
    String status = status(bar);
    boolean problem = bar.kind() == BarKind.FAILED;
    svg.append("<g class=\"row ").append(bar.section()).append("\"><title>").append(escape(bar.label() + ": " + status))
        .append("</title>\n");
    text("label", LABEL_WIDTH, y + 15, "text-anchor=\"end\"", label);
    double from = x(bar.start());
    bar.budget().ifPresent(budget -> svg.append("<rect class=\"budget\" x=\"").append(n(from)).append("\" y=\"")
        .append(y + 3).append("\" width=\"").append(n(Math.max(1, x(bar.start().plus(budget)) - from)))
        .append("\" height=\"16\" fill=\"#dddddd\" stroke=\"#777777\" stroke-dasharray=\"3 2\"/>\n"));
    double width = Math.max(2, x(bar.end()) - from);
    svg.append("<rect class=\"actual ").append(kind(bar.kind())).append("\" x=\"").append(n(from)).append("\" y=\"")
        .append(y + 7).append("\" width=\"").append(n(width)).append("\" height=\"8\" ").append(fill(bar.kind()))
        .append("/>\n");
    text("status" + (problem ? " problem" : ""), STATUS_X, y + 15, problem ? "font-weight=\"bold\"" : "", status);
    svg.append("</g>\n");
  }

  /** What the bar's end means, in words, so that the chart needs no colour: {@code 42s of 5m met}, {@code ✗ late}. */
  private static String status(Bar bar) {
    String took = Times.duration(bar.end().minus(bar.start()));
    String against = took + bar.budget().map(b -> " of " + Times.duration(b)).orElse("");
    switch (bar.kind()) {
      case DONE:
        return against + (bar.budget().isPresent() ? " met" : " done");
      case FAILED: {
        if (bar.label().endsWith(ReportBuilder.DID_NOT_FIRE)) {
          return "✗ missed" + bar.budget().map(b -> ", not within " + Times.duration(b)).orElse("");
        }
        boolean late = bar.budget().filter(b -> bar.end().minus(bar.start()).compareTo(b) > 0).isPresent();
        return "✗ " + (late ? "late" : "failed") + ", " + against;
      }
      default:
        return against + " unfinished";
    }
  }

  private static String kind(BarKind kind) {
    return kind == BarKind.DONE ? "done" : kind == BarKind.FAILED ? "failed" : "unfinished";
  }

  private static String fill(BarKind kind) {
    switch (kind) {
      case DONE:
        return "fill=\"#222222\"";
      case FAILED:
        return "fill=\"url(#hatch)\" stroke=\"#000000\" stroke-width=\"1\"";
      default:
        return "fill=\"#ffffff\" stroke=\"#222222\" stroke-dasharray=\"2 2\"";
    }
  }

  /** The fault (T0), detection and recovery as vertical lines over the rows, named on the second top line. */
  private void marks(int bottom) {
    List<Mark> marks = new ArrayList<>();
    report.faultAt().ifPresent(t0 -> {
      marks.add(new Mark("fault", "T0 fault", t0, ""));
      report.detection().flatMap(RunReport.Detection::timeToDetect)
          .ifPresent(ttd -> marks.add(new Mark("detected", "detected", t0.plus(ttd), "6 3")));
      report.recovery().flatMap(RunReport.Recovery::timeToRecover)
          .ifPresent(ttr -> marks.add(new Mark("recovered", "recovered", t0.plus(ttr), "2 3")));
    });
    double labelEnd = 0;
    for (Mark mark : marks) {
      double at = x(mark.at());
      line("mark " + mark.kind(), at, 34, at, bottom, "#000000",
          " stroke-width=\"1.5\"" + (mark.dashes().isEmpty() ? "" : " stroke-dasharray=\"" + mark.dashes() + "\""));
      String name = mark.name() + " " + Times.sinceStart(mark.at());
      double width = name.length() * CHAR_WIDTH;
      double labelX = Math.min(Math.max(at + 3, labelEnd), WIDTH - width);
      text("mark-label", labelX, 46, "font-weight=\"bold\"", name);
      labelEnd = labelX + width + 6;
    }
  }

  private record Mark(String kind, String name, Duration at, String dashes) {}

  /** The time since the start, with a tick every 1, 2, 5, 10 ... seconds, at most eight of them. */
  private void axis(int bottom) {
    line("axis", PLOT_X, bottom, PLOT_X + PLOT_WIDTH, bottom, "#000000", "");
    long step = TICK_SECONDS[TICK_SECONDS.length - 1] * 1000;
    for (long seconds : TICK_SECONDS) {
      if (spanMillis / (seconds * 1000) <= 8) {
        step = seconds * 1000;
        break;
      }
    }
    for (long t = 0; t <= spanMillis; t += step) {
      double at = x(Duration.ofMillis(t));
      line("tick", at, bottom, at, bottom + 5, "#000000", "");
      text("tick-label", at, bottom + 18, "text-anchor=\"middle\"", Times.sinceStart(Duration.ofMillis(t)));
    }
  }

  private void line(String cssClass, double x1, double y1, double x2, double y2, String stroke, String more) {
    svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
        .append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke)
        .append('"').append(more).append("/>\n");
  }

  private void text(String cssClass, double x, double y, String attributes, String content) {
    svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
        .append('"').append(attributes.isEmpty() ? "" : " " + attributes).append('>').append(escape(content))
        .append("</text>\n");
  }

  private double x(Duration sinceStart) {
    return PLOT_X + Math.max(0, sinceStart.toMillis()) * (double) PLOT_WIDTH / spanMillis;
  }

  /** The time the chart spans: the whole run, and every budget even when it reaches past the run's end. */
  private static Duration span(RunReport report) {
    Duration span = Duration.between(report.run().startedAt(), report.run().endedAt());
    for (Bar bar : report.chart()) {
      span = max(span, bar.end());
      Optional<Duration> budgetEnd = bar.budget().map(bar.start()::plus);
      if (budgetEnd.isPresent()) {
        span = max(span, budgetEnd.get());
      }
    }
    for (PhaseRun phase : report.phases()) {
      span = max(span, phase.end().orElse(phase.start()));
    }
    return max(span, Duration.ofSeconds(1));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** A coordinate with one decimal, written the same in every locale. */
  private static String n(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  /** Text for an SVG element or attribute. */
  static String escape(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
