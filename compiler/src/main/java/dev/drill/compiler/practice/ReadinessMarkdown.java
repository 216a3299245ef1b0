package dev.drill.compiler.practice;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code drill list --format md}: the readiness page as Markdown a team can publish (a wiki, a
 * repository's docs): the library's score, a table of the drills, and their trends.
 */
public final class ReadinessMarkdown {

  private ReadinessMarkdown() {}

  public static String render(List<PracticeList.Row> rows, LocalDate today) {
    StringBuilder md = new StringBuilder();
    md.append("# Readiness\n\n");
    md.append("**").append(cell(PracticeList.summary(rows))).append("** on ").append(today).append(".\n\n");
    md.append("| Drill | Readiness | Why | Last run | Next due | Action items | TTD | TTR |\n");
    md.append("|---|---:|---|---|---|---|---|---|\n");
    for (PracticeList.Row row : rows) {
      List<String> cells = row.cells();
      if (row.plan().isEmpty()) {
        md.append("| ").append(cell(row.file())).append(" | - | does not compile | | | | | |\n");
        continue;
      }
      String lastRun = cells.get(4).equals("-") ? "-" : cells.get(4) + " " + cells.get(5);
      md.append("| ").append(cell(cells.get(0)))
          .append(" | ").append(cell(cells.get(8)))
          .append(" | ").append(cell(cells.get(9)))
          .append(" | ").append(cell(lastRun))
          .append(" | ").append(cell(cells.get(6)))
          .append(" | ").append(cell(cells.get(7)))
          .append(" | ").append(cell(row.plan().isEmpty() ? "" : row.trend().detect()))
          .append(" | ").append(cell(row.plan().isEmpty() ? "" : row.trend().recover()))
          .append(" |\n");
    }
    md.append("\nReadiness: 100 passed and fresh, 75 passed but past its cadence, 50 falling to 0 over the re-run")
        .append(" window of a failed run, 0 never run. TTD and TTR: the last ").append(Trend.RUNS)
        .append(" runs, oldest to newest (`·`: a run without that time).\n");
    return md.toString();
  }

  /** Text as a table cell: nothing in it can end the cell, start markup or hold HTML. */
  static String cell(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '|', '\\', '*', '_', '`', '[', ']', '#', '~' -> out.append('\\').append(c);
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
