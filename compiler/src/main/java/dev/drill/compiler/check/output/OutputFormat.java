package dev.drill.compiler.check.output;

import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.source.SourceFile;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The output formats of {@code drill check --format}. Every format is deterministic (the
 * entries and their diagnostics in the order given, keys in a fixed order, no timestamps)
 * and ends with a newline.
 */
public enum OutputFormat {
  /** The compiler's human-readable diagnostics with source excerpts, then a summary line. */
  TEXT,
  /** One JSON document: a summary and every drill with its diagnostics. */
  JSON,
  /** JUnit XML: one test case per drill, failing on its errors. */
  JUNIT,
  /** SARIF 2.1.0, for code-scanning dashboards. */
  SARIF,
  /** GitHub Actions workflow commands (annotations), then a summary line. */
  GITHUB;

  /**
   * Renders the findings.
   *
   * @param sources the text of a file the diagnostics point into, for excerpts (TEXT and
   *     JUNIT); an unknown file is shown without one
   * @param strict whether warnings fail the check too
   */
  public String render(CheckFindings findings, Function<String, Optional<SourceFile>> sources, boolean strict) {
    switch (this) {
      case TEXT:
        return TextOutput.render(findings, sources, strict);
      case JSON:
        return JsonOutput.render(findings, strict);
      case JUNIT:
        return JunitOutput.render(findings, sources, strict);
      case SARIF:
        return SarifOutput.render(findings);
      case GITHUB:
        return GithubOutput.render(findings, strict);
      default:
        throw new AssertionError(this);
    }
  }

  /** The name on the command line: {@code text}, {@code json}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format with this command-line name, ignoring case. */
  public static Optional<OutputFormat> named(String id) {
    return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
  }
}
