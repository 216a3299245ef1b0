package dev.drill.runtime;

import dev.drill.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a run needs before it may start: the values of every param and secret, and the
 * environment guard. Each problem is a sentence for the person at the terminal; a run
 * with any problem does not start.
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
   * Params from {@code --set} values or their defaults; secrets from the environment
   * variables the drill names.
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
      Optional<String> value = Optional.ofNullable(set.get(param.name())).or(param::defaultValue);
      if (value.isEmpty()) {
        problems.add("param '" + param.name() + "' has no default: give it with --set " + param.name() + "=VALUE");
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
    return new Bound(problems.isEmpty() ? Optional.of(new Bindings(params, secrets)) : Optional.empty(), problems);
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
