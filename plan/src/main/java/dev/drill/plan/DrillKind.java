package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * What a drill rehearses; {@code ICS} drills are about incident command, not repair. An
 * {@code EXPERIMENT} runs unattended: no responders, the steady state is checked before the
 * inject steps and once more after them, and a deviation fails the run.
 */
public enum DrillKind {
  TECHNICAL,
  SECURITY,
  ICS,
  EXPERIMENT;

  public static Optional<DrillKind> fromKeyword(String keyword) {
    for (DrillKind kind : values()) {
      if (kind.keyword().equals(keyword)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  @JsonValue
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
