package dev.drill.compiler.check.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.check.SampleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubOutputTest {

  private static String github(CheckFindings findings, boolean strict) {
    return OutputFormat.GITHUB.render(findings, SampleFindings.SOURCES, strict);
  }

  @Test
  void oneCommandPerDiagnosticThenTheSummary() {
    assertEquals(
        "::error file=guides/matching-engine-crash.md,line=42,col=1,endLine=42,endColumn=12,"
            + "title=D604 step without a section in the guide::step 'restart' has no section in the guide"
            + "%0Ahint: add a section for it: drill guide --update"
            + "%0Anote: the step is declared here at samples/drills/matching-engine-crash.drill:3:3\n"
            + "::warning file=samples/drills/matching-engine-crash.drill,line=2,col=3,endLine=2,endColumn=12,"
            + "title=D402 unused param::param 'host' is never used%0Ahint: remove it, or use it as ${host}\n"
            + "checked 2 drills, 1 failed: 1 error, 1 warning\n",
        github(new CheckFindings(List.of(SampleFindings.ENGINE, SampleFindings.CLEAN)), false));
  }

  @Test
  void escapesMessagesAndProperties() {
    assertEquals(
        "::error file=samples/drills/zürich%2C a%3Ab 100%25.drill,line=7,endLine=8,"
            + "title=D607 command differs from the drill::"
            + "command <kill> & \"quoted\" 'single' ]]> 50%25%0D%0Asecond line,\tcol: 3\u0001\u001b[31m Zürich — 東京 😀"
            + "%0Ahint: hint with <command <kill> & \"quoted\" 'single' ]]> 50%25%0D%0Asecond line,\tcol: 3"
            + "\u0001\u001b[31m Zürich — 東京 😀>\n"
            + "checked 1 drill, 1 failed: 1 error, 0 warnings\n",
        github(new CheckFindings(List.of(SampleFindings.NASTY_ENTRY)), false));
  }

  @Test
  void anEmptySpanGetsOneColumn() {
    assertEquals("::error file=broken.drill,line=3,col=1,endLine=3,endColumn=1,title=D006 syntax error::expected '}'",
        GithubOutput.command(SampleFindings.SYNTAX));
  }

  @Test
  void escapingFollowsTheActionsToolkit() {
    assertEquals("100%25%0D%0Adone: a, b", GithubOutput.data("100%\r\ndone: a, b"));
    assertEquals("100%25%0D%0Adone%3A a%2C b", GithubOutput.property("100%\r\ndone: a, b"));
    assertEquals("%2525", GithubOutput.data("%25"), "percent first, so escapes are not escaped twice");
  }

  @Test
  void strictSaysWarningsCount() {
    assertEquals("::warning file=samples/drills/warned.drill,line=1,col=1,endLine=1,endColumn=1,"
            + "title=D701 never practiced::never practiced\n"
            + "checked 1 drill, 1 failed: 0 errors, 1 warning (--strict: warnings count as failures)\n",
        github(new CheckFindings(List.of(SampleFindings.WARNED)), true));
  }
}
