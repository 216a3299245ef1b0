package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an HTTP status or an exit status must be: compared with one number ({@code != 200}),
 * one of a set ({@code in 200, 204}) or within a range ({@code between 200 and 299}). The
 * {@code op} property tells them apart, so a comparison keeps its JSON form {@code {"op":
 * "==", "value": 200}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "op",
    visible = true)
@JsonSubTypes({
  @JsonSubTypes.Type(value = Expectation.class, names = {"==", "!=", "<", "<=", ">", ">="}),
  @JsonSubTypes.Type(NumberExpectation.OneOf.class),
  @JsonSubTypes.Type(NumberExpectation.Between.class)
})
public sealed interface NumberExpectation permits Expectation, NumberExpectation.OneOf, NumberExpectation.Between {

  boolean holds(BigDecimal actual);

  /** Every number written in the expectation, for the checks of what a status or exit may be. */
  List<BigDecimal> numbers();

  /** Holds when the number is one of the values. */
  @JsonTypeName("in")
  @JsonPropertyOrder({"op", "values"})
  record OneOf(List<BigDecimal> values) implements NumberExpectation {
    public OneOf {
      values = List.copyOf(values);
    }

    /** The JSON's {@code op}; read back as the type id. */
    @JsonProperty(value = "op", access = JsonProperty.Access.READ_ONLY)
    String op() {
      return "in";
    }

    @Override
    public boolean holds(BigDecimal actual) {
      return values.stream().anyMatch(v -> v.compareTo(actual) == 0);
    }

    @Override
    public List<BigDecimal> numbers() {
      return values;
    }

    @Override
    public String toString() {
      return "in " + values.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", "));
    }
  }

  /** Holds when the number is from {@code low} to {@code high}, both included. */
  @JsonTypeName("between")
  @JsonPropertyOrder({"op", "low", "high"})
  record Between(BigDecimal low, BigDecimal high) implements NumberExpectation {

    /** The JSON's {@code op}; read back as the type id. */
    @JsonProperty(value = "op", access = JsonProperty.Access.READ_ONLY)
    String op() {
      return "between";
    }

    @Override
    public boolean holds(BigDecimal actual) {
      return actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0;
    }

    @Override
    public List<BigDecimal> numbers() {
      return List.of(low, high);
    }

    @Override
    public String toString() {
      return "between " + low.toPlainString() + " and " + high.toPlainString();
    }
  }
}
