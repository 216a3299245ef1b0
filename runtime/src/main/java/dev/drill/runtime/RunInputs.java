package dev.drill.runtime;

import dev.drill.plan.Plan;
import dev.drill.plan.shell.ShellScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a run needs before it may start: the values of every param and secret, values that
 * commands cannot mistake for something else, and the environment guard. Each problem is a
 * sentence for the person at the terminal, with the fix, never showing a secret's value; a
 * run with any problem does not start.
 */
public final class RunInputs {

  private RunInputs() {}

  /** The bindings, or the problems that keep the run from starting. */
  public record Bound(Optional<Bindings> bindings, List<String> problems) {
    public Bound {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Params from {@code --set} values, else the environment variable a param names, else their
   * defaults; secrets from the environment
   * variables the drill names. Then every value must match its pattern, or, without one,
   * not start with '-' (a command would read it as an option); and wherever another shell
   * parses a value again ({@link ShellScript#refusals}), it must pass the strict check.
   *
   * @param environment reads an environment variable (System::getenv, or a map in tests)
   */
  public static Bound bind(Plan plan, Map<String, String> set, Function<String, String> environment) {
    List<String> problems = new ArrayList<>();
    for (String name : set.keySet()) {
      if (plan.params().stream().noneMatch(p -> p.name().equals(name))) {
        problems.add("--set " + name + ": the drill has no param '" + name + "'"
            + (plan.secrets().stream().anyMatch(s -> s.name().equals(name))
                ? " (it is a secret: set its environment variable instead)" : ""));
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (Plan.Param param : plan.params()) {
      Optional<String> value = Optional.ofNullable(set.get(param.name()))
          .or(() -> param.env().map(environment))
          .or(param::defaultValue);
      if (value.isEmpty()) {
        problems.add("param '" + param.name() + "' has no default: give it with --set " + param.name() + "=VALUE"
            + param.env().map(env -> " or set the environment variable " + env).orElse(""));
      } else {
        params.put(param.name(), value.get());
      }
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    for (Plan.Secret secret : plan.secrets()) {
      String value = environment.apply(secret.env());
      if (value == null) {
        problems.add("secret '" + secret.name() + "' comes from the environment variable " + secret.env()
            + ", which is not set");
      } else {
        secrets.put(secret.name(), value);
      }
    }
    Bindings bindings = new Bindings(params, secrets);
    Set<String> refused = new LinkedHashSet<>();
    for (Plan.Param param : plan.params()) {
      if (params.containsKey(param.name())) {
        shape("param '" + param.name() + "' is '" + params.get(param.name()) + "', which",
            params.get(param.name()), param.pattern(), "give a value that does: --set " + param.name() + "=VALUE",
            "param " + param.name() + " matches \"...\"", refused);
      }
    }
    for (Plan.Secret secret : plan.secrets()) {
      if (secrets.containsKey(secret.name())) {
        shape("secret '" + secret.name() + "' (from " + secret.env() + ")", secrets.get(secret.name()),
            secret.pattern(), "set " + secret.env() + " to a value that does",
            "secret " + secret.name() + " = env \"" + secret.env() + "\" matches \"...\"", refused);
      }
    }
    for (PlanCommands.Command command : PlanCommands.of(plan)) {
      for (ShellScript.Refusal refusal : ShellScript.parse(command.text()).refusals(n -> bindings.value(n).orElse(null))) {
        refused.add(reparsed(plan, refusal, command, bindings));
      }
    }
    refused.forEach(problem -> problems.add(bindings.redact(problem)));
    return new Bound(problems.isEmpty() ? Optional.of(bindings) : Optional.empty(), problems);
  }

  /** A value against its pattern (the whole value must match), or without one, its first character. */
  private static void shape(String subject, String value, Optional<String> pattern, String fix, String declare,
      Set<String> out) {
    if (pattern.isEmpty()) {
      if (value.startsWith("-")) {
        out.add(subject + " starts with '-': a command could read it as an option. If it may hold that, declare"
            + " what it may hold: " + declare);
      }
      return;
    }
    try {
      if (!Pattern.compile(pattern.get()).matcher(value).matches()) {
        out.add(subject + " does not match its pattern \"" + pattern.get() + "\"; " + fix);
      }
    } catch (PatternSyntaxException e) {
      out.add(subject + " cannot be checked: its pattern \"" + pattern.get() + "\" is not a valid regular expression ("
          + e.getDescription() + "); recompile the drill");
    }
  }

  private static String reparsed(Plan plan, ShellScript.Refusal refusal, PlanCommands.Command command,
      Bindings bindings) {
    boolean secret = plan.secrets().stream().anyMatch(s -> s.name().equals(refusal.name()));
    String value = secret ? "its value " : "its value '" + bindings.value(refusal.name()).orElse("") + "' ";
    String fix = refusal.place().startsWith("the script of ")
        ? "pass it to the script as an argument instead (" + ShellScript.argumentIdiom(refusal.name())
            + ") or use a value of only those characters"
        : "use a value of only those characters";
    return (secret ? "secret '" : "param '") + refusal.name() + "' goes into " + refusal.place() + " in "
        + command.place() + ": " + command.text().replace("\n", "\\n") + "; another shell parses that text again,"
        + " where a value must be " + ShellScript.STRICT_CHARACTERS + " (not empty, not starting with '-'), and "
        + value + refusal.reason() + "; " + fix;
  }

  /** The plan's environment must be the target; production needs its own, explicit, permission. */
  public static Optional<String> guard(Plan plan, String target, boolean allowProduction) {
    if (!plan.environment().equals(target)) {
      return Optional.of("the drill is for environment '" + plan.environment() + "', this run targets '"
          + target + "'; run it with --env " + plan.environment() + " if that is what you mean");
    }
    if (target.equals("production") && !allowProduction) {
      return Optional.of("this drill runs against PRODUCTION; nothing was done. If you really mean it, add"
          + " --allow-production");
    }
    return Optional.empty();
  }
}
