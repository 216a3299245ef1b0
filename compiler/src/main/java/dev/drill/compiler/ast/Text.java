package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import dev.drill.plan.Interpolation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A string literal, decoded: escapes resolved, {@code """} blocks dedented, and split into
 * literal text and {@code ${name}} references.
 */
public record Text(SourceSpan span, List<Part> parts, boolean block) implements AttributeValue {

  public Text {
    parts = List.copyOf(parts);
  }

  public sealed interface Part {
    SourceSpan span();
  }

  public record Literal(SourceSpan span, String value) implements Part {}

  public record Reference(SourceSpan span, String name) implements Part {}

  public List<Reference> references() {
    return parts.stream()
        .filter(Reference.class::isInstance)
        .map(Reference.class::cast)
        .collect(Collectors.toList());
  }

  /** The plan's form of this text: literals escaped, references as {@code ${name}}. */
  public String template() {
    return Interpolation.format(parts.stream()
        .map(p -> p instanceof Literal
            ? new Interpolation.Literal(((Literal) p).value())
            : (Interpolation.Part) new Interpolation.Reference(((Reference) p).name()))
        .collect(Collectors.toList()));
  }

  /** The literal value, when the text has no references. */
  public String literal() {
    return parts.stream()
        .map(p -> p instanceof Literal ? ((Literal) p).value() : "${" + ((Reference) p).name() + "}")
        .collect(Collectors.joining());
  }
}
