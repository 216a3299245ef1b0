package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A probe with its polling options ({@code every}, {@code timeout}, {@code for}). */
public record ProbeSpec(SourceSpan span, Probe probe, List<Option> options) {

  public ProbeSpec {
    options = List.copyOf(options);
  }

  public enum OptionKind {
    EVERY,
    TIMEOUT,
    FOR;

    public String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public record Option(SourceSpan span, OptionKind kind, DurationValue value) {}

  public Optional<DurationValue> option(OptionKind kind) {
    for (Option option : options) {
      if (option.kind() == kind) {
        return Optional.of(option.value());
      }
    }
    return Optional.empty();
  }
}
