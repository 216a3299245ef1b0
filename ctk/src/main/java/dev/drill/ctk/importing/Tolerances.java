package dev.drill.ctk.importing;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.ctk.document.Node;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A hypothesis probe's tolerance as the expectations of a drill probe, judged as chaoslib
 * judges it: a number, a list or a range against the status of an http response or the exit
 * status of a process; a regex or a JSON path against the body or the output. Where drill
 * cannot judge the value the same way, the check becomes a question to a person (empty
 * result) and a warning says why.
 */
final class Tolerances {

  private final Findings findings;
  private final References references;

  Tolerances(Findings findings, References references) {
    this.findings = findings;
    this.references = references;
  }

  /** A pattern or a path: CTK substitutes in it ({@code $$} is {@code $}); it is printed, so no secret. */
  private String substituted(String text, String where, Node at) {
    return references.printed(references.parts(text, true), where, at.at());
  }

  /**
   * The expectations ({@code expect status 200}) for a probe of provider {@code type} (http or
   * process); empty when a person must judge.
   *
   * @param where the probe, for warnings: {@code steady-state-hypothesis.probes[1] name}
   */
  Optional<String> expectation(Node tolerance, String type, String where) {
    boolean http = type.equals("http");
    String number = http ? "status" : "exit";
    String text = http ? "body" : "output";
    if (tolerance instanceof Node.Bool bool) {
      findings.add(Code.D952, tolerance.at(), where + ": tolerance " + bool.value() + " on a " + type
          + " probe: Chaos Toolkit compares the whole " + (http ? "response" : "result") + " with "
          + (bool.value() ? "True" : "False") + ", which never holds; imported as the probe "
          + (bool.value() ? "succeeding" : "failing"));
      if (http) {
        return Optional.of(bool.value() ? "expect status between 200 and 299" : "expect status >= 400");
      }
      return Optional.of(bool.value() ? "expect exit 0" : "expect exit != 0");
    }
    if (tolerance instanceof Node.Number value) {
      if (!inRange(value.value(), http)) {
        return never(tolerance, where, "tolerance " + DrillText.number(value.value()) + " is not a possible "
            + number);
      }
      return Optional.of("expect " + number + " " + DrillText.number(value.value()));
    }
    if (tolerance instanceof Node.Text string) {
      findings.add(Code.D952, tolerance.at(), where + ": a string tolerance is compared with the whole "
          + (http ? "body" : "output (stdout and stderr together in drill)"));
      return Optional.of((http ? "" : "expect exit >= 0 ") + "expect " + text + " matches "
          + DrillText.quoted("^" + Pattern.quote(string.value()) + "$"));
    }
    if (tolerance instanceof Node.Sequence list) {
      List<String> values = new ArrayList<>();
      for (Node item : list.items()) {
        if (!(item instanceof Node.Number n) || !inRange(n.value(), http)) {
          return never(item, where, "a list tolerance holds " + Python.repr(item) + ", never a " + number);
        }
        values.add(DrillText.number(n.value()));
      }
      if (values.isEmpty()) {
        return never(tolerance, where, "an empty list tolerance never holds");
      }
      return Optional.of("expect " + number + " in " + String.join(", ", values));
    }
    if (tolerance instanceof Node.Mapping object && object.get("type").orElse(null) instanceof Node.Text kind) {
      String target = object.get("target").orElse(null) instanceof Node.Text t ? t.value() : "";
      switch (kind.value()) {
        case "range":
          return range(object, target, number, where);
        case "regex":
          return regex(object, target, http, where);
        case "jsonpath":
          return jsonPath(object, target, http, where);
        default:
          return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private Optional<String> range(Node.Mapping range, String target, String number, String where) {
    if (!target.isEmpty() && !target.equals("status")) {
      return never(range, where, "a range on the " + target + " is not a check drill makes");
    }
    List<Node> bounds = range.get("range").orElse(null) instanceof Node.Sequence s ? s.items() : List.of();
    if (bounds.size() != 2 || !(bounds.get(0) instanceof Node.Number low) || !(bounds.get(1) instanceof Node.Number high)) {
      return Optional.empty();
    }
    BigDecimal from = low.value().setScale(0, RoundingMode.CEILING);
    BigDecimal to = high.value().setScale(0, RoundingMode.FLOOR);
    boolean http = number.equals("status");
    from = from.max(BigDecimal.valueOf(http ? 100 : 0));
    to = to.min(BigDecimal.valueOf(http ? 599 : 255));
    if (from.compareTo(to) > 0) {
      return never(range, where, "no " + number + " lies in the range");
    }
    return Optional.of("expect " + number + " between " + from + " and " + to);
  }

  private Optional<String> regex(Node.Mapping regex, String target, boolean http, String where) {
    String pattern = regex.get("pattern").orElse(null) instanceof Node.Text p ? Regexes.toJava(p.value()) : "";
    if (http && target.equals("body")) {
      return Optional.of("expect body matches " + substituted(pattern, where, regex));
    }
    if (!http && (target.equals("stdout") || target.equals("stderr"))) {
      if (target.equals("stderr")) {
        findings.add(Code.D952, regex.at(), where + ": the pattern is looked for in stdout and stderr together");
      }
      return Optional.of("expect exit >= 0 expect output matches " + substituted(pattern, where, regex));
    }
    return never(regex, where, target.isEmpty()
        ? "a regex tolerance without a target makes Chaos Toolkit match the pattern against the whole result"
            + " (it fails)"
        : "a regex on the " + target + " is not a check drill makes");
  }

  private Optional<String> jsonPath(Node.Mapping jsonPath, String target, boolean http, String where) {
    String path = jsonPath.get("path").orElse(null) instanceof Node.Text p ? p.value().strip() : "";
    if (http && target.isEmpty() && path.startsWith("$.body")) {
      // Without a target the path reads the whole result, {status, headers, body}.
      path = "$" + path.substring("$.body".length());
      target = "body";
    }
    if (!(http ? target.equals("body") : target.equals("stdout"))) {
      return never(jsonPath, where, "a JSON path on the " + (target.isEmpty() ? "whole result" : target)
          + " is not a check drill makes");
    }
    // CTK judges the output alone: any exit status.
    StringBuilder out = new StringBuilder(http ? "" : "expect exit >= 0 ").append("expect json ").append(substituted(path, where, jsonPath));
    Optional<Node> expected = jsonPath.get("expect");
    if (expected.isPresent()) {
      out.append(" equals ").append(DrillText.quoted(Json.compact(expected.get())));
    } else if (jsonPath.get("count").orElse(null) instanceof Node.Number count) {
      out.append(" count ").append(count.value().toBigInteger());
    }
    return Optional.of(out.toString());
  }

  private Optional<String> never(Node at, String where, String why) {
    findings.add(Code.D952, at.at(), where + ": " + why + "; imported as a question to a person");
    return Optional.empty();
  }

  private static boolean inRange(BigDecimal value, boolean http) {
    if (value.stripTrailingZeros().scale() > 0) {
      return false;
    }
    return http ? value.compareTo(BigDecimal.valueOf(100)) >= 0 && value.compareTo(BigDecimal.valueOf(599)) <= 0
        : value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(255)) <= 0;
  }

  /** The tolerance in words, for a question to a person: {@code return True}, {@code match '^ok'}. */
  static String describe(Node tolerance) {
    if (tolerance instanceof Node.Mapping object && object.get("type").orElse(null) instanceof Node.Text kind) {
      switch (kind.value()) {
        case "range":
          return "give a number in the range " + Python.repr(object.get("range").orElse(object));
        case "regex":
          return "give a value in which " + Python.repr(object.get("pattern").orElse(object)) + " is found";
        case "jsonpath":
          String path = Python.repr(object.get("path").orElse(object));
          if (object.has("expect")) {
            return "give a value whose JSON path " + path + " matches exactly " + Python.repr(object.get("expect").get());
          }
          if (object.has("count")) {
            return "give a value whose JSON path " + path + " matches " + Python.repr(object.get("count").get())
                + " values";
          }
          return "give a value whose JSON path " + path + " matches something";
        case "probe":
          return "give a value the tolerance probe " + Python.repr(object.get("name").orElse(object))
              + " accepts (" + Activities.callOf(object) + ", with value= set to the probe's value)";
        default:
          return "give a value within the tolerance " + Python.repr(tolerance);
      }
    }
    if (tolerance instanceof Node.Sequence) {
      return "give one of " + Python.repr(tolerance);
    }
    return "give " + Python.repr(tolerance);
  }
}
