package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;

/** A parsed .drill file: its imports, templates and drills, each in source order. */
public record DrillFile(SourceSpan span, List<Import> imports, List<Template> templates, List<Drill> drills) {
  public DrillFile {
    imports = List.copyOf(imports);
    templates = List.copyOf(templates);
    drills = List.copyOf(drills);
  }

  /** A file of templates (and imports) only: it gets no plan and no guide. */
  public boolean isLibrary() {
    return drills.isEmpty() && !(imports.isEmpty() && templates.isEmpty());
  }
}
