package dev.drill.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** How plan text is shown in a validation problem: quoted, on one line, harmless on a terminal, short. */
final class ProblemText {

  private static final int SHOWN_LENGTH = 60;
  private static final int SHOWN_CYCLE_STEPS = 10;

  private ProblemText() {}

  static String notKebab(String subject) {
    return subject + " is not kebab-case (lower-case words joined by '-')";
  }

  static String element(String what, String id, int index) {
    return id == null ? what + " " + (index + 1) : what + " " + shown(id);
  }

  /** A number as written, unless written out it would be long ({@code 1E+999999999} has a billion digits). */
  static String shown(BigDecimal number) {
    if (number.precision() > SHOWN_LENGTH) {
      return number.round(new MathContext(12)).toString();
    }
    return Math.abs(number.scale()) > SHOWN_LENGTH ? number.toString() : number.toPlainString();
  }

  /** A duration as a drill writes it ({@code 14d}, {@code 1h30m}, {@code 500ms}), whatever its size. */
  static String shown(Duration duration) {
    if (duration.isNegative()) {
      // The one duration without a positive counterpart.
      return duration.getSeconds() == Long.MIN_VALUE ? duration.toString() : "-" + shown(duration.negated());
    }
    StringBuilder out = new StringBuilder();
    long[] amounts = {duration.toDays(), duration.toHoursPart(), duration.toMinutesPart(),
        duration.toSecondsPart(), duration.toMillisPart()};
    String[] units = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] > 0) {
        out.append(amounts[i]).append(units[i]);
      }
    }
    return out.length() > 0 ? out.toString() : duration.toString();
  }

  /**
   * Plan text in quotes, on one line and harmless on a terminal: control and format
   * characters escaped (no ANSI sequence or bidi override from a forged plan reaches the
   * screen), long text cut.
   */
  static String shown(String text) {
    if (text == null) {
      return "(missing)";
    }
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      if (shown++ == SHOWN_LENGTH) {
        return out.append("...'").toString();
      }
      int c = text.codePointAt(i);
      out.append(escaped(c));
    }
    return out.append('\'').toString();
  }

  static String clean(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> out.append(escaped(c)));
    return out.toString();
  }

  private static String escaped(int c) {
    return VisibleText.escaped(c);
  }

  /** The steps of a cycle, its start again at the end; a long one cut in the middle. */
  static String cycle(List<String> ids) {
    List<String> shown = ids.stream().map(ProblemText::shown).collect(Collectors.toList());
    if (shown.size() <= SHOWN_CYCLE_STEPS) {
      return String.join(" -> ", shown);
    }
    return String.join(" -> ", shown.subList(0, SHOWN_CYCLE_STEPS - 2)) + " -> ... ("
        + (shown.size() - 1) + " steps) -> " + String.join(" -> ", shown.subList(shown.size() - 2, shown.size()));
  }

}
