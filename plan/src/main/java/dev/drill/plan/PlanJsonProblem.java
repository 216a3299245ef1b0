package dev.drill.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why a plan's JSON does not make a plan, in the words of the plan file (where in it, what
 * it should hold) rather than Jackson's, which name Java types ({@code java.util.ArrayList},
 * {@code dev.drill.plan.Plan$Role}) a user never wrote.
 */
final class PlanJsonProblem {

  private static final Pattern ACCEPTED = Pattern.compile("accepted for Enum class: \\[([^\\]]*)\\]");

  private PlanJsonProblem() {}

  static String of(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return syntax(e);
    }
    List<JsonMappingException.Reference> path = mapping.getPath();
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known = unknown.getKnownPropertyIds() == null ? ""
          : "; the properties there are " + new TreeSet<>(unknown.getKnownPropertyIds().stream()
              .map(String::valueOf).toList()).stream().collect(Collectors.joining(", "));
      return "unknown property \"" + unknown.getPropertyName() + "\"" + in(path.subList(0, path.size() - 1)) + known;
    }
    if (e instanceof InvalidTypeIdException type) {
      return "unknown \"type\" '" + type.getTypeId() + "'" + in(path);
    }
    if (e instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      Matcher accepted = ACCEPTED.matcher(String.valueOf(e.getOriginalMessage()));
      return where(path) + " must be " + (accepted.find() ? "one of " + accepted.group(1) : "a known keyword")
          + ", not " + shown(format.getValue());
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return where(path) + " must be " + kind(mismatch.getTargetType());
    }
    return where(path) + ": " + firstLine(e).replaceAll("`[^`]*`", "a value");
  }

  /** What a value of a plan's Java type is in JSON. */
  private static String kind(Class<?> type) {
    if (type == String.class || type == Character.class || type == char.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == BigDecimal.class || type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Duration.class) {
      return "an ISO-8601 duration such as \"PT5M\"";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()) {
      return "an object";
    }
    return "a value of another kind";
  }

  private static String where(List<JsonMappingException.Reference> path) {
    return path.isEmpty() ? "the plan" : "\"" + dotted(path) + "\"";
  }

  private static String in(List<JsonMappingException.Reference> path) {
    return path.isEmpty() ? "" : " in \"" + dotted(path) + "\"";
  }

  /** {@code phases[2].steps[0].actions}: the way to the value in the plan file. */
  private static String dotted(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        out.append('[').append(step.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String shown(Object value) {
    return value instanceof String text ? ProblemText.shown(text) : String.valueOf(value);
  }

  /**
   * Why a text is not JSON, starting lower-case, with where ({@code at line 3, column 5});
   * the parser's references to its own settings and types left out.
   */
  static String syntax(JsonProcessingException e) {
    String message = firstLine(e);
    if (message.startsWith("Trailing token")) {
      message = "more follows the end of the document";
    } else if (message.contains("nesting depth")) {
      message = "nested more than 1000 levels deep";
    } else {
      message = message.replaceAll(" ?\\([^()`]*`[^`]*`[^()]*\\)", "").replaceAll(":? ?[^:]*`[^`]*`.*$", "");
    }
    if (!message.isEmpty()) {
      message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      message += " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
    return message;
  }

  private static String firstLine(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    return message.lines().findFirst().orElse("unreadable");
  }
}
