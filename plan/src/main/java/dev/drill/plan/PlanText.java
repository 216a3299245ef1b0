package dev.drill.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
      return String.join(" ", words);
    }
    if (probe instanceof Probe.Command command) {
      StringBuilder out = new StringBuilder("command ").append(quote(command.command()))
          .append(" expect exit ").append(expectation(command.expectExit()));
      command.expectOutputContains().ifPresent(t -> out.append(" expect output contains ").append(quote(t)));
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

  public static String expectation(Expectation e) {
    return e.op().symbol() + " " + e.value().toPlainString();
  }

  /** The shortest duration literal: {@code 1h30m}, {@code 14d}, {@code 500ms} (days, never weeks). */
  public static String duration(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long millis = duration.toMillis();
    if (millis < 0) {
      out.append('-');
      millis = -millis;
    }
    long[] sizes = {86_400_000, 3_600_000, 60_000, 1_000, 1};
    String[] units = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < sizes.length; i++) {
      if (millis >= sizes[i]) {
        out.append(millis / sizes[i]).append(units[i]);
        millis %= sizes[i];
      }
    }
    return out.length() == 0 ? "0s" : out.toString();
  }

  /** One line of text, as a .drill string literal. */
  public static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
