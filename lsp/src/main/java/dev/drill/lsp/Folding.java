package dev.drill.lsp;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.Template;
import dev.drill.compiler.ast.Text;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Range;

/** What folds: every block ({@code { ... }}) and every {@code """} block that spans lines. */
final class Folding {

  private Folding() {}

  static List<FoldingRange> of(Analysis analysis) {
    List<FoldingRange> ranges = new ArrayList<>();
    Optional<DrillFile> file = analysis.outline().file();
    if (file.isEmpty()) {
      return ranges;
    }
    // The outline's symbols are the blocks; their ranges are exact.
    Symbols.of(analysis).forEach(symbol -> addBlocks(symbol, ranges));
    List<DrillItem> items = new ArrayList<>();
    file.get().templates().stream().map(Template::items).forEach(items::addAll);
    file.get().drills().stream().map(Drill::items).forEach(items::addAll);
    for (DrillItem item : items) {
      if (item instanceof DrillItem.RecoverBlock recover) {
        recover.steps().forEach(step -> step.verifies().forEach(v -> add(v.span(), analysis, ranges)));
      }
      if (item instanceof DrillItem.SetupBlock || item instanceof DrillItem.TeardownBlock
          || item instanceof DrillItem.CommsBlock || item instanceof DrillItem.AbortBlock
          || item instanceof DrillItem.DebriefBlock) {
        add(item.span(), analysis, ranges);
      }
    }
    TextWalk.of(items).stream().filter(Text::block).forEach(text -> add(text.span(), analysis, ranges));
    ranges.sort((a, b) -> Integer.compare(a.getStartLine(), b.getStartLine()));
    return dedupe(ranges);
  }

  private static void addBlocks(DocumentSymbol symbol, List<FoldingRange> ranges) {
    add(symbol.getRange(), ranges);
    symbol.getChildren().forEach(child -> addBlocks(child, ranges));
  }

  private static void add(SourceSpan span, Analysis analysis, List<FoldingRange> ranges) {
    add(Positions.range(span, analysis.text(span.file())), ranges);
  }

  private static void add(Range range, List<FoldingRange> ranges) {
    if (range.getEnd().getLine() > range.getStart().getLine()) {
      ranges.add(new FoldingRange(range.getStart().getLine(), range.getEnd().getLine()));
    }
  }

  private static List<FoldingRange> dedupe(List<FoldingRange> ranges) {
    List<FoldingRange> unique = new ArrayList<>();
    for (FoldingRange range : ranges) {
      if (unique.stream().noneMatch(r -> r.getStartLine() == range.getStartLine() && r.getEndLine() == range.getEndLine())) {
        unique.add(range);
      }
    }
    return unique;
  }
}
