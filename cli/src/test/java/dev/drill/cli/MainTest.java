package dev.drill.cli;

import static dev.drill.cli.CompileCommandTest.drill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.CompileCommandTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the spec of the command being run is built; everything around it must not notice. */
class MainTest {

  @Test
  void helpListsEveryCommand() {
    Outcome help = drill("--help");
    assertEquals(Main.OK, help.exit());
    for (String command : new String[] {"new", "compile", "fmt", "guide", "check", "run", "list", "report", "note", "board", "help"}) {
      assertTrue(help.out().contains("\n  " + command + " "), command + " missing from:\n" + help.out());
    }
  }

  @Test
  void aCommandsHelpNamesItUnderDrill() {
    Outcome help = drill("check", "--help");
    assertEquals(Main.OK, help.exit());
    assertTrue(help.out().startsWith("Usage: drill check "), help.out());
  }

  @Test
  void theHelpCommandFindsTheOtherCommands() {
    Outcome help = drill("help", "run");
    assertEquals(Main.OK, help.exit());
    assertTrue(help.out().startsWith("Usage: drill run "), help.out());
  }

  @Test
  void aMistypedCommandGetsASuggestionInDrillsWords() {
    Outcome typo = drill("chek");
    assertEquals(Main.USAGE, typo.exit());
    assertEquals("drill: unknown command 'chek'; did you mean 'check'?\n", typo.err());
    Outcome unknown = drill("deploy", "x");
    assertEquals(Main.USAGE, unknown.exit());
    assertEquals("drill: unknown command 'deploy'; drill --help lists the commands\n", unknown.err());
  }

  @Test
  void aMistypedOptionGetsASuggestionInDrillsWords() {
    Outcome typo = drill("run", "--atuo", "x.drill");
    assertEquals(Main.USAGE, typo.exit());
    assertEquals("drill run: unknown option '--atuo'; did you mean '--auto'?\n", typo.err());
    Outcome withValue = drill("check", "--result=x");
    assertEquals("drill check: unknown option '--result'; did you mean '--results'?\n", withValue.err());
    Outcome unknown = drill("list", "--colour");
    assertEquals("drill list: unknown option '--colour'; drill list --help lists the options\n", unknown.err());
  }

  /** A usage error is one line in drill's words, never a parser's ("Unmatched argument at index"). */
  @Test
  void everyUsageErrorIsOneLineOfDrillsOwn(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x.drill"), CompileCommandTest.VALID);
    assertOneLine(drill("run"), "drill run: missing FILE; drill run --help shows what it takes");
    assertOneLine(drill("run", "a.drill", "b.drill"),
        "drill run: unexpected argument 'b.drill'; drill run --help shows what it takes");
    assertOneLine(drill("check", "--format"), "drill check: --format needs a value (FORMAT)");
    assertOneLine(drill("run", "x.drill", "--env", "a", "--env", "b"),
        "drill run: --env is given more than once; give it once");
    assertOneLine(drill("check", "--today", "2026-13-01", dir.toString()),
        "drill check: --today wants a date such as 2026-11-24, not '2026-13-01'");
  }

  private static void assertOneLine(Outcome o, String line) {
    assertEquals(Main.USAGE, o.exit(), o.err());
    assertEquals(line + "\n", o.err());
    assertEquals("", o.out());
  }

  @Test
  void noCommandPrintsTheUsageAndIsAUsageError() {
    Outcome none = drill();
    assertEquals(Main.USAGE, none.exit());
    assertTrue(none.err().contains("Commands:"), none.err());
  }

  @Test
  void versionNeedsNoCommand() {
    Outcome version = drill("--version");
    assertEquals(Main.OK, version.exit());
    assertTrue(version.out().startsWith("drill "), version.out());
  }
}
