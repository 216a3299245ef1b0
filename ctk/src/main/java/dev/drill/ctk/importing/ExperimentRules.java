package dev.drill.ctk.importing;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.ctk.document.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules Chaos Toolkit itself applies before it runs an experiment (chaoslib's
 * {@code ensure_experiment_is_valid}), so that drill refuses what CTK refuses, each finding
 * at its place, with the experiment path ({@code method[1].provider}) in its message.
 */
final class ExperimentRules {

  private static final Set<String> TOLERANCE_TYPES = Set.of("probe", "regex", "jsonpath", "range");

  private final Findings findings;
  private final Set<String> names = new HashSet<>();

  private ExperimentRules(Findings findings) {
    this.findings = findings;
  }

  static void check(Node root, Findings findings) {
    new ExperimentRules(findings).experiment(root);
  }

  private void experiment(Node root) {
    if (!(root instanceof Node.Mapping experiment)) {
      findings.add(Code.D904, root.at(), "an experiment is an object, not " + root.kind());
      return;
    }
    if (isLegacy(experiment)) {
      return;
    }
    text(experiment, "title", "experiment", true);
    text(experiment, "description", "experiment", true);
    experiment.get("tags").ifPresent(tags -> {
      if (!(tags instanceof Node.Sequence list)) {
        findings.add(Code.D904, tags.at(), "tags: a list of strings, not " + tags.kind());
        return;
      }
      for (Node tag : list.items()) {
        if (!(tag instanceof Node.Text text) || text.value().isEmpty()) {
          findings.add(Code.D904, tag.at(), "tags: each tag is a non-empty string");
        }
      }
    });
    for (String key : List.of("configuration", "secrets")) {
      experiment.get(key).filter(v -> !(v instanceof Node.Mapping)).ifPresent(v ->
          findings.add(Code.D904, v.at(), key + ": an object, not " + v.kind()));
    }
    // Names first: a ref may name an activity declared after it (chaoslib looks through all).
    collectNames(experiment);
    experiment.get("steady-state-hypothesis").ifPresent(this::hypothesis);
    Optional<Node> method = experiment.get("method");
    if (method.isEmpty()) {
      findings.add(Code.D903, experiment.at(), "the experiment has no 'method'",
          "Chaos Toolkit requires one: write \"method\": [] for an experiment that only checks its hypothesis");
    } else {
      activities(method.get(), "method", false);
    }
    experiment.get("rollbacks").ifPresent(r -> activities(r, "rollbacks", false));
  }

  /** The format before 1.0: method steps with "probes"/"action" objects and no "type". */
  private boolean isLegacy(Node.Mapping experiment) {
    Optional<Node> version = experiment.get("version");
    if (version.isPresent() && version.get() instanceof Node.Text text && !text.value().startsWith("1.")) {
      findings.add(Code.D902, version.get().at(), "experiment version '" + text.value() + "' is not 1.x",
          "drill reads the Chaos Toolkit experiment format 1.0");
      return true;
    }
    if (experiment.get("method").orElse(null) instanceof Node.Sequence steps) {
      for (Node step : steps.items()) {
        if (step instanceof Node.Mapping m && !m.has("type") && !m.has("ref")
            && (m.has("probes") || m.has("action"))) {
          findings.add(Code.D902, step.at(),
              "method[" + steps.items().indexOf(step) + "] is written in the format before Chaos Toolkit 1.0"
                  + " ('probes' and 'action' inside a step)",
              "rewrite it in the 1.0 format: activities with \"type\": \"action\" or \"probe\" and a \"provider\"",
              "Chaos Toolkit 1.0 refuses this file too ('an activity must have a type')");
          return true;
        }
      }
    }
    return false;
  }

  private void collectNames(Node.Mapping experiment) {
    if (experiment.get("steady-state-hypothesis").orElse(null) instanceof Node.Mapping hypothesis) {
      hypothesis.get("probes").ifPresent(this::collect);
    }
    experiment.get("method").ifPresent(this::collect);
    experiment.get("rollbacks").ifPresent(this::collect);
  }

  private void collect(Node activities) {
    if (activities instanceof Node.Sequence list) {
      for (Node item : list.items()) {
        if (item instanceof Node.Mapping m && m.get("name").orElse(null) instanceof Node.Text name) {
          names.add(name.value());
        }
      }
    }
  }

  private void hypothesis(Node node) {
    if (!(node instanceof Node.Mapping hypothesis)) {
      findings.add(Code.D904, node.at(), "steady-state-hypothesis: an object, not " + node.kind());
      return;
    }
    text(hypothesis, "title", "steady-state-hypothesis", true);
    hypothesis.get("probes").ifPresent(probes -> activities(probes, "steady-state-hypothesis.probes", true));
  }

  private void activities(Node node, String path, boolean hypothesis) {
    if (!(node instanceof Node.Sequence list)) {
      findings.add(Code.D904, node.at(), path + ": a list of activities, not " + node.kind());
      return;
    }
    for (int i = 0; i < list.items().size(); i++) {
      activity(list.items().get(i), path + "[" + i + "]", hypothesis);
    }
  }

  private void activity(Node node, String path, boolean hypothesis) {
    if (!(node instanceof Node.Mapping activity) || activity.entries().isEmpty()) {
      findings.add(Code.D904, node.at(), path + ": an activity is a non-empty object");
      return;
    }
    Optional<Node> ref = activity.get("ref");
    if (ref.isPresent()) {
      if (!(ref.get() instanceof Node.Text text) || text.value().isEmpty()) {
        findings.add(Code.D904, ref.get().at(), path + ".ref: the name of an activity, a non-empty string");
      } else if (!names.contains(text.value())) {
        findings.add(Code.D906, ref.get().at(), path + ": no activity is named '" + text.value() + "'",
            "a ref names an activity declared in the hypothesis, the method or the rollbacks");
      }
      return;
    }
    Optional<String> type = text(activity, "type", path, true);
    type.filter(t -> !t.equals("action") && !t.equals("probe")).ifPresent(t ->
        findings.add(Code.D904, activity.get("type").get().at(),
            path + ".type: '" + t + "' is not an activity type", "an activity is an \"action\" or a \"probe\""));
    text(activity, "name", path, true);
    activity.get("background").filter(b -> !(b instanceof Node.Bool)).ifPresent(b ->
        findings.add(Code.D904, b.at(), path + ".background: true or false, not " + b.kind()));
    activity.get("pauses").ifPresent(pauses -> pauses(pauses, path + ".pauses"));
    Optional<Node> provider = activity.get("provider");
    if (provider.isEmpty()) {
      findings.add(Code.D903, activity.keyAt("name"), path + ": the activity has no 'provider'");
    } else {
      provider(provider.get(), path + ".provider");
    }
    if (hypothesis) {
      Optional<Node> tolerance = activity.get("tolerance");
      if (tolerance.isEmpty()) {
        findings.add(Code.D903, activity.keyAt("name"), path + ": a hypothesis probe has no 'tolerance'",
            "Chaos Toolkit needs one to judge the probe's value");
      } else {
        tolerance(tolerance.get(), path + ".tolerance");
      }
    }
  }

  private void pauses(Node node, String path) {
    if (!(node instanceof Node.Mapping pauses)) {
      findings.add(Code.D904, node.at(), path + ": an object with 'before' and 'after', not " + node.kind());
      return;
    }
    for (String when : List.of("before", "after")) {
      pauses.get(when).ifPresent(pause -> {
        boolean reference = pause instanceof Node.Text t && t.value().startsWith("${") && t.value().endsWith("}");
        boolean number = pause instanceof Node.Number n && n.value().signum() >= 0;
        if (!reference && !number) {
          findings.add(Code.D904, pause.at(), path + "." + when + ": a number of seconds or a ${name}, not "
              + (pause instanceof Node.Number ? "a negative number" : pause.kind()));
        }
      });
    }
  }

  private void provider(Node node, String path) {
    if (!(node instanceof Node.Mapping provider)) {
      findings.add(Code.D904, node.at(), path + ": an object, not " + node.kind());
      return;
    }
    Optional<String> type = text(provider, "type", path, true);
    if (type.isEmpty()) {
      return;
    }
    switch (type.get()) {
      case "python":
        text(provider, "module", path, true);
        text(provider, "func", path, true);
        break;
      case "process":
        text(provider, "path", path, true);
        provider.get("arguments").filter(a -> a instanceof Node.Bool || a instanceof Node.Number)
            .ifPresent(a -> findings.add(Code.D904, a.at(), path + ".arguments: a string, a list or an object, not "
                + a.kind()));
        timeout(provider, path);
        break;
      case "http":
        text(provider, "url", path, true);
        provider.get("headers").filter(h -> !(h instanceof Node.Mapping)).ifPresent(h ->
            findings.add(Code.D904, h.at(), path + ".headers: an object of names and values, not " + h.kind()));
        text(provider, "method", path, false);
        timeout(provider, path);
        break;
      default:
        findings.add(Code.D904, provider.get("type").get().at(),
            path + ".type: unknown provider type '" + type.get() + "'", "a provider is python, process or http");
    }
  }

  private void timeout(Node.Mapping provider, String path) {
    provider.get("timeout").ifPresent(timeout -> {
      boolean ok = timeout instanceof Node.Number n && n.value().signum() >= 0
          || timeout instanceof Node.Sequence pair && pair.items().size() == 2
              && pair.items().stream().allMatch(i -> i instanceof Node.Number n && n.value().signum() >= 0)
          || timeout instanceof Node.Text t && t.value().startsWith("${");
      if (!ok) {
        findings.add(Code.D904, timeout.at(), path + ".timeout: a number of seconds (or, for http, a pair),"
            + " not " + timeout.kind());
      }
    });
  }

  private void tolerance(Node node, String path) {
    if (node instanceof Node.Null || node instanceof Node.Number n && !n.integral()) {
      findings.add(Code.D907, node.at(), path + ": a tolerance is a boolean, an integer, a string, a list or an"
          + " object, not " + (node instanceof Node.Null ? "null" : "a decimal number"));
      return;
    }
    if (!(node instanceof Node.Mapping tolerance)) {
      return;
    }
    Optional<Node> typeNode = tolerance.get("type");
    String type = typeNode.orElse(null) instanceof Node.Text t ? t.value() : "";
    if (!TOLERANCE_TYPES.contains(type)) {
      findings.add(Code.D905, typeNode.map(Node::at).orElse(tolerance.at()),
          path + ": " + (typeNode.isEmpty() ? "the tolerance has no type" : "unknown tolerance type '" + type + "'"),
          "a tolerance object is of type probe, regex, jsonpath or range",
          "Chaos Toolkit refuses this experiment too");
      return;
    }
    switch (type) {
      case "probe":
        activity(tolerance, path, false);
        break;
      case "regex":
        Optional<String> pattern = text(tolerance, "pattern", path, true);
        pattern.ifPresent(p -> {
          try {
            Pattern.compile(Regexes.toJava(p));
          } catch (PatternSyntaxException e) {
            findings.add(Code.D907, tolerance.get("pattern").get().at(),
                path + ".pattern: not a regular expression drill can read: " + e.getDescription());
          }
        });
        break;
      case "jsonpath":
        Optional<String> jsonPath = text(tolerance, "path", path, true);
        jsonPath.filter(String::isBlank).ifPresent(p -> findings.add(Code.D907,
            tolerance.get("path").get().at(), path + ".path: an empty JSON path"));
        tolerance.get("count").filter(c -> !(c instanceof Node.Number n && n.integral() && n.value().signum() >= 0))
            .ifPresent(c -> findings.add(Code.D907, c.at(), path + ".count: a whole number, not " + c.kind()));
        break;
      default:
        Optional<Node> range = tolerance.get("range");
        if (range.isEmpty()) {
          findings.add(Code.D903, tolerance.at(), path + ": a range tolerance has no 'range'");
        } else if (!(range.get() instanceof Node.Sequence pair && pair.items().size() == 2
            && pair.items().stream().allMatch(Node.Number.class::isInstance))) {
          findings.add(Code.D907, range.get().at(), path + ".range: two numbers, the lower and the upper bound");
        }
    }
  }

  /** The string at {@code key}: missing (when required) or not a string is reported. */
  private Optional<String> text(Node.Mapping object, String key, String path, boolean required) {
    Optional<Node> value = object.get(key);
    if (value.isEmpty()) {
      if (required) {
        findings.add(Code.D903, object.at(), (path.equals("experiment") ? "the experiment" : path)
            + " has no '" + key + "'");
      }
      return Optional.empty();
    }
    if (!(value.get() instanceof Node.Text text) || text.value().isEmpty()) {
      findings.add(Code.D904, value.get().at(), path + "." + key + ": a non-empty string, not "
          + (value.get() instanceof Node.Text ? "an empty one" : value.get().kind()));
      return Optional.empty();
    }
    return Optional.of(text.value());
  }
}
