package dev.drill.compiler.check;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Semantic analysis of a parsed drill: every rule of the language that the grammar cannot
 * express. The passes are independent, so all of them run and report together.
 */
public final class DrillChecker {

  private DrillChecker() {}

  /** Every finding, in source order. */
  public static List<Diagnostic> check(Drill drill) {
    List<Diagnostic> out = new ArrayList<>();
    Declarations declared = Declarations.collect(drill, out);
    List<TextUse> texts = TextUse.of(drill);
    StructureCheck.run(drill, out);
    ReferenceCheck.run(drill, declared, texts, out);
    BudgetCheck.run(drill, out);
    SecretCheck.run(drill, declared, texts, out);
    ValueCheck.run(drill, out);
    ParamValueCheck.run(drill, texts, out);
    out.sort(Comparator.comparing(Diagnostic::span));
    return out;
  }
}
