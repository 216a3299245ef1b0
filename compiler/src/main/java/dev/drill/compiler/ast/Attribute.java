package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.Locale;

/** A metadata line such as {@code timebox 90m}. */
public record Attribute(SourceSpan span, Key key, AttributeValue value) implements DrillItem {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visit(this);
  }

  public enum Key {
    TITLE,
    SUMMARY,
    OWNER,
    KIND,
    TAGS,
    ENVIRONMENT,
    TIMEBOX,
    CADENCE,
    RERUN,
    GUIDE;

    public String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
