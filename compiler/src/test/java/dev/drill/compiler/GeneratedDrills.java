package dev.drill.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid drills of every construct, with text that stresses the outputs: Markdown and HTML
 * characters, backticks and code fences, quotes, backslashes, dollar signs, line breaks.
 */
public final class GeneratedDrills {

  private GeneratedDrills() {}

  /** Raw text; written into a drill through {@link #quote}. */
  static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withChars("abcxyz 019*_[]<>|#`+-!.()\"\\$&~{}:=")
        .withChars('\n')
        .ofMinLength(0).ofMaxLength(24)
        .map(s -> "t " + s);
  }

  /** A .drill string literal holding exactly the text. */
  static String quote(String raw) {
    return "\"" + raw.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("\n", "\\n") + "\"";
  }

  static Arbitrary<String> probe() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(100, 599).map(n -> "http GET \"http://${host}:8080/health\" expect status != " + n),
        // A header is one line (D507).
        text().map(t -> "http POST \"https://${host}/x\" header \"X-Note\" = " + quote(t.replace('\n', ' '))
            + " expect body contains " + quote(t)),
        Combinators.combine(text(), Arbitraries.integers().between(0, 255))
            .as((t, n) -> "command " + quote(t) + " expect exit " + n),
        text().map(t -> "prometheus query " + quote(t) + " expect > 0.5"),
        text().map(t -> "prometheus alert " + quote(t) + " at \"http://prometheus:9090\""),
        text().map(t -> "log \"/var/log/app.log\" matches \"a+[0-9]*\""),
        text().map(t -> "manual " + quote(t)),
        Combinators.combine(Arbitraries.integers().between(200, 599), Arbitraries.integers().between(0, 3))
            .as((n, k) -> "http GET \"http://${host}/health\" expect status in 200, " + n
                + " expect json \"$.items[*]\" count " + k),
        Combinators.combine(text(), Arbitraries.integers().between(200, 599))
            .as((t, n) -> "http GET \"http://${host}/health\" expect status between 200 and " + n
                + " expect body matches " + quote(Pattern.quote(t))),
        Combinators.combine(text(), Arbitraries.integers().between(0, 255))
            .as((t, n) -> "command " + quote(t) + " expect exit between 0 and " + n
                + " expect output matches \"[a-z]+\" expect json \"$.a\" equals \"[1, \\\"x\\\"]\""));
  }

  static Arbitrary<String> action() {
    return Arbitraries.oneOf(
        text().map(t -> "run " + quote(t)),
        text().map(t -> "run " + quote(t) + " timeout 30s"),
        text().map(t -> "run " + quote(t) + " expect exit >= 0"),
        text().map(t -> "run " + quote(t) + " timeout 30s expect exit in 0, 3"),
        text().map(t -> "http POST \"http://${host}/admin\" body " + quote(t) + " expect status between 200 and 299 timeout 5s"),
        text().map(t -> "http POST \"http://${host}/admin\" body " + quote(t) + " expect status 200"),
        text().map(t -> "manual " + quote(t)),
        Arbitraries.integers().between(1, 90).map(n -> "wait " + n + "s"));
  }

  record Step(String title, List<String> actions, boolean verify, String verifyProbe, boolean after) {}

  static Arbitrary<Step> step() {
    return Combinators.combine(text(), action().list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false),
        probe(), Arbitraries.of(true, false)).as(Step::new);
  }

  /** A whole drill: metadata, roles, inject, detect, recover, and sometimes comms and debrief. */
  public static Arbitrary<String> drills() {
    return Combinators.combine(
        text(),
        text().list().ofMinSize(1).ofMaxSize(2),
        probe().list().ofMinSize(1).ofMaxSize(4),
        step().list().ofMinSize(1).ofMaxSize(5),
        Arbitraries.of(true, false),
        text().list().ofMaxSize(2),
        Arbitraries.of("", " matches \"^[a-z0-9.-]+$\"", "\n    matches \"[a-z.]+\""))
        .as(GeneratedDrills::drill);
  }

  private static String drill(String title, List<String> injects, List<String> signals, List<Step> steps,
      boolean comms, List<String> questions, String pattern) {
    StringBuilder d = new StringBuilder();
    d.append("drill generated {\n")
        .append("  title ").append(quote(title)).append('\n')
        .append("  owner \"team\"\n")
        .append("  timebox 3h\n")
        .append("  param host = \"app.staging.internal\"").append(pattern).append('\n')
        .append("  roles {\n    operator \"Runs the steps\"\n    liaison \"Talks\"\n  }\n");
    for (int i = 0; i < injects.size(); i++) {
      d.append("  inject fault-").append(i).append(" { run ").append(quote(injects.get(i)))
          .append(" undo \"ssh ${host} undo-").append(i).append("\" }\n");
    }
    d.append("  detect any within 10m {\n");
    for (int i = 0; i < signals.size(); i++) {
      d.append("    signal signal-").append(i).append(" { ").append(signals.get(i)).append(" }\n");
    }
    d.append("  }\n  recover within 1h {\n");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String id = "step-" + i;
      d.append("    step ").append(id).append(' ').append(quote(s.title())).append(" by operator");
      if (s.after() && !ids.isEmpty()) {
        d.append(" after ").append(ids.get(0));
      }
      d.append(" {\n");
      s.actions().forEach(a -> d.append("      ").append(a).append('\n'));
      if (s.verify()) {
        d.append("      verify { ").append(s.verifyProbe()).append(" } within 5m\n");
      }
      d.append("    }\n");
      ids.add(id);
    }
    d.append("  }\n");
    if (comms) {
      d.append("  comms {\n    update \"stakeholders\" every 15m by liaison\n  }\n");
    }
    if (!questions.isEmpty()) {
      d.append("  debrief {\n");
      questions.forEach(q -> d.append("    ask ").append(quote(q)).append('\n'));
      d.append("  }\n");
    }
    return d.append("}\n").toString();
  }
}
