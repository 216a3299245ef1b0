package dev.drill.compiler.check;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
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

  /** The id's span in the file, found from where the plan says its drill starts. */
  static Declared of(Plan plan, SourceFile source) {
    int line = plan.source().line();
    String text = source.line(line);
    int at = Math.min(text.length(), Math.max(0, plan.source().column() - 1)) + "drill".length();
    // The id follows the keyword, after blanks, line breaks and comments.
    while (true) {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      if (at < text.length() && text.charAt(at) != '#' && !text.startsWith("//", at)) {
        break;
      }
      if (line >= plan.source().endLine()) {
        return new Declared(plan.id(), SourceSpan.at(plan.source().file(), plan.source().line(),
            plan.source().column()));
      }
      line++;
      text = source.line(line);
      at = 0;
    }
    int column = text.codePointCount(0, at) + 1;
    return new Declared(plan.id(), new SourceSpan(plan.source().file(), line, column, line,
        column + plan.id().codePointCount(0, plan.id().length()) - 1));
  }

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
