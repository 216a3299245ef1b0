package dev.drill.compiler.ast;

import dev.drill.plan.Interpolation;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;

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
    if (parts.size() == 1 && parts.get(0) instanceof Literal) {
      return List.of();
    }
    List<Reference> references = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Reference reference) {
        references.add(reference);
      }
    }
    return references;
  }

  /** The plan's form of this text: literals escaped, references as {@code ${name}}. */
  public String template() {
    // Only a '$' in a literal is written differently; most texts have none and read as their literal.
    if (!hasDollar()) {
      return literal();
    }
    List<Interpolation.Part> plan = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        plan.add(new Interpolation.Literal(literal.value()));
      } else if (part instanceof Reference reference) {
        plan.add(new Interpolation.Reference(reference.name()));
      }
    }
    return Interpolation.format(plan);
  }

  /** The literal value, when the text has no references. */
  public String literal() {
    if (parts.size() == 1 && parts.get(0) instanceof Literal only) {
      return only.value();
    }
    StringBuilder literal = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal l) {
        literal.append(l.value());
      } else if (part instanceof Reference reference) {
        literal.append("${").append(reference.name()).append('}');
      }
    }
    return literal.toString();
  }

  private boolean hasDollar() {
    for (Part part : parts) {
      if (part instanceof Literal literal && literal.value().indexOf('$') >= 0) {
        return true;
      }
    }
    return false;
  }
}
