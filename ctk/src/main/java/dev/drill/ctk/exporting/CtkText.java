package dev.drill.ctk.exporting;

import dev.drill.plan.Interpolation;
import dev.drill.plan.shell.ShellScript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Drill text as Chaos Toolkit reads it. CTK substitutes {@code ${name}} (names of letters,
 * digits and {@code _}) and reads {@code $$} as {@code $}: a reference to {@code host-name}
 * is written {@code ${host_name}}, and a literal {@code $} doubled where CTK substitutes.
 */
final class CtkText {

  private CtkText() {}

  /** The CTK name of a drill param or secret: {@code host-name} is {@code host_name}. */
  static String key(String drillName) {
    return drillName.replace('-', '_');
  }

  /** A template for a place where CTK substitutes. */
  static String substituted(String template) {
    StringBuilder out = new StringBuilder();
    for (Interpolation.Part part : Interpolation.parse(template)) {
      if (part instanceof Interpolation.Literal literal) {
        out.append(literal.text().replace("$", "$$"));
      } else if (part instanceof Interpolation.Reference reference) {
        out.append("${").append(key(reference.name())).append('}');
      }
    }
    return out.toString();
  }

  /** Whether the template holds a reference. */
  static boolean refers(String template) {
    return Interpolation.parse(template).stream().anyMatch(Interpolation.Reference.class::isInstance);
  }

  /**
   * A shell command as the arguments of {@code sh -c}: the script reads each value from a
   * positional argument, which CTK substitutes whole, so a value stays data in CTK as it is
   * in drill: {@code ["-c", "export DRILL_HOST=\"$1\"\n...", "drill", "${host}"]}.
   *
   * @param defaults a value for the one place a script holds a value itself (a quoted here-document)
   * @param substitutes whether CTK substitutes in process arguments (it does when the experiment
   *     has configuration or secrets): then every '$' of the script is doubled, and CTK undoubles it
   */
  static List<String> shellArguments(String command, Function<String, String> defaults, boolean substitutes) {
    ShellScript script = ShellScript.parse(command);
    Set<String> names = new LinkedHashSet<>();
    script.uses().forEach(use -> names.add(use.name()));
    StringBuilder prelude = new StringBuilder();
    List<String> values = new ArrayList<>();
    int n = 1;
    for (String name : names) {
      prelude.append("export ").append(ShellScript.variable(name)).append("=\"$").append(n++).append("\"\n");
      values.add("${" + key(name) + "}");
    }
    List<String> arguments = new ArrayList<>();
    arguments.add("-c");
    String text = prelude + script.script(defaults);
    arguments.add(substitutes ? text.replace("$", "$$") : text);
    if (!values.isEmpty()) {
      arguments.add("drill");
      arguments.addAll(values);
    }
    return arguments;
  }
}
