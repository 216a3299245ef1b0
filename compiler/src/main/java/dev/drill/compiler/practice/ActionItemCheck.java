package dev.drill.compiler.practice;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.ActionItems;
import dev.drill.plan.SourceSpan;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Are the action items of a drill's after-action reports done in time? Each open item
 * ({@code - [ ]}) is held against today's date: past its due date it is {@link Code#D706};
 * without an owner ({@code @name}) or a due date ({@code due YYYY-MM-DD}) it is {@link Code#D707};
 * a due date that is not a date, or a report whose section cannot be told, is {@link Code#D708}.
 * All are warnings ({@code --strict} makes them fail the check), at the item's line and column
 * in the report. A ticked item ({@code - [x]}) is done and never reported. An item is due on its
 * date, overdue from the day after.
 */
public final class ActionItemCheck {

  private ActionItemCheck() {}

  /** The findings about the action items of these reports, in file and line order. */
  public static List<Diagnostic> check(List<ActionItemStore.Report> reports, LocalDate today) {
    List<Diagnostic> found = new ArrayList<>();
    for (ActionItemStore.Report report : reports) {
      report.unreadable().ifPresent(why -> found.add(Diagnostic.of(Code.D708, SourceSpan.at(report.file(), 1, 1),
          "the action items of this report cannot be read: " + why,
          "keep one '" + ActionItems.HEADING + "' heading above the team's task list")));
      for (ActionItems.Item item : report.open()) {
        found.addAll(check(report.file(), item, today));
      }
    }
    return found;
  }

  /** The open items as {@code drill check} names them: what, and where. */
  public static List<String> named(List<ActionItemStore.Report> reports) {
    List<String> named = new ArrayList<>();
    reports.forEach(r -> r.open().forEach(item -> named.add("'" + item.what() + "' (" + r.file() + ":" + item.line() + ")")));
    return named;
  }

  private static List<Diagnostic> check(String file, ActionItems.Item item, LocalDate today) {
    List<Diagnostic> found = new ArrayList<>();
    String what = "'" + item.what() + "'";
    if (item.due() instanceof ActionItems.Due.Unreadable bad) {
      found.add(Diagnostic.of(Code.D708, SourceSpan.at(file, item.line(), bad.column()),
          "the due date of action item " + what + " cannot be read: " + bad.why(),
          "write it as due YYYY-MM-DD, as due 2026-12-15"));
    }
    if (item.due() instanceof ActionItems.Due.On on && today.isAfter(on.date())) {
      long days = ChronoUnit.DAYS.between(on.date(), today);
      found.add(Diagnostic.of(Code.D706, SourceSpan.at(file, item.line(), on.column()),
          "action item " + what + " is overdue: it was due by " + on.date() + " (" + days
              + (days == 1 ? " day" : " days") + " ago) and is still open",
          "do it and tick it (- [x]) in the report, or agree a new date with its owner and write it there"));
    }
    boolean noOwner = item.owner().isEmpty();
    boolean noDate = item.due() instanceof ActionItems.Due.None;
    if (noOwner || noDate) {
      String missing = noOwner && noDate ? "no owner and no due date" : noOwner ? "no owner" : "no due date";
      found.add(Diagnostic.of(Code.D707, SourceSpan.at(file, item.line(), item.column()),
          "action item " + what + " has " + missing,
          "name who does it and by when: - [ ] " + item.what() + " @name due YYYY-MM-DD"));
    }
    return found;
  }
}
