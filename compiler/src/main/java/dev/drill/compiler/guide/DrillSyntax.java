package dev.drill.compiler.guide;

import dev.drill.compiler.ast.Durations;
import dev.drill.plan.Action;
import dev.drill.plan.Expectation;
import dev.drill.plan.Header;
import dev.drill.plan.Probe;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes and requests written back in the words of the .drill language, so the guide
 * shows responders exactly what the drill checks, and the check can compare it.
 */
final class DrillSyntax {

  private DrillSyntax() {}

  static String probe(Probe probe) {
    if (probe instanceof Probe.Http) {
      Probe.Http http = (Probe.Http) probe;
      List<String> words = new ArrayList<>(List.of("http", http.method(), quote(http.url())));
      http.headers().forEach(h -> words.add("header " + quote(h.name()) + " = " + quote(h.value())));
      http.body().ifPresent(b -> words.add("body " + quote(b)));
      http.expectStatus().ifPresent(e -> words.add("expect status " + expectation(e)));
      http.expectBodyContains().ifPresent(t -> words.add("expect body contains " + quote(t)));
      return String.join(" ", words);
    }
    if (probe instanceof Probe.Command) {
      Probe.Command command = (Probe.Command) probe;
      StringBuilder out = new StringBuilder("command ").append(quote(command.command()))
          .append(" expect exit ").append(expectation(command.expectExit()));
      command.expectOutputContains().ifPresent(t -> out.append(" expect output contains ").append(quote(t)));
      return out.toString();
    }
    if (probe instanceof Probe.PrometheusQuery) {
      Probe.PrometheusQuery query = (Probe.PrometheusQuery) probe;
      return "prometheus query " + quote(query.query())
          + query.server().map(s -> " at " + quote(s)).orElse("")
          + " expect " + expectation(query.expect());
    }
    if (probe instanceof Probe.PrometheusAlert) {
      Probe.PrometheusAlert alert = (Probe.PrometheusAlert) probe;
      return "prometheus alert " + quote(alert.alert()) + alert.server().map(s -> " at " + quote(s)).orElse("");
    }
    if (probe instanceof Probe.Log) {
      Probe.Log log = (Probe.Log) probe;
      return "log " + quote(log.path()) + " matches " + quote(log.pattern());
    }
    return "manual " + quote(((Probe.Manual) probe).question());
  }

  /** The request of an http action as a responder would send it by hand. */
  static String request(Action.Http http) {
    StringBuilder out = new StringBuilder(http.method()).append(' ').append(http.url());
    for (Header header : http.headers()) {
      out.append('\n').append(header.name()).append(": ").append(header.value());
    }
    http.body().ifPresent(b -> out.append("\n\n").append(b));
    return out.toString();
  }

  static String expectation(Expectation e) {
    return e.op().symbol() + " " + e.value().toPlainString();
  }

  static String duration(java.time.Duration d) {
    return Durations.format(d);
  }

  /** One line of text, as a .drill string literal. */
  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
