package dev.drill.runtime;

import dev.drill.plan.Interpolation;
import dev.drill.plan.shell.ShellScript;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values of a run's params and secrets. Text is rendered with them for requests and
 * probes; commands get them as environment variables (see {@link ShellScript}); and
 * everything written anywhere passes {@link #redact} first, so no secret value is printed.
 */
public final class Bindings {

  /** What a secret value is replaced by. */
  static final String REDACTED = "********";

  private final Map<String, String> values;
  private final Set<String> secrets;

  public Bindings(Map<String, String> params, Map<String, String> secrets) {
    Map<String, String> all = new LinkedHashMap<>(params);
    all.putAll(secrets);
    this.values = Map.copyOf(all);
    this.secrets = Set.copyOf(secrets.keySet());
  }

  public static Bindings none() {
    return new Bindings(Map.of(), Map.of());
  }

  /** The template with every reference replaced by its value; an unknown reference stays as written. */
  public String render(String template) {
    StringBuilder out = new StringBuilder();
    for (Interpolation.Part part : Interpolation.parse(template)) {
      if (part instanceof Interpolation.Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Interpolation.Reference reference) {
        out.append(values.getOrDefault(reference.name(), "${" + reference.name() + "}"));
      }
    }
    return out.toString();
  }

  /**
   * A command as the shell will read it, each value quoted for where it stands ({@link
   * ShellScript#shown}); a secret is shown as its redaction, never quoted (which would hide
   * it from {@link #redact}).
   */
  public String shownCommand(String template) {
    return ShellScript.parse(template).shown(name -> secrets.contains(name) && values.containsKey(name)
        ? REDACTED : values.get(name));
  }

  /** The value of a param or secret, when the run has one. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Every value as an environment variable ({@link ShellScript#variable}), for the processes a run starts. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    values.forEach((name, value) -> env.put(ShellScript.variable(name), value));
    return env;
  }

  /** The text with every secret value replaced, longest first so no part of one survives. */
  public String redact(String text) {
    List<String> hidden = secrets.stream().map(values::get).filter(v -> v != null && !v.isEmpty())
        .sorted((a, b) -> Integer.compare(b.length(), a.length())).collect(java.util.stream.Collectors.toList());
    String out = text;
    for (String value : hidden) {
      out = out.replace(value, REDACTED);
    }
    return out;
  }
}
