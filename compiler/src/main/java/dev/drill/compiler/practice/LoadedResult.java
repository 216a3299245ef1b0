package dev.drill.compiler.practice;

import dev.drill.plan.RunResult;
import dev.drill.plan.SourceSpan;

/**
 * A run result read from a file. {@code file} is the path it was read from as diagnostics
 * report it: the results directory as given, then the path under it, with {@code /}.
 */
public record LoadedResult(String file, RunResult result) {

  /** The result file as a place to point at, for a diagnostic's note. */
  public SourceSpan span() {
    return SourceSpan.at(file, 1, 1);
  }
}
