package dev.drill.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parts of a plan written back in the words of the .drill language: what guides show
 * responders, what journals and reports record, and what the guide check compares.
 */
public final class PlanText {

  private PlanText() {}

  /** A probe as it would be written in a drill: {@code http GET "..." expect status != 200}. */
  public static String probe(Probe probe) {
    if (probe instanceof Probe.Http http) {
      List<String> words = new ArrayList<>(List.of("http", http.method(), quote(http.url())));
      http.headers().forEach(h -> words.add("header " + quote(h.name()) + " = " + quote(h.value())));
      http.body().ifPresent(b -> words.add("body " + quote(b)));
      http.expectStatus().ifPresent(e -> words.add("expect status " + expectation(e)));
      http.expectBodyContains().ifPresent(t -> words.add("expect body contains " + quote(t)));
      http.expectBodyMatches().ifPresent(t -> words.add("expect body matches " + quote(t)));
      http.expectJson().ifPresent(j -> words.add(json(j)));
      return String.join(" ", words);
    }
    if (probe instanceof Probe.Command command) {
      StringBuilder out = new StringBuilder("command ").append(quote(command.command()))
          .append(" expect exit ").append(expectation(command.expectExit()));
      command.expectOutputContains().ifPresent(t -> out.append(" expect output contains ").append(quote(t)));
      command.expectOutputMatches().ifPresent(t -> out.append(" expect output matches ").append(quote(t)));
      command.expectJson().ifPresent(j -> out.append(' ').append(json(j)));
      return out.toString();
    }
    if (probe instanceof Probe.PrometheusQuery query) {
      return "prometheus query " + quote(query.query())
          + query.server().map(s -> " at " + quote(s)).orElse("")
          + " expect " + expectation(query.expect());
    }
    if (probe instanceof Probe.PrometheusAlert alert) {
      return "prometheus alert " + quote(alert.alert()) + alert.server().map(s -> " at " + quote(s)).orElse("");
    }
    if (probe instanceof Probe.Log log) {
      return "log " + quote(log.path()) + " matches " + quote(log.pattern());
    }
    if (probe instanceof Probe.Manual manual) {
      return "manual " + quote(manual.question());
    }
    throw new IllegalStateException("a probe of no known kind: " + probe.getClass().getName());
  }

  /** An action in one line: {@code run "..."}, {@code http PUT "..."}, {@code manual "..."}, {@code wait 30s}. */
  public static String action(Action action) {
    if (action instanceof Action.Run run) {
      return "run " + quote(run.command());
    }
    if (action instanceof Action.Http http) {
      return "http " + http.method() + " " + quote(http.url());
    }
    if (action instanceof Action.Manual manual) {
      return "manual " + quote(manual.instruction());
    }
    if (action instanceof Action.Wait wait) {
      return "wait " + duration(wait.duration());
    }
    throw new IllegalStateException("an action of no known kind: " + action.getClass().getName());
  }

  /** The request of an http action as a responder would send it by hand. */
  public static String request(Action.Http http) {
    StringBuilder out = new StringBuilder(http.method()).append(' ').append(http.url());
    for (Header header : http.headers()) {
      out.append('\n').append(header.name()).append(": ").append(header.value());
    }
    http.body().ifPresent(b -> out.append("\n\n").append(b));
    return out.toString();
  }

  /** {@code == 200}, {@code in 200, 204}, {@code between 200 and 299}. */
  public static String expectation(NumberExpectation e) {
    return e.toString();
  }

  /** {@code expect json "$.status" equals "\"UP\""}. */
  public static String json(JsonExpectation json) {
    return "expect json " + quote(json.path())
        + json.count().map(n -> " count " + n).orElse("")
        + json.equals().map(v -> " equals " + quote(v)).orElse("");
  }

  /**
   * A duration literal, number-unit pairs such as {@code 90s}, {@code 1h30m}, {@code 14d}:
   * the duration, or empty when the text is not one or does not fit in a Duration.
   */
  public static Optional<Duration> parseDuration(String text) {
    // Units read as characters and summed as whole seconds and leftover millis: every duration of
    // every drill comes here. The millis never overflow: each pair adds fewer than a thousand.
    long seconds = 0;
    long millis = 0;
    int i = 0;
    try {
      while (i < text.length()) {
        int digits = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        if (i == digits || i == text.length()) {
          return Optional.empty();
        }
        long amount = Long.parseLong(text, digits, i, 10);
        // "ms" before "m": 5ms is five milliseconds, never five minutes and a stray s.
        if (text.startsWith("ms", i)) {
          seconds = Math.addExact(seconds, amount / 1000);
          millis += amount % 1000;
          i += 2;
          continue;
        }
        long unit = unitSeconds(text.charAt(i));
        if (unit == 0) {
          return Optional.empty();
        }
        seconds = Math.addExact(seconds, Math.multiplyExact(amount, unit));
        i++;
      }
      return i > 0 ? Optional.of(Duration.ofSeconds(seconds).plusMillis(millis)) : Optional.empty();
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The seconds of a unit other than ms, or 0 when the character is none. */
  private static long unitSeconds(char unit) {
    switch (unit) {
      case 's': return 1;
      case 'm': return 60;
      case 'h': return 3_600;
      case 'd': return 86_400;
      case 'w': return 604_800;
      default: return 0;
    }
  }

  /**
   * The shortest duration literal: {@code 1h30m}, {@code 14d}, {@code 500ms} (days, never weeks).
   * Total over every {@link Duration}, the largest and the most negative included: a negative one
   * is written with a {@code -}, and what is below a millisecond (no drill has it) is left out.
   */
  public static String duration(Duration duration) {
    // The magnitude in whole seconds as an unsigned long: that of the most negative Duration is 2^63.
    long seconds = duration.getSeconds();
    int nanos = duration.getNano();
    if (duration.isNegative()) {
      seconds = -seconds - (nanos > 0 ? 1 : 0);
      nanos = nanos > 0 ? 1_000_000_000 - nanos : 0;
    }
    long days = Long.divideUnsigned(seconds, 86_400);
    long rest = Long.remainderUnsigned(seconds, 86_400);
    long[] amounts = {days, rest / 3_600, rest % 3_600 / 60, rest % 60, nanos / 1_000_000};
    String[] units = {"d", "h", "m", "s", "ms"};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] != 0) {
        out.append(Long.toUnsignedString(amounts[i])).append(units[i]);
      }
    }
    if (out.length() == 0) {
      return "0s";
    }
    return duration.isNegative() ? "-" + out : out.toString();
  }

  /** One line of text, as a .drill string literal. */
  public static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
