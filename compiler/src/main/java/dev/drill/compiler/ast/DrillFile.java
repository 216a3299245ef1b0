package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;

/** A parsed .drill file. */
public record DrillFile(SourceSpan span, List<Drill> drills) {
  public DrillFile {
    drills = List.copyOf(drills);
  }
}
