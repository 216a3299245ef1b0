package dev.drill.ctk.importing;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.ctk.document.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Chaos Toolkit experiment as the text of one drill of {@code kind experiment}: the
 * hypothesis as the steady checks (before the method and after it), the method as inject
 * steps in order, the rollbacks as the teardown (which drill always runs), configuration
 * and secrets as params and secrets. The text is written plainly; the formatter lays it out.
 */
public final class ExperimentImport {

  /** A drill written from an experiment, and what was approximated or refused on the way. */
  public record Result(Optional<Drill> drill, List<dev.drill.compiler.diagnostic.Diagnostic> findings) {}

  /** The drill's id and its text, not yet laid out. */
  public record Drill(String id, String text) {}

  private final Findings findings;
  private final Node.Mapping experiment;
  private final String fileName;
  private final String environment;
  private final References references;
  private final Activities activities;
  private final Ids stepIds = new Ids();
  private final Map<String, Node.Mapping> named = new LinkedHashMap<>();
  private final Fallbacks fallbacks;

  private ExperimentImport(Findings findings, Node.Mapping experiment, String fileName, String environment,
      Fallbacks fallbacks) {
    this.fallbacks = fallbacks;
    this.findings = findings;
    this.experiment = experiment;
    this.fileName = fileName;
    this.environment = environment;
    this.references = new References(findings);
    this.activities = new Activities(findings, references, fallbacks);
  }

  /**
   * @param shown the experiment file as messages name it
   * @param fileName the file's name, for the drill's header comment
   * @param fallbacks the items to write another way; the text marks each item with its place
   *     ({@link Fallbacks#withoutMarkers} removes the marks)
   */
  public static Result convert(Node root, String shown, String fileName, String environment, Fallbacks fallbacks) {
    Findings findings = new Findings(shown);
    ExperimentRules.check(root, findings);
    if (findings.hasErrors() || !(root instanceof Node.Mapping experiment)) {
      return new Result(Optional.empty(), findings.all());
    }
    ExperimentImport conversion = new ExperimentImport(findings, experiment, fileName, environment, fallbacks);
    String text = conversion.write();
    String id = Ids.kebab(Activities.text(experiment, "title")).orElse("experiment");
    return new Result(Optional.of(new Drill(id, text)), findings.all());
  }

  private String write() {
    collectNamed();
    List<Declaration> params = params();
    List<Declaration> secrets = secrets();
    // The steps first: they tell which params and secrets are used.
    List<String> setup = setup();
    List<String> steady = steady();
    List<String> inject = method();
    List<String> teardown = rollbacks();
    List<String> out = new ArrayList<>();
    out.add("# Imported by drill import ctk from the Chaos Toolkit experiment " + DrillText.comment(fileName) + ".");
    out.add("drill " + Ids.kebab(Activities.text(experiment, "title")).orElse("experiment") + " {");
    out.add("title " + DrillText.quoted(Activities.text(experiment, "title")));
    String description = Activities.text(experiment, "description");
    if (!description.isEmpty()) {
      out.add("summary " + DrillText.quoted(description));
    }
    out.add("# Chaos Toolkit names no owner: write the team that maintains this drill.");
    out.add("owner \"unassigned\"");
    out.add("# An unattended experiment: the steady state is checked before the method and again after it.");
    out.add("kind experiment");
    List<String> tags = new ArrayList<>();
    Activities.list(experiment.get("tags")).forEach(t -> tags.add(DrillText.quoted(Python.str(t))));
    if (!tags.isEmpty()) {
      out.add("tags " + String.join(", ", tags));
    }
    out.add("environment " + environment);
    out.addAll(metadataComments());
    out.addAll(declarations(params));
    out.addAll(declarations(secrets));
    out.addAll(setup);
    out.addAll(teardown);
    out.addAll(steady);
    out.addAll(inject);
    out.add("}");
    return String.join("\n", out) + "\n";
  }

  // ---- metadata ----

  private List<String> metadataComments() {
    List<String> lines = new ArrayList<>();
    experiment.get("contributions").ifPresent(c -> {
      List<String> parts = new ArrayList<>();
      Json.entries(c).forEach((k, v) -> parts.add(k + " " + Python.str(v)));
      lines.add(DrillText.comment("# Contributions: " + (parts.isEmpty() ? Json.compact(c) : String.join(", ", parts)) + "."));
    });
    for (Node extension : Activities.list(experiment.get("extensions"))) {
      String name = extension instanceof Node.Mapping m ? Activities.text(m, "name") : "";
      if (name.equals("drill") && extension instanceof Node.Mapping drill) {
        lines.addAll(exportedBy(drill));
        continue;
      }
      findings.add(Code.D951, extension.at(), "extensions: extension " + (name.isEmpty() ? "without a name" : name)
          + " is not read by drill; kept as a comment");
      lines.add("# Chaos Toolkit extension: " + Json.compact(extension));
    }
    if (experiment.get("runtime").orElse(null) instanceof Node.Mapping runtime) {
      lines.add("# Chaos Toolkit runtime settings: " + Json.compact(runtime));
      findings.add(Code.D952, runtime.at(), "runtime: drill always runs the rollbacks, at the end, and checks the"
          + " hypothesis before and after the method; these settings are kept as a comment");
    }
    return lines;
  }

  /** What drill export ctk kept out of the experiment, as comments: the reader learns what the drill had. */
  private static List<String> exportedBy(Node.Mapping drill) {
    List<String> lines = new ArrayList<>();
    List<Node> kept = Activities.list(drill.get("notExported"));
    lines.add(DrillText.comment("# Exported by drill from the drill " + Activities.text(drill, "drill") + " (kind "
        + Activities.text(drill, "kind") + ", owner " + Activities.text(drill, "owner") + ")"
        + (kept.isEmpty() ? "." : "; not in the experiment:")));
    for (Node item : kept) {
      if (item instanceof Node.Mapping m) {
        lines.add(DrillText.comment("#   " + Activities.text(m, "what") + " (" + Activities.text(m, "at") + "): "
            + Activities.text(m, "drill")));
      }
    }
    return lines;
  }

  // ---- configuration and secrets ----

  private final Ids valueNames = new Ids();

  /** A param or secret, and the line that declares it. */
  private record Declaration(String place, String name, String line) {}

  private List<Declaration> params() {
    List<Declaration> lines = new ArrayList<>();
    for (Map.Entry<String, Node> entry : Json.entries(experiment.get("configuration")
        .orElse(new Node.Null(experiment.at()))).entrySet()) {
      String name = valueNames.allocate(entry.getKey(), "value");
      Node value = entry.getValue();
      if (value instanceof Node.Mapping typed && "env".equals(Activities.text(typed, "type"))) {
        String variable = Activities.text(typed, "key");
        Optional<String> fallback = typed.get("default").map(Python::str);
        references.param(entry.getKey(), name, fallback);
        String place = "configuration." + entry.getKey();
        lines.add(new Declaration(place, name, "param " + name + " = env "
            + DrillText.quoted(variable(place, variable, name, value))
            + fallback.map(d -> " default " + DrillText.quoted(d)).orElse("") + anyValue(place, value)));
      } else {
        String text = value instanceof Node.Mapping || value instanceof Node.Sequence ? Json.compact(value)
            : Python.str(value);
        if (value instanceof Node.Mapping object) {
          findings.add(Code.D952, value.at(), "configuration." + entry.getKey() + ": a value of type "
              + Activities.text(object, "type") + " is not read by drill; its JSON is the param's default");
        }
        references.param(entry.getKey(), name, Optional.of(text));
        lines.add(new Declaration("configuration." + entry.getKey(), name, "param " + name + " = "
            + DrillText.quoted(text) + anyValue("configuration." + entry.getKey(), value)));
      }
    }
    return lines;
  }

  private List<Declaration> secrets() {
    List<Declaration> lines = new ArrayList<>();
    for (Map.Entry<String, Node> group : Json.entries(experiment.get("secrets")
        .orElse(new Node.Null(experiment.at()))).entrySet()) {
      for (Map.Entry<String, Node> entry : Json.entries(group.getValue()).entrySet()) {
        String name = valueNames.allocate(entry.getKey(), "secret");
        Node value = entry.getValue();
        String variable;
        if (value instanceof Node.Mapping typed && "env".equals(Activities.text(typed, "type"))) {
          variable = Activities.text(typed, "key");
        } else {
          variable = name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
          String kind = value instanceof Node.Mapping typed ? Activities.text(typed, "type") + " secret"
              : "secret written in the experiment";
          findings.add(value instanceof Node.Mapping ? Code.D951 : Code.D952, value.at(), "secrets." + group.getKey()
              + "." + entry.getKey() + ": a " + kind + " is not read by drill; it is read from $" + variable);
        }
        references.secret(entry.getKey(), name);
        String place = "secrets." + group.getKey() + "." + entry.getKey();
        lines.add(new Declaration(place, name, "secret " + name + " = env "
            + DrillText.quoted(variable(place, variable, name, value)) + anyValue(place, value)));
      }
    }
    return lines;
  }

  /** Declarations no step uses stay as comments: drill warns about an unused param. */
  private List<String> declarations(List<Declaration> declared) {
    List<String> lines = new ArrayList<>();
    for (Declaration declaration : declared) {
      lines.add(Fallbacks.MARKER + declaration.place());
      lines.add(references.isUsed(declaration.name()) ? declaration.line()
          : "# " + declaration.line() + "   # used by no step drill runs (Chaos Toolkit hands it to Python code)");
    }
    return lines;
  }

  /**
   * A pattern that lets any value through, for a value drill refused as the CTK experiment
   * gives it (a default starting with '-', which most commands read as an option).
   */
  private String anyValue(String place, Node value) {
    return fallbacks.reason(place).filter(why -> !why.startsWith("D404")).map(why -> {
      findings.add(Code.D952, value.at(), place + ": " + why + "; the drill accepts it with matches \".*\":"
          + " narrow the pattern to the values it may hold");
      return " matches \".*\"";
    }).orElse("");
  }

  /** The variable a value is read from; one drill refuses as a name is replaced by one made of the drill name. */
  private String variable(String place, String variable, String name, Node value) {
    return fallbacks.reason(place).filter(why -> why.startsWith("D404")).map(why -> {
      String other = name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
      findings.add(Code.D952, value.at(), place + ": " + why + "; the value is read from $" + other + " instead");
      return other;
    }).orElse(variable);
  }

  // ---- the phases ----

  private List<String> setup() {
    List<String> controls = new ArrayList<>();
    List<Node> all = new ArrayList<>(Activities.list(experiment.get("controls")));
    if (experiment.get("steady-state-hypothesis").orElse(null) instanceof Node.Mapping hypothesis) {
      all.addAll(Activities.list(hypothesis.get("controls")));
    }
    for (Node control : all) {
      Node.Mapping provider = Activities.mapping(control instanceof Node.Mapping c ? c.get("provider") : Optional.empty());
      String name = control instanceof Node.Mapping c ? Activities.text(c, "name") : "";
      findings.add(Code.D951, control.at(), "controls: control " + name + " (python module "
          + Activities.text(provider, "module") + ") is not executable by drill; imported as a manual step");
      controls.add("manual " + references.printed(List.of(new Templates.Literal("Apply the Chaos Toolkit control '"
          + name + "' (Python module " + Activities.text(provider, "module") + ") around the run, then confirm")),
          "controls", control.at()));
    }
    if (controls.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of("setup {"));
    lines.addAll(controls);
    lines.add("}");
    return lines;
  }

  private List<String> steady() {
    if (!(experiment.get("steady-state-hypothesis").orElse(null) instanceof Node.Mapping hypothesis)) {
      return List.of();
    }
    List<Node> probes = Activities.list(hypothesis.get("probes"));
    if (probes.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(DrillText.comment("# Hypothesis: " + Activities.text(hypothesis, "title")));
    lines.add("steady {");
    for (int i = 0; i < probes.size(); i++) {
      String where = "steady-state-hypothesis.probes[" + i + "]";
      Node.Mapping probe = resolve(probes.get(i), where);
      String name = Activities.text(probe, "name");
      where += " " + name;
      lines.add(Fallbacks.MARKER + place(where));
      lines.add("check " + titled(stepIds.allocate(name, "probe"), name) + " {");
      lines.addAll(activities.check(probe, where));
      lines.add("}");
    }
    lines.add("}");
    return lines;
  }

  private List<String> method() {
    List<String> lines = new ArrayList<>();
    List<Node> method = Activities.list(experiment.get("method"));
    for (int i = 0; i < method.size(); i++) {
      String where = "method[" + i + "]";
      Node.Mapping activity = resolve(method.get(i), where);
      String name = Activities.text(activity, "name");
      where += " " + name;
      Activities.Actions actions = activities.actions(activity, where);
      lines.add(Fallbacks.MARKER + place(where));
      boolean background = activity.get("background").orElse(null) instanceof Node.Bool b && b.value();
      if (background && actions.manual()) {
        findings.add(Code.D952, activity.keyAt("background"), where + ": runs in the foreground: drill cannot ask a"
            + " person while the next steps run");
        background = false;
      }
      if ("probe".equals(Activities.text(activity, "type"))) {
        lines.add("# A probe: Chaos Toolkit records its value; drill records its output.");
      }
      lines.add("inject " + titled(stepIds.allocate(name, "activity"), name) + (background ? " background" : "")
          + " {");
      lines.addAll(actions.lines());
      lines.add("}");
    }
    return lines;
  }

  private List<String> rollbacks() {
    List<Node> rollbacks = Activities.list(experiment.get("rollbacks"));
    if (rollbacks.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("# The experiment's rollbacks, in order. drill always runs them at the end, also when the steady");
    lines.add("# state did not hold first or the run was stopped (Chaos Toolkit's default skips them then).");
    lines.add("teardown {");
    for (int i = 0; i < rollbacks.size(); i++) {
      String where = "rollbacks[" + i + "]";
      Node.Mapping activity = resolve(rollbacks.get(i), where);
      where += " " + Activities.text(activity, "name");
      if (activity.get("background").orElse(null) instanceof Node.Bool b && b.value()) {
        findings.add(Code.D952, b.at(), where + ": drill runs the rollbacks one after the other");
      }
      lines.add(Fallbacks.MARKER + place(where));
      lines.add(DrillText.comment("# " + Activities.text(activity, "name")));
      lines.addAll(activities.actions(activity, where).lines());
    }
    lines.add("}");
    return lines;
  }

  /** The place of an item in the experiment: {@code method[2]} of {@code method[2] delete-pod}. */
  static String place(String where) {
    int space = where.indexOf(' ');
    return space < 0 ? where : where.substring(0, space);
  }

  /** The id, and the name as the title when it says more than the id (which is the default title). */
  private static String titled(String id, String name) {
    return name.equals(id) ? id : id + " " + DrillText.quoted(name);
  }

  // ---- refs ----

  private void collectNamed() {
    List<Node> all = new ArrayList<>();
    if (experiment.get("steady-state-hypothesis").orElse(null) instanceof Node.Mapping hypothesis) {
      all.addAll(Activities.list(hypothesis.get("probes")));
    }
    all.addAll(Activities.list(experiment.get("method")));
    all.addAll(Activities.list(experiment.get("rollbacks")));
    for (Node node : all) {
      if (node instanceof Node.Mapping activity && !activity.has("ref")) {
        named.putIfAbsent(Activities.text(activity, "name"), activity);
      }
    }
  }

  /** The activity itself, or the one its {@code ref} names (a copy of it runs in this place). */
  private Node.Mapping resolve(Node node, String where) {
    Node.Mapping activity = Activities.mapping(Optional.of(node));
    String ref = Activities.text(activity, "ref");
    return ref.isEmpty() ? activity : named.getOrDefault(ref, activity);
  }
}
