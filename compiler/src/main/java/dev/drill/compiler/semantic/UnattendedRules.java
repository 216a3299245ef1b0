package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.DrillKind;
import dev.drill.plan.SourceSpan;
import java.util.List;

/**
 * What runs without a person to answer: an experiment drill has no responder phases, and a
 * background inject step no manual action (nobody answers two prompts at once).
 */
final class UnattendedRules {

  private UnattendedRules() {}

  static void run(DrillParts parts, List<Diagnostic> out) {
    Drill drill = parts.drill;
    if (drill.kind() == DrillKind.EXPERIMENT) {
      for (DrillItem item : drill.items()) {
        if (item instanceof DrillItem.DetectBlock || item instanceof DrillItem.RecoverBlock
            || item instanceof DrillItem.CommsBlock) {
          String keyword = StructureRules.keywordOf(item);
          out.add(Diagnostic.of(Code.D111, StructureRules.keywordSpan(item.span(), keyword),
              "experiment drill '" + drill.name().value() + "' has a '" + keyword + "' block",
              "an experiment runs unattended and has no responders: remove the block",
              "a drill with responders who detect and recover is 'kind technical'"));
        }
      }
    }
    for (DrillItem.InjectBlock inject : parts.injects) {
      List<SourceSpan> clauses = inject.background();
      for (SourceSpan extra : clauses.subList(Math.min(1, clauses.size()), clauses.size())) {
        out.add(Diagnostic.of(Code.D101, extra,
            "inject step '" + inject.id().value() + "' has a second 'background' clause", "keep one")
            .withRelated(clauses.get(0), "the first one"));
      }
      if (inject.runsInBackground()) {
        for (Action action : inject.actions()) {
          if (action instanceof Action.Manual manual) {
            out.add(Diagnostic.of(Code.D112, manual.span(),
                "inject step '" + inject.id().value() + "' runs in the background but asks a person to act",
                "a person cannot answer two prompts at once: background steps hold run, http and wait actions",
                "move the manual action to a step that is not in the background"));
          }
        }
      }
    }
  }
}
