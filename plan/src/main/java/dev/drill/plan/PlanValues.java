package dev.drill.plan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The values of a plan, checked where they stand: texts (references declared, secrets only
 * where not printed), durations within {@link TimeLimits}, HTTP requests, statuses, exit
 * statuses, log patterns; actions and probes whole. Collects the problems {@link PlanValidator}
 * returns.
 */
final class PlanValues {

  private static final String MAX = PlanText.duration(TimeLimits.MAX_DURATION);
  private static final String MIN = PlanText.duration(TimeLimits.MIN_POLLING);

  /** Where a text stands, which decides whether a secret may go there: printed text never holds one. */
  enum Field {
    TITLE("the title", true),
    SUMMARY("the summary", true),
    OWNER("the owner", true),
    TAG("the tag", true),
    DESCRIPTION("the description", true),
    COMMAND("the command", false),
    URL("the url", true),
    HEADER_VALUE("the header value", false),
    BODY("the body", false),
    EXPECTED_TEXT("the expected text", true),
    EXPECTED_PATTERN("the expected pattern", true),
    JSON_PATH("the JSON path", true),
    JSON_VALUE("the expected JSON value", true),
    INSTRUCTION("the instruction", true),
    QUERY("the query", true),
    ALERT("the alert name", true),
    SERVER("the server url", true),
    LOG_PATH("the log path", true),
    LOG_PATTERN("the log pattern", true),
    AUDIENCE("the audience", true),
    QUESTION("the question", true);

    final String description;
    final boolean printed;

    Field(String description, boolean printed) {
      this.description = description;
      this.printed = printed;
    }
  }

  final Set<String> problems = new LinkedHashSet<>();
  final Set<String> params = new HashSet<>();
  final Set<String> secrets = new HashSet<>();
  /** Param defaults stand in for references when a log pattern is compiled, as the compiler does. */
  final Map<String, String> defaults = new HashMap<>();

  void actions(String prefix, List<Action> actions) {
    for (int i = 0; i < actions.size(); i++) {
      action(prefix + " " + (i + 1), actions.get(i));
    }
  }

  private void action(String at, Action action) {
    if (action instanceof Action.Run run) {
      text(at, Field.COMMAND, run.command());
      optionalDuration(at, "timeout", run.timeout());
      if (present(at, "the expected exit status", run.expectExit())) {
        run.expectExit().ifPresent(e -> exit(at, e));
      }
    } else if (action instanceof Action.Http http) {
      request(at, http.method(), http.url(), http.headers(), http.body());
      if (present(at, "the expected status", http.expectStatus())) {
        http.expectStatus().ifPresent(e -> status(at, e));
      }
      optionalDuration(at, "timeout", http.timeout());
    } else if (action instanceof Action.Manual manual) {
      text(at, Field.INSTRUCTION, manual.instruction());
    } else if (action instanceof Action.Wait wait) {
      duration(at, "wait", wait.duration());
    }
    present(at, "the source", action.source());
  }

  void probe(String at, Probe probe, Polling polling) {
    if (probe == null) {
      problem(at, "the probe is missing");
    } else if (probe instanceof Probe.Http http) {
      request(at, http.method(), http.url(), http.headers(), http.body());
      if (present(at, "the expected status", http.expectStatus())) {
        http.expectStatus().ifPresent(e -> status(at, e));
      }
      optionalText(at, Field.EXPECTED_TEXT, http.expectBodyContains());
      expectedPattern(at, http.expectBodyMatches());
      json(at, http.expectJson());
    } else if (probe instanceof Probe.Command command) {
      text(at, Field.COMMAND, command.command());
      exit(at, command.expectExit());
      optionalText(at, Field.EXPECTED_TEXT, command.expectOutputContains());
      expectedPattern(at, command.expectOutputMatches());
      json(at, command.expectJson());
    } else if (probe instanceof Probe.PrometheusQuery query) {
      text(at, Field.QUERY, query.query());
      optionalText(at, Field.SERVER, query.server());
      expectation(at, "the expectation", query.expect());
    } else if (probe instanceof Probe.PrometheusAlert alert) {
      text(at, Field.ALERT, alert.alert());
      optionalText(at, Field.SERVER, alert.server());
    } else if (probe instanceof Probe.Log log) {
      text(at, Field.LOG_PATH, log.path());
      if (text(at, Field.LOG_PATTERN, log.pattern())) {
        pattern(at, "the log pattern", log.pattern());
      }
    } else if (probe instanceof Probe.Manual manual) {
      text(at, Field.QUESTION, manual.question());
    }
    if (polling == null) {
      problem(at, "the polling is missing");
      return;
    }
    if (duration(at, "every", polling.every())) {
      atLeastPolling(at, "every", polling.every());
    }
    if (duration(at, "timeout", polling.timeout())) {
      atLeastPolling(at, "timeout", polling.timeout());
    }
    optionalDuration(at, "hold time ('for')", polling.holdFor());
  }

  private void request(String at, String method, String url, List<Header> headers, Optional<String> body) {
    if (method == null) {
      problem(at, "the method is missing");
    } else if (!PlanValidator.HTTP_METHODS.contains(method)) {
      problem(at, ProblemText.shown(method) + " is not an HTTP method (" + String.join(", ", PlanValidator.HTTP_METHODS) + ")");
    }
    text(at, Field.URL, url);
    for (Header header : headers) {
      // A header name is plain text: the compiler writes it as it reads and the runtime sends it so.
      present(at, "the header name", header.name());
      text(at, Field.HEADER_VALUE, header.value());
    }
    optionalText(at, Field.BODY, body);
  }

  private void status(String at, NumberExpectation status) {
    numbers(at, "the expected status", status, 100, 599, "an HTTP status");
  }

  private void exit(String at, NumberExpectation exit) {
    numbers(at, "the expected exit status", exit, 0, 255, "an exit status");
  }

  /** Every number of the expectation a whole number within the bounds, and a range not empty. */
  private void numbers(String at, String what, NumberExpectation expectation, int low, int high, String kind) {
    if (expectation == null) {
      problem(at, what + " is missing");
      return;
    }
    if (expectation instanceof Expectation comparison && !expectation(at, what, comparison)) {
      return;
    }
    if (expectation instanceof NumberExpectation.OneOf oneOf && oneOf.values().isEmpty()) {
      problem(at, what + " has no values");
      return;
    }
    if (expectation instanceof NumberExpectation.Between between) {
      if (between.low() == null || between.high() == null) {
        problem(at, what + " has no low or no high end");
        return;
      }
      if (between.low().compareTo(between.high()) > 0) {
        problem(at, what + " is the empty range " + ProblemText.shown(between.low()) + " to "
            + ProblemText.shown(between.high()));
      }
    }
    for (BigDecimal value : expectation.numbers()) {
      if (!isIntegerBetween(value, low, high)) {
        problem(at, what + " " + ProblemText.shown(value) + " is not " + kind
            + " (a whole number from " + low + " to " + high + ")");
      }
    }
  }

  private void expectedPattern(String at, Optional<String> pattern) {
    if (present(at, Field.EXPECTED_PATTERN.description, pattern) && pattern.isPresent()
        && text(at, Field.EXPECTED_PATTERN, pattern.get())) {
      pattern(at, "the expected pattern", pattern.get());
    }
  }

  /** A JSON path and value are checked when they refer to nothing: a param's value is the run's. */
  private void json(String at, Optional<JsonExpectation> json) {
    if (!present(at, "the JSON expectation", json) || json.isEmpty()) {
      return;
    }
    JsonExpectation expected = json.get();
    if (text(at, Field.JSON_PATH, expected.path()) && !hasReference(expected.path())) {
      JsonPaths.pathProblem(literal(expected.path())).ifPresent(p -> problem(at, "the JSON path "
          + ProblemText.shown(expected.path()) + " is not a JSON path: " + p));
    }
    if (!present(at, "the expected count", expected.count()) || !present(at, "the expected JSON value", expected.equals())) {
      return;
    }
    expected.count().filter(n -> n < 0).ifPresent(n -> problem(at, "the expected count " + n + " is negative"));
    if (expected.count().isPresent() && expected.equals().isPresent()) {
      problem(at, "the JSON expectation has both a count and a value; it takes one or the other");
    }
    expected.equals().filter(v -> text(at, Field.JSON_VALUE, v) && !hasReference(v))
        .ifPresent(v -> JsonPaths.valueProblem(literal(v)).ifPresent(
            p -> problem(at, "the expected JSON value " + ProblemText.shown(v) + " is not JSON: " + p)));
  }

  /** The text of a template without references ({@code $${} read as {@code ${}). */
  private static String literal(String template) {
    StringBuilder out = new StringBuilder();
    Interpolation.parse(template).forEach(p -> {
      if (p instanceof Interpolation.Literal literal) {
        out.append(literal.text());
      }
    });
    return out.toString();
  }

  private static boolean hasReference(String template) {
    return Interpolation.parse(template).stream().anyMatch(Interpolation.Reference.class::isInstance);
  }

  private boolean expectation(String at, String what, Expectation expectation) {
    if (expectation == null) {
      problem(at, what + " is missing");
    } else if (expectation.op() == null) {
      problem(at, what + " has no comparator");
    } else if (expectation.value() == null) {
      problem(at, what + " has no value");
    } else {
      return true;
    }
    return false;
  }

  private static boolean isIntegerBetween(BigDecimal value, int low, int high) {
    return value.compareTo(BigDecimal.valueOf(low)) >= 0
        && value.compareTo(BigDecimal.valueOf(high)) <= 0
        && value.stripTrailingZeros().scale() <= 0;
  }

  /** The pattern as the compiler checks it: references replaced by their defaults, else a stand-in. */
  private void pattern(String at, String what, String pattern) {
    StringBuilder sample = new StringBuilder();
    for (Interpolation.Part part : Interpolation.parse(pattern)) {
      if (part instanceof Interpolation.Literal literal) {
        sample.append(literal.text());
      } else if (part instanceof Interpolation.Reference reference) {
        String value = defaults.get(reference.name());
        boolean afterColon = sample.length() > 0 && sample.charAt(sample.length() - 1) == ':';
        sample.append(value != null ? value : afterColon ? "1" : "x1");
      }
    }
    try {
      Pattern.compile(sample.toString());
    } catch (PatternSyntaxException e) {
      String reason = ProblemText.clean(e.getDescription());
      problem(at, what + " is not a regular expression: "
          + (reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1))
          + (e.getIndex() >= 0 ? " near character " + (e.getIndex() + 1) : ""));
    }
  }

  /** A template: every reference names a param or secret, and a secret only where it is not printed. */
  boolean text(String at, Field field, String text) {
    if (text == null) {
      problem(at, field.description + " is missing");
      return false;
    }
    for (Interpolation.Part part : Interpolation.parse(text)) {
      if (part instanceof Interpolation.Reference reference) {
        String name = reference.name();
        if (secrets.contains(name)) {
          if (field.printed) {
            problem(at, field.description + " uses secret " + ProblemText.shown(name) + ", which would be printed; secrets"
                + " may be used only in run commands, command probes, http header values and bodies");
          }
        } else if (!params.contains(name)) {
          problem(at, field.description + " refers to " + ProblemText.shown("${" + name + "}")
              + ", which is not a declared param or secret");
        }
      }
    }
    return true;
  }

  void optionalText(String at, Field field, Optional<String> text) {
    if (present(at, field.description, text)) {
      text.ifPresent(t -> text(at, field, t));
    }
  }

  /** A duration greater than zero and at most {@link TimeLimits#MAX_DURATION}; false when it is not. */
  boolean duration(String at, String what, Duration duration) {
    if (duration == null) {
      problem(at, what + " is missing");
      return false;
    }
    if (duration.isNegative()) {
      problem(at, what + " " + ProblemText.shown(duration) + " is negative");
      return false;
    }
    if (duration.isZero()) {
      problem(at, what + " is zero");
      return false;
    }
    if (duration.compareTo(TimeLimits.MAX_DURATION) > 0) {
      problem(at, what + " " + ProblemText.shown(duration) + " is longer than the maximum of " + MAX);
      return false;
    }
    return true;
  }

  void optionalDuration(String at, String what, Optional<Duration> duration) {
    if (present(at, what, duration)) {
      duration.ifPresent(d -> duration(at, what, d));
    }
  }

  private void atLeastPolling(String at, String what, Duration duration) {
    if (duration.compareTo(TimeLimits.MIN_POLLING) < 0) {
      problem(at, what + " " + ProblemText.shown(duration) + " is shorter than the minimum of " + MIN);
    }
  }

  /** False, with a problem, when a value that must be there is {@code null}. */
  boolean present(String at, String what, Object value) {
    if (value == null) {
      problem(at, what + " is missing");
      return false;
    }
    return true;
  }

  void problem(String at, String what) {
    problems.add(at + ": " + what);
  }

}
