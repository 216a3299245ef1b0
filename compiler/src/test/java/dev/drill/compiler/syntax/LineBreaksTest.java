package dev.drill.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Action;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LF, CRLF and an old Mac's lone CR are each a line break, for positions, blocks and drill fmt alike. */
class LineBreaksTest {

  private static final String DRILL = String.join("\n",
      "drill x {",
      "  title \"t\"",
      "  owner \"o\"",
      "  kind  ics",
      "",
      "  setup {",
      "    run \"\"\"",
      "      echo one",
      "",
      "        echo two",
      "    \"\"\"",
      "  }",
      "}",
      "");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LF", "CRLF", "CR"})
  void aDiagnosticIsOnTheLineAnEditorShows(String kind) {
    String text = DRILL.replace("owner \"o\"", "owner \"o\" @").replace("\n", lineBreak(kind));
    CompileResult result = DrillCompiler.compile("x.drill", text.getBytes(StandardCharsets.UTF_8));
    Diagnostic d = result.diagnostics().get(0);
    assertEquals("x.drill:3:13: error D001: unexpected character '@'\n"
        + " 3 |   owner \"o\" @\n"
        + "   |             ^\n", DiagnosticRenderer.render(d, result.source()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LF", "CRLF", "CR"})
  void aBlockHoldsItsLinesJoinedByNewline(String kind) {
    CompileResult result = DrillCompiler.compile(new SourceFile("x.drill", DRILL.replace("\n", lineBreak(kind))));
    Action.Run run = (Action.Run) result.plan().orElseThrow().setup().get(0);
    assertEquals("echo one\n\n  echo two", run.command());
    assertEquals("x.drill:7:5-11:7", run.source().toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LF", "CRLF", "CR"})
  void fmtKeepsTheFilesLineBreak(String kind) {
    String messy = DRILL.replace("  title \"t\"", "title    \"t\"").replace("  kind  ics", "      kind ics")
        .replace("\n", lineBreak(kind));
    Formatter.Formatted once = (Formatter.Formatted) Formatter.format("x.drill", messy.getBytes(StandardCharsets.UTF_8));
    assertEquals(DRILL.replace("\n", lineBreak(kind)), once.text());
    Formatter.Formatted twice = (Formatter.Formatted) Formatter.format("x.drill",
        once.text().getBytes(StandardCharsets.UTF_8));
    assertEquals(false, twice.changed());
  }

  /** Most lines end with CR here: the lines that end with LF or CRLF get CR too, blocks included. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LF", "CRLF", "CR"})
  void fmtGivesAFileThatMixesThemItsMostCommonLineBreak(String kind) {
    String[] lines = DRILL.split("\n", -1);
    StringBuilder mixed = new StringBuilder();
    for (int i = 0; i < lines.length - 1; i++) {
      mixed.append(lines[i]).append(i % 3 == 0 ? lineBreak("LF") : i % 3 == 1 ? lineBreak("CRLF") : lineBreak(kind))
          .append(i == 4 ? lineBreak(kind).repeat(4) : "");
    }
    String text = Formatter.format(new SourceFile("x.drill", mixed.toString())).orElseThrow();
    assertEquals(DRILL.replace("\n", lineBreak(kind)), text);
  }

  private static String lineBreak(String kind) {
    return kind.equals("LF") ? "\n" : kind.equals("CRLF") ? "\r\n" : "\r";
  }
}
