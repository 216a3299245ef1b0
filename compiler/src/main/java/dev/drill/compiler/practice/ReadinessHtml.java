package dev.drill.compiler.practice;

import dev.drill.compiler.ast.Durations;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code drill list --format html}: the readiness page as one self-contained HTML file a team
 * can publish: inline CSS, no script, nothing fetched; each drill's times to detect and to
 * recover over its last runs drawn as an inline SVG chart. Every text from a drill or a result
 * is escaped.
 */
public final class ReadinessHtml {

  private static final int WIDTH = 360;
  private static final int HEIGHT = 120;
  private static final int PAD = 24;

  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:72rem}
      table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
      td.score{font-weight:bold;text-align:right}.ok{color:#1a7f37}.warn{color:#9a6700}.bad{color:#cf222e}
      svg{background:#fafafa;border:1px solid #eee}.ttd{stroke:#0969da}.ttr{stroke:#8250df}
      polyline{fill:none;stroke-width:2}circle.ttd{fill:#0969da}circle.ttr{fill:#8250df}
      .legend span{margin-right:1rem}span.ttd{color:#0969da}span.ttr{color:#8250df}@media print{body{margin:0}}
      """;

  private ReadinessHtml() {}

  public static String render(List<PracticeList.Row> rows, LocalDate today) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Readiness</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>Readiness</h1>\n<p><strong>").append(escape(PracticeList.summary(rows)))
        .append("</strong> on ").append(today).append(".</p>\n")
        .append("<table>\n<thead><tr><th>Drill</th><th>Readiness</th><th>Why</th><th>Last run</th><th>Next due</th>")
        .append("<th>Action items</th><th>TTD and TTR, last ").append(Trend.RUNS).append(" runs</th></tr></thead>\n<tbody>\n");
    for (PracticeList.Row row : rows) {
      html.append(row(row));
    }
    html.append("</tbody>\n</table>\n<p class=\"legend\"><span class=\"ttd\">&#9632; time to detect</span>")
        .append("<span class=\"ttr\">&#9632; time to recover</span></p>\n")
        .append("<p>Readiness: 100 passed and fresh, 75 passed but past its cadence, 50 falling to 0 over the re-run")
        .append(" window of a failed run, 0 never run.</p>\n</body>\n</html>\n");
    return html.toString();
  }

  private static String row(PracticeList.Row row) {
    if (row.plan().isEmpty()) {
      return "<tr><td>" + escape(row.file()) + "</td><td class=\"score\">-</td><td>does not compile</td>"
          + "<td></td><td></td><td></td><td></td></tr>\n";
    }
    List<String> cells = row.cells();
    int score = row.readiness().map(Readiness::score).orElse(0);
    String tone = score >= Readiness.PAST_CADENCE ? "ok" : score > 0 ? "warn" : "bad";
    String lastRun = cells.get(4).equals("-") ? "-" : cells.get(4) + " " + cells.get(5);
    return "<tr><td title=\"" + escape(row.file()) + "\">" + escape(cells.get(0)) + "</td>"
        + "<td class=\"score " + tone + "\">" + escape(cells.get(8)) + "</td>"
        + "<td>" + escape(cells.get(9)) + "</td><td>" + escape(lastRun) + "</td><td>" + escape(cells.get(6)) + "</td>"
        + "<td>" + escape(cells.get(7)) + "</td><td>" + chart(cells.get(0), row.trend()) + "</td></tr>\n";
  }

  /** The runs oldest to newest, evenly spaced; minutes up; a line and dots per time, a gap where a run had none. */
  static String chart(String drill, Trend trend) {
    if (trend.points().isEmpty()) {
      return "no runs";
    }
    List<Trend.Point> points = trend.points();
    long max = points.stream()
        .flatMap(p -> Stream.of(p.timeToDetect(), p.timeToRecover()).flatMap(Optional::stream))
        .mapToLong(Duration::toMillis).max().orElse(0);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
        .append(escape("time to detect and to recover of " + drill + " over its last runs")).append("\">");
    svg.append("<text x=\"2\" y=\"12\" font-size=\"10\">").append(escape(duration(max))).append("</text>");
    svg.append("<line x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD).append("\" x2=\"").append(WIDTH - 4)
        .append("\" y2=\"").append(HEIGHT - PAD).append("\" stroke=\"#999\"/>");
    series(svg, points, max, "ttd", Trend.Point::timeToDetect);
    series(svg, points, max, "ttr", Trend.Point::timeToRecover);
    svg.append("<text x=\"").append(PAD).append("\" y=\"").append(HEIGHT - 8).append("\" font-size=\"10\">")
        .append(escape(date(points.get(0)))).append("</text>");
    svg.append("<text x=\"").append(WIDTH - 4).append("\" y=\"").append(HEIGHT - 8)
        .append("\" font-size=\"10\" text-anchor=\"end\">").append(escape(date(points.get(points.size() - 1))))
        .append("</text></svg>");
    return svg.toString();
  }

  private static void series(StringBuilder svg, List<Trend.Point> points, long max, String kind,
      Function<Trend.Point, Optional<Duration>> time) {
    StringBuilder line = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      Optional<Duration> value = time.apply(points.get(i));
      if (value.isEmpty()) {
        flush(svg, line, kind);
        continue;
      }
      String x = Integer.toString(x(i, points.size()));
      String y = Integer.toString(y(value.get().toMillis(), max));
      line.append(line.length() == 0 ? "" : " ").append(x).append(',').append(y);
      dots.append("<circle class=\"").append(kind).append("\" cx=\"").append(x).append("\" cy=\"").append(y)
          .append("\" r=\"3\"><title>").append(escape(date(points.get(i)) + " "
              + points.get(i).outcome().name().toLowerCase(Locale.ROOT) + ": " + kind.toUpperCase(Locale.ROOT) + " "
              + duration(value.get().toMillis()))).append("</title></circle>");
    }
    flush(svg, line, kind);
    svg.append(dots);
  }

  private static void flush(StringBuilder svg, StringBuilder line, String kind) {
    if (line.length() > 0) {
      svg.append("<polyline class=\"").append(kind).append("\" points=\"").append(line).append("\"/>");
      line.setLength(0);
    }
  }

  private static int x(int index, int count) {
    int span = WIDTH - PAD - 12;
    return count == 1 ? PAD + span / 2 : PAD + 4 + index * (span - 4) / (count - 1);
  }

  private static int y(long millis, long max) {
    int span = HEIGHT - 2 * PAD;
    return HEIGHT - PAD - (max <= 0 ? 0 : (int) Math.round((double) millis * span / max));
  }

  private static String date(Trend.Point point) {
    return point.startedAt().toString().substring(0, 10);
  }

  private static String duration(long millis) {
    return Durations.format(Duration.ofMillis(millis));
  }

  /** Text as HTML content or an attribute value. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
