package dev.drill.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Action items" section of an after-action report: a Markdown task list the team fills
 * in and commits, one item a line, {@code - [ ] Fix the stale restart command @carol due
 * 2026-12-15}, ticked {@code - [x]} when done. The section runs from its heading
 * {@code ## Action items} to the next heading of level 1 or 2, or the end of the file; lines
 * inside code fences are never headings or items. {@code drill report} keeps the section as
 * the team left it ({@link #keep}); {@code drill check} and {@code drill list} read its items
 * ({@link #read}).
 */
public final class ActionItems {

  /** The section's heading, as the report writes it and as it is found. */
  public static final String HEADING = "## Action items";

  private static final Pattern HEADING_LINE = Pattern.compile("##[ \\t]+Action items[ \\t]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TOP_HEADING = Pattern.compile("#{1,2}(?:[ \\t].*)?");
  private static final Pattern FENCE = Pattern.compile("[ ]{0,3}(`{3,}|~{3,}).*");
  private static final Pattern TASK = Pattern.compile("([ \\t]*[-*+][ \\t]+)\\[([ xX])\\](?:[ \\t]+(.*))?");
  private static final Pattern OWNER = Pattern.compile("(?<=^|\\s)@([\\w.-]+)");
  private static final Pattern DUE = Pattern.compile("(?<=^|\\s)due[ \\t]+(\\d\\S*)", Pattern.CASE_INSENSITIVE);

  private ActionItems() {}

  /** When an item is due: not said, on a date, or written in a form that is not a date. */
  public sealed interface Due {
    record None() implements Due {}

    /** Due on {@code date}, written at {@code column} of the item's line. */
    record On(LocalDate date, int column) implements Due {}

    /** {@code written} after {@code due} at {@code column} is not a date, because {@code why}. */
    record Unreadable(String written, int column, String why) implements Due {}
  }

  /**
   * One task of the list, at its 1-based {@code line} and the {@code column} of its list
   * marker; {@code text} is all that follows the box, owner and date included.
   */
  public record Item(int line, int column, boolean done, String text, Optional<String> owner, Due due) {

    /** What is to be done: the text without its owner and due date. */
    public String what() {
      String what = DUE.matcher(OWNER.matcher(text).replaceAll("")).replaceAll("").strip().replaceAll("[ \\t]+", " ");
      return what.isEmpty() ? "(no text)" : what;
    }
  }

  /** Where the section is in a report. */
  public sealed interface Section {
    /** The section is the characters {@code [from, to)}, its heading on 1-based {@code line}. */
    record At(int from, int to, int line) implements Section {}

    /** The report has no section and no task list anywhere: there is nothing of the team's to keep. */
    record Missing() implements Section {}

    /** Where the section is cannot be told, because {@code why}. */
    record Unclear(String why) implements Section {}
  }

  /** The section of an existing report cannot be told apart, so it cannot be kept; the message says why. */
  public static final class Unclear extends Exception {
    public Unclear(String why) {
      super(why);
    }
  }

  /** One task line as the report holds it. */
  public static String taskLine(boolean done, String what, Optional<String> owner, Optional<LocalDate> due) {
    return "- [" + (done ? "x" : " ") + "] " + what + owner.map(o -> " @" + o).orElse("")
        + due.map(d -> " due " + d).orElse("");
  }

  /** Finds the section in a report. */
  public static Section locate(String markdown) {
    List<Line> lines = lines(markdown);
    List<Line> headings = new ArrayList<>();
    boolean tasks = false;
    for (Line line : lines) {
      if (line.fenced()) {
        continue;
      }
      if (HEADING_LINE.matcher(line.text()).matches()) {
        headings.add(line);
      }
      tasks |= TASK.matcher(line.text()).matches();
    }
    if (headings.size() > 1) {
      return new Section.Unclear("it has " + headings.size() + " '" + HEADING + "' headings, at lines "
          + headings.get(0).number() + " and " + headings.get(1).number());
    }
    if (headings.isEmpty()) {
      return tasks
          ? new Section.Unclear("it has a task list but no '" + HEADING + "' heading: was the heading renamed or removed?")
          : new Section.Missing();
    }
    Line heading = headings.get(0);
    int to = markdown.length();
    for (Line line : lines) {
      if (line.number() > heading.number() && !line.fenced() && TOP_HEADING.matcher(line.text()).matches()) {
        to = line.start();
        break;
      }
    }
    return new Section.At(heading.start(), to, heading.number());
  }

  /** The items of the report's section, in order; none when it has no section or it cannot be told. */
  public static List<Item> read(String markdown) {
    if (!(locate(markdown) instanceof Section.At at)) {
      return List.of();
    }
    List<Item> items = new ArrayList<>();
    for (Line line : lines(markdown)) {
      if (line.start() <= at.from() || line.start() >= at.to() || line.fenced()) {
        continue;
      }
      Matcher task = TASK.matcher(line.text());
      if (task.matches()) {
        String text = task.group(3) == null ? "" : task.group(3).strip();
        int textColumn = task.group(3) == null ? 0 : task.start(3);
        items.add(new Item(line.number(), leadingBlanks(task.group(1)) + 1, !task.group(2).equals(" "), text,
            owner(text), due(task.group(3) == null ? "" : task.group(3), textColumn)));
      }
    }
    return List.copyOf(items);
  }

  /**
   * The freshly generated report with the existing report's section in place of its own, byte
   * for byte; the generated text when the existing one has nothing of the team's. Refused when
   * the existing report's section cannot be told.
   *
   * @throws Unclear when the existing report's section cannot be told
   */
  public static String keep(String generated, String existing) throws Unclear {
    if (!(locate(generated) instanceof Section.At fresh)) {
      throw new IllegalArgumentException("a generated report has exactly one '" + HEADING + "' section");
    }
    Section old = locate(existing);
    if (old instanceof Section.Unclear unclear) {
      throw new Unclear(unclear.why());
    }
    if (old instanceof Section.At at) {
      // The section ends a generated report: whatever the team wrote after it (a section of its own) is theirs too.
      int to = fresh.to() == generated.length() ? existing.length() : at.to();
      return generated.substring(0, fresh.from())
          + withBreak(existing.substring(at.from(), to), fresh.to() < generated.length())
          + generated.substring(fresh.to());
    }
    return generated;
  }

  // A kept section that ended the file gets the line break the next heading needs.
  private static String withBreak(String section, boolean more) {
    return more && !section.endsWith("\n") ? section + "\n" : section;
  }

  private static Optional<String> owner(String text) {
    Matcher m = OWNER.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Due due(String text, int offset) {
    Matcher m = DUE.matcher(text);
    if (!m.find()) {
      return new Due.None();
    }
    String written = m.group(1);
    int column = offset + m.start(1) + 1;
    try {
      return new Due.On(LocalDate.parse(written), column);
    } catch (DateTimeParseException e) {
      String why = written.matches("\\d{4}-\\d{2}-\\d{2}")
          ? "'" + written + "' is not a day of the calendar"
          : "'" + written + "' is not a date; write it as YYYY-MM-DD, as 2026-12-15";
      return new Due.Unreadable(written, column, why);
    }
  }

  private static int leadingBlanks(String marker) {
    int n = 0;
    while (n < marker.length() && (marker.charAt(n) == ' ' || marker.charAt(n) == '\t')) {
      n++;
    }
    return n;
  }

  /** A line without its break, where it starts, and whether it is inside (or opens or closes) a code fence. */
  private record Line(int number, int start, String text, boolean fenced) {}

  private static List<Line> lines(String markdown) {
    List<Line> lines = new ArrayList<>();
    String fence = "";
    int start = 0;
    int number = 1;
    while (start < markdown.length()) {
      int end = markdown.indexOf('\n', start);
      int next = end < 0 ? markdown.length() : end + 1;
      String text = markdown.substring(start, end < 0 ? markdown.length() : end);
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      Matcher f = FENCE.matcher(text);
      boolean fenceLine = f.matches();
      boolean fenced = !fence.isEmpty() || fenceLine;
      if (fence.isEmpty() && fenceLine) {
        fence = f.group(1);
      } else if (!fence.isEmpty() && fenceLine && f.group(1).charAt(0) == fence.charAt(0)
          && f.group(1).length() >= fence.length() && text.strip().equals(f.group(1))) {
        fence = "";
      }
      lines.add(new Line(number++, start, text, fenced));
      start = next;
    }
    return lines;
  }
}
