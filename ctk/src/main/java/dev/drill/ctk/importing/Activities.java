package dev.drill.ctk.importing;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.ctk.document.Node;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chaos Toolkit activities as drill text: an action of the method or the rollbacks as the
 * actions of a step ({@code run}, {@code http}, a {@code manual} step for what drill cannot
 * execute, pauses as {@code wait}s); a hypothesis probe as the probe of a steady check, its
 * tolerance as expectations. Process and http actions keep CTK's rule that only a command
 * that cannot run, or a request that gets no response, fails: {@code expect exit >= 0},
 * {@code expect status >= 100}.
 */
final class Activities {

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** The drill text of a step's actions, and whether a person must do one of them. */
  record Actions(List<String> lines, boolean manual) {}

  private final Findings findings;
  private final References references;
  private final Tolerances tolerances;
  private final Fallbacks fallbacks;

  Activities(Findings findings, References references, Fallbacks fallbacks) {
    this.findings = findings;
    this.references = references;
    this.fallbacks = fallbacks;
    this.tolerances = new Tolerances(findings, references);
  }

  Actions actions(Node.Mapping activity, String where) {
    Optional<String> refused = fallbacks.reason(ExperimentImport.place(where));
    if (refused.isPresent()) {
      findings.add(Code.D952, activity.at(), where + ": drill refuses it as Chaos Toolkit gives it (" + refused.get()
          + "); imported as a manual step");
      return new Actions(List.of("manual " + references.printed(references.parts("Do what the Chaos Toolkit "
          + text(activity, "type") + " '" + text(activity, "name") + "' does: " + callOf(activity) + "; then confirm",
          true), where, activity.at())), true);
    }
    List<String> lines = new ArrayList<>();
    boolean manual = false;
    for (Node control : list(activity.get("controls"))) {
      lines.add(controlStep(control, where));
      manual = true;
    }
    Node.Mapping pauses = activity.get("pauses").orElse(null) instanceof Node.Mapping p ? p : null;
    if (pauses != null && pauses.has("before")) {
      manual |= pause(pauses.get("before").get(), where, lines);
    }
    Node.Mapping provider = mapping(activity.get("provider"));
    String type = text(provider, "type");
    switch (type) {
      case "http":
        lines.add(http(provider, where, false).orElseGet(() -> manualAction(activity, where, "its request")));
        manual |= lines.get(lines.size() - 1).startsWith("manual");
        break;
      case "process":
        lines.add("run " + command(provider, where) + timeout(provider, "timeout") + " expect exit >= 0");
        break;
      default:
        findings.add(Code.D951, provider.get("module").map(Node::at).orElse(activity.at()), where
            + ": python provider " + callName(provider) + " is not executable by drill; imported as a manual step");
        lines.add("manual " + references.printed(references.parts(
            "Call " + callOf(activity) + " (a Chaos Toolkit Python " + text(activity, "type")
                + " drill cannot run), then confirm", true), where, activity.at()));
        manual = true;
    }
    if (pauses != null && pauses.has("after")) {
      manual |= pause(pauses.get("after").get(), where, lines);
    }
    return new Actions(lines, manual);
  }

  /** The body of a steady check: the probe and its options, or a question to a person. */
  List<String> check(Node.Mapping probe, String where) {
    Node.Mapping provider = mapping(probe.get("provider"));
    String type = text(provider, "type");
    Node tolerance = probe.get("tolerance").orElse(new Node.Bool(true, probe.at()));
    Optional<String> refused = fallbacks.reason(ExperimentImport.place(where));
    if (refused.isPresent()) {
      findings.add(Code.D952, probe.at(), where + ": drill refuses it as Chaos Toolkit gives it (" + refused.get()
          + "); imported as a question to a person");
      return List.of(question(probe, tolerance, where));
    }
    boolean toleranceProbe = tolerance instanceof Node.Mapping t && "probe".equals(text(t, "type"));
    if (!list(probe.get("controls")).isEmpty()) {
      findings.add(Code.D951, probe.at(), where + ": the controls of a hypothesis probe are not executable by"
          + " drill; they are not applied");
    }
    if (type.equals("python") || toleranceProbe) {
      if (type.equals("python")) {
        findings.add(Code.D951, provider.get("module").map(Node::at).orElse(probe.at()), where
            + ": python provider " + callName(provider) + " is not executable by drill; imported as a manual check");
      }
      if (toleranceProbe && tolerance instanceof Node.Mapping t) {
        Node.Mapping judge = mapping(t.get("provider"));
        findings.add(text(judge, "type").equals("python") ? Code.D951 : Code.D952, t.at(), where
            + ": a probe as tolerance (" + callName(judge) + ") is given the probe's value by Chaos Toolkit,"
            + " which drill cannot do; imported as a manual check");
      }
      return List.of(question(probe, tolerance, where));
    }
    Optional<String> expect = tolerances.expectation(tolerance, type, where);
    Optional<String> line = expect.flatMap(e -> type.equals("http")
        ? http(provider, where, true).map(h -> h + " " + e)
        : Optional.of("command " + command(provider, where) + " " + e));
    if (line.isEmpty()) {
      return List.of(question(probe, tolerance, where));
    }
    List<String> body = new ArrayList<>(List.of(line.get()));
    String timeout = timeout(provider, "timeout");
    if (!timeout.isEmpty()) {
      body.add(timeout.strip());
    }
    return body;
  }

  private String question(Node.Mapping probe, Node tolerance, String where) {
    return "manual " + references.printed(references.parts(
        "Does " + callOf(probe) + " " + Tolerances.describe(tolerance) + "?", true), where, probe.at());
  }

  // ---- providers ----

  /** An http request; {@code probe} leaves the status to the tolerance. Empty when drill cannot send it. */
  private Optional<String> http(Node.Mapping provider, String where, boolean probe) {
    String method = text(provider, "method").isEmpty() ? "GET" : text(provider, "method").toUpperCase(java.util.Locale.ROOT);
    if (!METHODS.contains(method)) {
      findings.add(Code.D951, provider.at(), where + ": http method " + method + " is not one drill sends");
      return Optional.empty();
    }
    if (provider.get("verify_tls").orElse(null) instanceof Node.Bool verify && !verify.value()) {
      findings.add(Code.D952, verify.at(), where + ": verify_tls false is not kept: drill always verifies TLS"
          + " certificates");
    }
    if (provider.has("max_retries")) {
      findings.add(Code.D952, provider.keyAt("max_retries"), where + ": max_retries is not kept: drill sends the"
          + " request once");
    }
    List<Templates.Part> url = new ArrayList<>(references.parts(text(provider, "url"), true));
    Optional<Node> arguments = provider.get("arguments");
    Map<String, Node> headers = Json.entries(provider.get("headers").orElse(new Node.Null(provider.at())));
    StringBuilder out = new StringBuilder("http ").append(method).append(' ');
    Optional<String> body = Optional.empty();
    if (arguments.isPresent() && !(arguments.get() instanceof Node.Null)) {
      if (method.equals("GET")) {
        url.addAll(references.parts((Templates.literalText(url).contains("?") ? "&" : "?")
            + query(arguments.get()), true));
      } else {
        body = Optional.of(references.quoted(references.parts(bodyText(arguments.get(), headers), true)));
      }
    }
    out.append(references.printed(url, where, provider.at()));
    for (Map.Entry<String, Node> header : headers.entrySet()) {
      out.append(" header ").append(DrillText.quoted(header.getKey())).append(" = ")
          .append(references.quoted(references.parts(Python.str(header.getValue()), true)));
    }
    body.ifPresent(b -> out.append(" body ").append(b));
    if (!probe) {
      Optional<Node> expected = provider.get("expected_status");
      out.append(expected.orElse(null) instanceof Node.Number status
          ? " expect status " + DrillText.number(status.value()) : " expect status >= 100");
      out.append(timeout(provider, "timeout"));
    }
    return Optional.of(out.toString());
  }

  /** As requests sends a dict: JSON when the Content-Type says so, else a form; a string as it is. */
  private static String bodyText(Node arguments, Map<String, Node> headers) {
    if (arguments instanceof Node.Text text) {
      return text.value();
    }
    boolean json = headers.get("Content-Type") instanceof Node.Text type && type.value().equals("application/json");
    return json ? Json.compact(arguments) : query(arguments);
  }

  private static String query(Node arguments) {
    if (arguments instanceof Node.Text text) {
      return text.value();
    }
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, Node> entry : Json.entries(arguments).entrySet()) {
      List<Node> values = entry.getValue() instanceof Node.Sequence s ? s.items() : List.of(entry.getValue());
      for (Node value : values) {
        pairs.add(encode(entry.getKey()) + "=" + encode(Python.str(value)));
      }
    }
    return String.join("&", pairs);
  }

  private static String encode(String text) {
    // Keep ${name} readable and substitutable: CTK substitutes before it encodes.
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%24%7B", "${").replace("%7D", "}");
  }

  /** A process as one shell command line: a string of arguments is shell text, as CTK runs it; a list is quoted word by word. */
  private String command(Node.Mapping provider, String where) {
    provider.get("arguments").ifPresent(arguments -> dashLookalikes(arguments, where));
    Optional<List<Templates.Part>> exported = ExportedScript.of(provider, references);
    if (exported.isPresent()) {
      return references.quoted(exported.get());
    }
    String path = text(provider, "path");
    List<Templates.Part> line = new ArrayList<>();
    line.add(new Templates.Literal(path.startsWith("~/") ? "~/" + DrillText.shellQuoted(path.substring(2))
        : DrillText.shellQuoted(path)));
    Node arguments = provider.get("arguments").orElse(new Node.Null(provider.at()));
    if (arguments instanceof Node.Text text) {
      if (!text.value().isEmpty()) {
        line.add(new Templates.Literal(" "));
        line.addAll(references.parts(text.value(), references.substitutesProcesses()));
      }
    } else {
      List<Node> words = new ArrayList<>();
      if (arguments instanceof Node.Sequence list) {
        words.addAll(list.items());
      } else if (arguments instanceof Node.Mapping map) {
        // As chaoslib: each key, then its value.
        for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
          words.add(new Node.Text(entry.getKey(), map.keyAt(entry.getKey())));
          words.add(entry.getValue());
        }
      }
      for (Node word : words) {
        if (word instanceof Node.Null || word instanceof Node.Text t && t.value().isEmpty()) {
          continue;
        }
        line.add(new Templates.Literal(" "));
        List<Templates.Part> parts = word instanceof Node.Text t
            ? references.parts(t.value(), references.substitutesProcesses())
            : List.of(new Templates.Literal(Python.str(word)));
        line.addAll(DrillText.shellWord(parts));
      }
    }
    return references.quoted(line);
  }

  /** A word that starts with a dash other than '-' is a copy and paste of an option gone wrong, most likely. */
  private void dashLookalikes(Node arguments, String where) {
    List<Node> texts = arguments instanceof Node.Sequence list ? list.items()
        : arguments instanceof Node.Mapping map ? List.copyOf(map.entries().values()) : List.of(arguments);
    for (Node text : texts) {
      if (!(text instanceof Node.Text words)) {
        continue;
      }
      for (String word : words.value().split("\\s+")) {
        if (!word.isEmpty() && "\u2010\u2011\u2012\u2013\u2014\u2015\u2212".indexOf(word.charAt(0)) >= 0) {
          findings.add(Code.D952, text.at(), where + ": the argument '" + word + "' starts with "
              + String.format("U+%04X", (int) word.charAt(0)) + ", not '-': the command reads it as a word, not as"
              + " an option (kept as written)");
        }
      }
    }
  }

  private static String timeout(Node.Mapping provider, String key) {
    Optional<Node> timeout = provider.get(key);
    BigDecimal seconds = BigDecimal.ZERO;
    if (timeout.orElse(null) instanceof Node.Number n) {
      seconds = n.value();
    } else if (timeout.orElse(null) instanceof Node.Sequence pair) {
      // (connect, read): the longest a request can take is both.
      for (Node part : pair.items()) {
        seconds = seconds.add(part instanceof Node.Number n ? n.value() : BigDecimal.ZERO);
      }
    }
    BigDecimal atLeast = seconds.signum() > 0 ? seconds.max(new BigDecimal("0.1")) : seconds;
    return DrillText.duration(atLeast).map(d -> " timeout " + d).orElse("");
  }

  // ---- pauses and controls ----

  /** A pause as a wait; a pause given by a name drill cannot know in advance is asked of a person. */
  private boolean pause(Node pause, String where, List<String> lines) {
    if (pause instanceof Node.Number seconds) {
      DrillText.duration(seconds.value()).ifPresent(d -> lines.add("wait " + d));
      return false;
    }
    Optional<BigDecimal> known = pause instanceof Node.Text t ? references.numberOf(t.value()) : Optional.empty();
    if (known.isPresent()) {
      DrillText.duration(known.get()).ifPresent(d -> lines.add("wait " + d));
      return false;
    }
    findings.add(Code.D952, pause.at(), where + ": a pause of " + Python.str(pause) + " seconds is not known"
        + " before the run; imported as a manual step");
    lines.add("manual " + references.printed(references.parts("Wait " + Python.str(pause) + " seconds", true),
        where, pause.at()));
    return true;
  }

  private String controlStep(Node control, String where) {
    Node.Mapping provider = mapping(control instanceof Node.Mapping c ? c.get("provider") : Optional.empty());
    String name = control instanceof Node.Mapping c ? text(c, "name") : "";
    String module = text(provider, "module");
    findings.add(Code.D951, control.at(), where + ": control " + name + " (python module " + module
        + ") is not executable by drill; imported as a manual step");
    return "manual " + references.printed(List.of(new Templates.Literal("Apply the Chaos Toolkit control '"
        + name + "' (Python module " + module + ") to this activity, then confirm")), where, control.at());
  }

  private String manualAction(Node.Mapping activity, String where, String what) {
    return "manual " + references.printed(List.of(new Templates.Literal("Do " + what + " of the Chaos Toolkit "
        + text(activity, "type") + " '" + text(activity, "name") + "' by hand, then confirm")), where, activity.at());
  }

  // ---- words for people ----

  /** {@code module.func(arg='value')} for a python provider, else what the activity does. */
  static String callOf(Node.Mapping activity) {
    Node.Mapping provider = mapping(activity.get("provider"));
    switch (text(provider, "type")) {
      case "python": {
        List<String> arguments = new ArrayList<>();
        Json.entries(provider.get("arguments").orElse(new Node.Null(provider.at()))).forEach((key, value) ->
            arguments.add(key + "=" + Python.repr(value)));
        return callName(provider) + "(" + String.join(", ", arguments) + ")";
      }
      case "http":
        return "the request " + (text(provider, "method").isEmpty() ? "GET" : text(provider, "method")) + " "
            + text(provider, "url");
      default:
        return "the command " + text(provider, "path") + " " + Python.str(
            provider.get("arguments").orElse(new Node.Text("", provider.at())));
    }
  }

  static String callName(Node.Mapping provider) {
    String module = text(provider, "module");
    String func = text(provider, "func");
    return module.isEmpty() ? func : func.isEmpty() ? module : module + "." + func;
  }

  static String text(Node.Mapping object, String key) {
    return object.get(key).orElse(null) instanceof Node.Text t ? t.value() : "";
  }

  static Node.Mapping mapping(Optional<Node> node) {
    return node.orElse(null) instanceof Node.Mapping m ? m
        : new Node.Mapping(Map.of(), Map.of(), node.map(Node::at).orElse(new Node.Position(1, 1)));
  }

  static List<Node> list(Optional<Node> node) {
    return node.orElse(null) instanceof Node.Sequence s ? s.items() : List.of();
  }
}
