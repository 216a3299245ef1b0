package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Semantic analysis of a parsed drill: every rule of the language that the grammar cannot
 * express. The passes are independent, so all of them run and report together.
 */
public final class SemanticAnalyzer {

  private SemanticAnalyzer() {}

  /** D104 for each name that is not kebab-case; {@code what} names the kind ("template name"). */
  public static List<Diagnostic> kebabCase(List<Name> names, String what) {
    List<Diagnostic> out = new ArrayList<>();
    names.forEach(name -> NameRules.kebab(name, what, out));
    return out;
  }

  /** Every finding, in source order. */
  public static List<Diagnostic> analyze(Drill drill) {
    List<Diagnostic> out = new ArrayList<>();
    Declarations declared = Declarations.collect(drill, out);
    DrillParts parts = DrillParts.of(drill);
    StructureRules.run(parts, out);
    UnattendedRules.run(parts, out);
    NameRules.run(drill, out);
    ReferenceRules.run(parts, declared, out);
    BudgetRules.run(parts, out);
    SecretRules.run(parts, declared, out);
    ValueRules.run(parts, out);
    ParamDefaultRules.run(parts, out);
    out.sort(Comparator.comparing(Diagnostic::span));
    return out;
  }
}
