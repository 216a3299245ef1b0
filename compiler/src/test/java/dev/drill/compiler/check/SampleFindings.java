package dev.drill.compiler.check;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Hand-made findings for the output tests, with text that breaks naive escaping. */
public final class SampleFindings {

  public static final String DRILL = "samples/drills/matching-engine-crash.drill";
  public static final String GUIDE = "guides/matching-engine-crash.md";
  public static final String NASTY_FILE = "samples/drills/zürich, a:b 100%.drill";

  /** Markup, CDATA end, quotes, line breaks, control characters, separators and non-ASCII. */
  public static final String NASTY =
      "command <kill> & \"quoted\" 'single' ]]> 50%\r\nsecond line,\tcol: 3\u0001\u001b[31m Zürich — 東京 😀";

  public static final Diagnostic MISSING_SECTION =
      Diagnostic.of(Code.D604, new SourceSpan(GUIDE, 42, 1, 42, 12),
              "step 'restart' has no section in the guide", "add a section for it: drill guide --update")
          .withRelated(new SourceSpan(DRILL, 3, 3, 3, 14), "the step is declared here");

  public static final Diagnostic UNUSED_PARAM =
      Diagnostic.of(Code.D402, new SourceSpan(DRILL, 2, 3, 2, 12), "param 'host' is never used",
          "remove it, or use it as ${host}");

  public static final Diagnostic NASTY_ERROR =
      Diagnostic.of(Code.D607, new SourceSpan(NASTY_FILE, 7, 5, 8, 2), NASTY, "hint with <" + NASTY + ">");

  /** A syntax error at an insertion point: an empty span (end column before the start). */
  public static final Diagnostic SYNTAX =
      Diagnostic.of(Code.D006, new SourceSpan("broken.drill", 3, 1, 3, 0), "expected '}'");

  public static final CheckFindings.Entry ENGINE =
      new CheckFindings.Entry("matching-engine-crash", DRILL, List.of(MISSING_SECTION, UNUSED_PARAM));
  public static final CheckFindings.Entry NASTY_ENTRY = new CheckFindings.Entry("nasty <&>\n", NASTY_FILE, List.of(NASTY_ERROR));
  public static final CheckFindings.Entry CLEAN = new CheckFindings.Entry("clean", "samples/drills/clean.drill", List.of());
  public static final CheckFindings.Entry WARNED =
      new CheckFindings.Entry("warned", "samples/drills/warned.drill",
          List.of(Diagnostic.of(Code.D701, SourceSpan.at("samples/drills/warned.drill", 1, 1), "never practiced")));
  public static final CheckFindings.Entry BROKEN = new CheckFindings.Entry("broken.drill", "broken.drill", List.of(SYNTAX));

  /** Every kind of entry: errors with a warning, nasty text, clean, only a warning, did not compile. */
  public static final CheckFindings MIXED = new CheckFindings(List.of(ENGINE, NASTY_ENTRY, CLEAN, WARNED, BROKEN));

  public static final SourceFile DRILL_SOURCE = new SourceFile(DRILL,
      "drill matching-engine-crash {\n  param host = \"me-1\"\n  step restart \"Restart\" {\n}\n");
  public static final SourceFile GUIDE_SOURCE = new SourceFile(GUIDE, "# Guide\n".repeat(41) + "## Restart the engine\n");

  public static final Function<String, Optional<SourceFile>> SOURCES =
      file -> Optional.ofNullable(Map.of(DRILL, DRILL_SOURCE, GUIDE, GUIDE_SOURCE).get(file));

  public static final Function<String, Optional<SourceFile>> NO_SOURCES = file -> Optional.empty();

  private SampleFindings() {}
}
