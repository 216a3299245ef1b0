package dev.drill.runtime.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drill.plan.JsonExpectation;
import dev.drill.plan.JsonPaths;
import dev.drill.runtime.Bindings;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a probe expects of the text it got back (a response body, a command's output): that
 * it contains a text, that a pattern is found in it, that a JSON path finds values in it. The
 * text is redacted already, and so is what is expected, so an expectation naming a secret
 * still finds it where the secret was.
 */
final class TextExpectations {

  private TextExpectations() {}

  /**
   * What did not hold, in words ({@code body does not contain "ok"}, {@code json $.error matched
   * 1 value, expected 0}); empty when every expectation given holds.
   *
   * @param what {@code body} or {@code output}
   */
  static Optional<String> unmet(Bindings bindings, String what, String text, Optional<String> contains,
      Optional<String> matches, Optional<JsonExpectation> json) {
    Optional<String> missing = contains.map(e -> bindings.redact(bindings.render(e))).filter(e -> !text.contains(e));
    if (missing.isPresent()) {
      return Optional.of(what + " does not contain \"" + missing.get() + "\"");
    }
    if (matches.isPresent()) {
      Optional<String> unmatched = pattern(what, text, bindings.render(matches.get()));
      if (unmatched.isPresent()) {
        return unmatched;
      }
    }
    return json.flatMap(j -> json(bindings, what, text, j));
  }

  private static Optional<String> pattern(String what, String text, String regex) {
    try {
      return Pattern.compile(regex).matcher(text).find() ? Optional.empty()
          : Optional.of(what + " has no match for \"" + regex + "\"");
    } catch (PatternSyntaxException e) {
      return Optional.of("\"" + regex + "\" is not a regular expression: " + e.getDescription());
    }
  }

  private static Optional<String> json(Bindings bindings, String what, String text, JsonExpectation expected) {
    JsonNode document;
    try {
      document = JsonPaths.parse(text);
    } catch (JsonProcessingException e) {
      return Optional.of(what + " is not JSON: " + JsonPaths.problem(e));
    }
    String path = bindings.render(expected.path());
    List<JsonNode> found;
    try {
      found = JsonPaths.find(path, document);
    } catch (IllegalArgumentException e) {
      return Optional.of("\"" + path + "\" is not a JSON path: " + e.getMessage());
    }
    String matched = "json " + path + " matched " + found.size() + (found.size() == 1 ? " value" : " values");
    if (expected.count().isPresent()) {
      int count = expected.count().get();
      return count == found.size() ? Optional.empty() : Optional.of(matched + ", expected " + count);
    }
    if (expected.equals().isPresent()) {
      String value = bindings.render(expected.equals().get());
      List<JsonNode> wanted;
      try {
        wanted = JsonPaths.expectedValues(JsonPaths.parse(value));
      } catch (JsonProcessingException e) {
        return Optional.of("the expected value " + value + " is not JSON: " + JsonPaths.problem(e));
      }
      return JsonPaths.same(found, wanted) ? Optional.empty()
          : Optional.of("json " + path + " matched " + JsonPaths.text(found) + ", expected " + JsonPaths.text(wanted));
    }
    return found.isEmpty() ? Optional.of(matched) : Optional.empty();
  }
}
