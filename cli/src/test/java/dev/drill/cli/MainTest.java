package dev.drill.cli;

import static dev.drill.cli.CompileCommandTest.drill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.CompileCommandTest.Outcome;
import org.junit.jupiter.api.Test;

/** Only the command being run is registered with picocli; everything around it must not notice. */
class MainTest {

  @Test
  void helpListsEveryCommand() {
    Outcome help = drill("--help");
    assertEquals(Main.OK, help.exit());
    for (String command : new String[] {"compile", "fmt", "guide", "check", "run", "list", "report", "note", "help"}) {
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
  void aMistypedCommandGetsASuggestion() {
    Outcome typo = drill("chek");
    assertEquals(Main.USAGE, typo.exit());
    assertTrue(typo.err().contains("Did you mean: drill check"), typo.err());
  }

  @Test
  void noCommandPrintsTheUsage() {
    Outcome none = drill();
    assertTrue(none.err().contains("Commands:"), none.err());
  }

  @Test
  void versionNeedsNoCommand() {
    Outcome version = drill("--version");
    assertEquals(Main.OK, version.exit());
    assertTrue(version.out().startsWith("drill "), version.out());
  }
}
