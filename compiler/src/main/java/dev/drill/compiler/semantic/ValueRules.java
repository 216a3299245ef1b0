package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.HttpOption;
import dev.drill.compiler.ast.JsonCheck;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.NumberCheck;
import dev.drill.compiler.ast.NumberValue;
import dev.drill.compiler.ast.Probe;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.NearMiss;
import dev.drill.plan.JsonPaths;
import dev.drill.plan.PlanValidator;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Values that can be wrong on their own: HTTP methods, headers and statuses, URLs, regexes, exit
 * statuses and their ranges, JSON paths and values, the guide path.
 */
final class ValueRules implements Probe.Visitor<Void> {

  private static final List<String> METHODS = PlanValidator.HTTP_METHODS;
  /** The headers the JDK's HTTP client refuses in a request: it writes them itself. */
  private static final Set<String> SET_BY_CLIENT = Set.of("connection", "content-length", "expect", "host", "upgrade");

  /** A path on a Windows drive, such as {@code C:guides/name.md}. */
  private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*");

  private final List<Diagnostic> out;
  /** Param defaults stand in for references, so a url taken whole from a param is checked too. */
  private final Map<String, String> defaults = new HashMap<>();
  /** A drill names the same url in many probes: each is parsed once. */
  private final Map<String, Optional<String>> urlProblems = new HashMap<>();

  private ValueRules(List<Diagnostic> out) {
    this.out = out;
  }

  static void run(DrillParts parts, List<Diagnostic> out) {
    Drill drill = parts.drill;
    ValueRules rules = new ValueRules(out);
    for (DrillItem.ParamDecl param : parts.params) {
      param.defaultValue().ifPresent(d -> rules.defaults.putIfAbsent(param.name().value(), d.literal()));
    }
    for (Action action : parts.actions) {
      if (action instanceof Action.Http http) {
        rules.method(http.method());
        rules.url(http.url(), "url");
        rules.headers(http.options());
        http.expectStatus().ifPresent(rules::status);
      } else if (action instanceof Action.Run run) {
        run.expectExit().ifPresent(rules::exit);
      }
    }
    for (ProbeSpec spec : parts.probes) {
      spec.probe().accept(rules);
    }
    drill.text(Attribute.Key.GUIDE).ifPresent(rules::guide);
    // A pattern holding a reference is reported as such (D007), not as a regex.
    parts.params.forEach(p -> p.pattern().filter(t -> t.references().isEmpty())
        .ifPresent(rules::regex));
    parts.secrets.forEach(s -> s.pattern().filter(t -> t.references().isEmpty())
        .ifPresent(rules::regex));
  }

  @Override
  public Void visit(Probe.Http http) {
    method(http.method());
    url(http.url(), "url");
    headers(http.options());
    http.statusExpectations().forEach(this::status);
    http.bodyPatterns().forEach(this::regex);
    http.jsonExpectations().forEach(this::json);
    return null;
  }

  @Override
  public Void visit(Probe.Command command) {
    command.exitExpectations().forEach(this::exit);
    command.outputPatterns().forEach(this::regex);
    command.jsonExpectations().forEach(this::json);
    return null;
  }

  @Override
  public Void visit(Probe.PrometheusQuery query) {
    query.server().ifPresent(s -> url(s, "Prometheus url"));
    return null;
  }

  @Override
  public Void visit(Probe.PrometheusAlert alert) {
    alert.server().ifPresent(s -> url(s, "Prometheus url"));
    return null;
  }

  @Override
  public Void visit(Probe.Log log) {
    regex(log.pattern());
    return null;
  }

  @Override
  public Void visit(Probe.Manual manual) {
    return null;
  }

  private void method(Name method) {
    if (!METHODS.contains(method.value())) {
      List<String> hints = new ArrayList<>();
      String upper = method.value().toUpperCase(Locale.ROOT);
      if (METHODS.contains(upper)) {
        hints.add("methods are upper case: " + upper);
      } else {
        NearMiss.hint(upper, METHODS).ifPresent(hints::add);
        hints.add("methods: " + String.join(", ", METHODS));
      }
      out.add(new Diagnostic(Code.D501, Code.D501.severity(), method.span(),
          "'" + method.value() + "' is not an HTTP method", hints, Optional.empty()));
    }
  }

  private void status(NumberCheck status) {
    for (NumberValue number : status.numbers()) {
      if (!isIntegerBetween(number.value(), 100, 599)) {
        out.add(Diagnostic.of(Code.D502, number.span(),
            number.value().toPlainString() + " is not an HTTP status", "a status is a whole number from 100 to 599"));
      }
    }
    range(status);
  }

  private void exit(NumberCheck exit) {
    for (NumberValue number : exit.numbers()) {
      if (!isIntegerBetween(number.value(), 0, 255)) {
        out.add(Diagnostic.of(Code.D505, number.span(),
            number.value().toPlainString() + " is not an exit status", "an exit status is a whole number from 0 to 255"));
      }
    }
    range(exit);
  }

  private void range(NumberCheck check) {
    if (check instanceof NumberCheck.Between between && between.low().value().compareTo(between.high().value()) > 0) {
      out.add(Diagnostic.of(Code.D508, between.span(), "empty range: no number is from "
              + between.low().value().toPlainString() + " up to " + between.high().value().toPlainString(),
          "write the lower number first: between " + between.high().value().toPlainString() + " and "
              + between.low().value().toPlainString()));
    }
  }

  /** A path or value that refers to a param without a default is the run's to check. */
  private void json(JsonCheck json) {
    json.count().filter(n -> !isIntegerBetween(n.value(), 0, Integer.MAX_VALUE)).ifPresent(n -> out.add(
        Diagnostic.of(Code.D511, n.span(), n.value().toPlainString() + " is not a count of values",
            "a count is a whole number from 0 up, such as count 0 for no value")));
    if (allDefaulted(json.path())) {
      JsonPaths.pathProblem(sample(json.path())).ifPresent(problem -> out.add(Diagnostic.of(Code.D509,
          json.path().span(), "invalid JSON path '" + json.path().literal() + "': " + problem,
          "a JSON path starts at the document, $, such as \"$.status\", \"$.items[*].name\" or \"$..id\"")));
    }
    json.equals().filter(this::allDefaulted)
        .ifPresent(value -> JsonPaths.valueProblem(sample(value)).ifPresent(problem -> out.add(
            Diagnostic.of(Code.D510, value.span(), "invalid JSON value '" + value.literal() + "': " + problem,
                "write JSON, escaped in the string: a text is \"\\\"UP\\\"\", a number \"4\","
                    + " several values an array \"[1, 2]\""))));
  }

  /** Whether every param the text refers to has a default. */
  private boolean allDefaulted(Text text) {
    for (Text.Part part : text.parts()) {
      if (part instanceof Text.Reference reference && !defaults.containsKey(reference.name())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIntegerBetween(BigDecimal value, int low, int high) {
    // A number written without a fraction has scale 0: only one with a fraction needs stripping.
    return (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0)
        && value.compareTo(BigDecimal.valueOf(low)) >= 0
        && value.compareTo(BigDecimal.valueOf(high)) <= 0;
  }

  /** A url that starts with a reference may be a whole url from a param: only its shape after that is unknown. */
  private void url(Text url, String what) {
    if (url.parts().isEmpty() || url.parts().get(0) instanceof Text.Reference first
        && !defaults.containsKey(first.name())) {
      return;
    }
    String sample = sample(url);
    String problem = null;
    String example = "\"http://${host}:8080/health\"";
    if (!sample.startsWith("http://") && !sample.startsWith("https://")) {
      problem = "must start with http:// or https://";
      if (!sample.contains("://")) {
        example = "\"http://" + url.literal() + "\"";
      }
    } else {
      problem = urlProblems.computeIfAbsent(sample, ValueRules::uriProblem).orElse(null);
    }
    if (problem != null) {
      String shown = sample.equals(url.literal()) ? "'" + url.literal() + "'"
          : "'" + url.literal() + "' (with defaults: '" + sample + "')";
      String hint = "write a full url such as " + example;
      if (url.parts().size() == 1 && url.parts().get(0) instanceof Text.Reference whole) {
        String param = whole.name();
        hint = "give param '" + param + "' a full url as its default, such as \"http://" + defaults.get(param) + "\"";
      }
      out.add(Diagnostic.of(Code.D504, url.span(), what + " " + shown + " " + problem, hint));
    }
  }

  /** What {@link URI} finds wrong with an http url, if anything. */
  private static Optional<String> uriProblem(String url) {
    if (PlainUrls.hasHost(url)) {
      return Optional.empty();
    }
    try {
      return new URI(url).getHost() == null ? Optional.of("has no host") : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("is malformed: " + e.getReason() + " at character " + (e.getIndex() + 1));
    }
  }

  private void regex(Text pattern) {
    try {
      Pattern.compile(sample(pattern));
    } catch (PatternSyntaxException e) {
      out.add(Diagnostic.of(Code.D503, pattern.span(),
          "invalid regular expression: " + lowerFirst(e.getDescription())
              + (e.getIndex() >= 0 ? " near character " + (e.getIndex() + 1) : ""),
          "patterns are Java regular expressions; escape a literal character with \\\\"));
    }
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * A header name is an HTTP token; a value holds no control character but tab. The JDK's
   * client refuses anything else when the request is sent, and a line break in a value would
   * be a header of its own. Only the text written is held: a value from a param is the run's.
   */
  private void headers(List<HttpOption> options) {
    for (HttpOption option : options) {
      if (option instanceof HttpOption.Header header) {
        String name = literalText(header.name());
        Optional<Integer> bad = firstCodePoint(name, c -> !isTokenCharacter(c));
        if (bad.isPresent() || header.name().parts().isEmpty()) {
          out.add(Diagnostic.of(Code.D507, header.name().span(), "header name '" + header.name().literal()
                  + "' is not an HTTP header name"
                  + bad.map(c -> ": " + shown(c) + " is not allowed in one").orElse(""),
              "a header name is letters, digits and !#$%&'*+-.^_`|~, such as \"X-Request-Id\""));
        } else if (header.name().parts().size() == 1 && SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
          out.add(Diagnostic.of(Code.D507, header.name().span(), "header '" + name
                  + "' is set by the HTTP client from the request itself, and it refuses one written",
              "remove it: the URL gives the host, and the body its length"));
        }
        firstCodePoint(literalText(header.value()), c -> c != '\t' && Character.isISOControl(c) || c > 0xFF)
            .ifPresent(c -> out.add(Diagnostic.of(Code.D507, header.value().span(),
                c > 0xFF ? "header value holds " + String.format("U+%04X", c)
                    + ", which an HTTP header cannot carry (its bytes are Latin-1)"
                    : "header value holds the control character " + String.format("U+%04X", c)
                    + ", which HTTP does not allow in a header",
                c > 0xFF ? "write such text in the body, or percent-encode it as a URL does"
                    : c == '\n' || c == '\r' ? "remove it; a header is one line: several lines of text go in a body"
                    : "remove it")));
      }
    }
  }

  /** The first code point that is {@code wanted}; a loop, since every header of every drill is read. */
  private static Optional<Integer> firstCodePoint(String text, IntPredicate wanted) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (wanted.test(c)) {
        return Optional.of(c);
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  private static boolean isTokenCharacter(int c) {
    return c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
  }

  private static String shown(int c) {
    return c == ' ' ? "a space" : c > ' ' && c < 127 ? "'" + (char) c + "'" : String.format("U+%04X", c);
  }

  /** The literal parts of a text, its references left out. */
  private static String literalText(Text text) {
    // Most texts are one literal: no copy.
    if (text.parts().size() == 1 && text.parts().get(0) instanceof Text.Literal only) {
      return only.value();
    }
    StringBuilder out = new StringBuilder();
    for (Text.Part part : text.parts()) {
      if (part instanceof Text.Literal literal) {
        out.append(literal.value());
      }
    }
    return out.toString();
  }

  private void guide(Text guide) {
    String path = guide.literal();
    Optional<Integer> control = firstCodePoint(path, Character::isISOControl);
    if (control.isPresent()) {
      out.add(Diagnostic.of(Code.D506, guide.span(), "guide path holds the control character "
              + String.format("U+%04X", control.get()),
          "remove it: a guide path names a file of the repository, such as \"guides/name.md\""));
      return;
    }
    if (path.startsWith("/") || DRIVE.matcher(path).matches()) {
      out.add(Diagnostic.of(Code.D506, guide.span(), "guide path '" + path + "' is absolute",
          "write it relative to the drill file, such as \"guides/name.md\""));
    } else if (!path.endsWith(".md")) {
      out.add(Diagnostic.of(Code.D506, guide.span(), "guide path '" + path + "' does not end in .md",
          "a guide is a Markdown file"));
    }
  }

  /**
   * The text with every reference replaced by the param's default, or else by a harmless
   * stand-in: a number after ':' (a port), a word elsewhere (a host name, a path segment).
   */
  private String sample(Text text) {
    // Most texts are one literal, their own sample: no copy.
    if (text.parts().size() == 1 && text.parts().get(0) instanceof Text.Literal only) {
      return only.value();
    }
    StringBuilder out = new StringBuilder();
    for (Text.Part part : text.parts()) {
      if (part instanceof Text.Literal literal) {
        out.append(literal.value());
      } else if (part instanceof Text.Reference reference && defaults.containsKey(reference.name())) {
        out.append(defaults.get(reference.name()));
      } else {
        out.append(out.length() > 0 && out.charAt(out.length() - 1) == ':' ? "1" : "x1");
      }
    }
    return out.toString();
  }
}
