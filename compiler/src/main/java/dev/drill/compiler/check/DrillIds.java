package dev.drill.compiler.check;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One drill id, one file (D207): run results, journals and guides are keyed by the id, so a
 * copy of a drill under the same id would show the original's last run as its own.
 */
final class DrillIds {

  private DrillIds() {}

  /** Where a drill declares its id: the name after {@code drill}. */
  record Declared(String id, SourceSpan span) {}

  /** A D207 at each declaration of an id an earlier file declared, by file. */
  static Map<String, Diagnostic> duplicates(List<Declared> declared) {
    Map<String, Declared> first = new HashMap<>();
    Map<String, Diagnostic> found = new HashMap<>();
    for (Declared d : declared) {
      Optional<Declared> earlier = Optional.ofNullable(first.putIfAbsent(d.id(), d));
      earlier.ifPresent(e -> found.put(d.span().file(), Diagnostic.of(Code.D207, d.span(),
          "drill id '" + d.id() + "' is declared by " + e.span().file() + " too",
          "run results are kept by drill id, so both would share one practice record: rename this one"
              + " (the first is at " + e.span().file() + ":" + e.span().line() + ":" + e.span().column() + ")")));
    }
    return found;
  }
}
