package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.CompileCommandTest.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drill new end to end: what it writes passes compile, fmt --check and check; what it refuses leaves no trace. */
class NewCommandTest {

  @TempDir Path repo;
  Path drills;

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectory(repo.resolve(".git"));
    drills = repo.resolve("drills");
  }

  private static Outcome drill(String... args) {
    return CompileCommandTest.drill(args);
  }

  @Test
  void everyKindPassesCompileFmtAndCheckAsWritten() throws IOException {
    Outcome technical = drill("new", "technical", "payment-outage", "--dir", drills.toString());
    assertEquals(Main.OK, technical.exit(), technical.err());
    assertEquals("wrote " + shown("payment-outage.drill") + "\nwrote " + shown("guides/payment-outage.md")
        + "\nnext: fill in each TODO(team) of " + shown("payment-outage.drill") + ", then run drill guide --update "
        + shown("payment-outage.drill") + " and drill check\n", technical.out());
    assertEquals("", technical.err());
    for (String[] kind : new String[][] {{"security", "portal-breach"}, {"ics", "power-loss"}, {"library", "web-fleet"}}) {
      Outcome created = drill("new", kind[0], kind[1], "--dir", drills.toString());
      assertEquals(Main.OK, created.exit(), created.err());
    }
    assertEquals(List.of("guides/payment-outage.md", "guides/portal-breach.md", "guides/power-loss.md",
            "guides/web-fleet-example.md", "lib/web-fleet.drill", "payment-outage.drill", "portal-breach.drill",
            "power-loss.drill", "web-fleet-example.drill"),
        List.copyOf(tree(drills).keySet()));

    Outcome compiled = drill("compile", drills.toString(), "-o", repo.resolve("plans").toString());
    assertEquals(Main.OK, compiled.exit(), compiled.err());
    assertTrue(compiled.err().contains("(0 errors, 0 warnings)"), compiled.err());
    Outcome formatted = drill("fmt", "--check", drills.toString());
    assertEquals(Main.OK, formatted.exit(), formatted.err());
    Outcome checked = drill("check", drills.toString(), "--today=2026-12-01");
    assertEquals(Main.OK, checked.exit(), checked.out() + checked.err());
    assertTrue(checked.out().contains("0 errors, 4 warnings"), checked.out());
    assertEquals(4, checked.out().split("D701", -1).length - 1, "the warnings are 'never practiced':\n" + checked.out());
    Outcome guides = drill("guide", "--update", drills.toString());
    assertEquals(Main.OK, guides.exit(), guides.err());
    assertFalse(guides.err().contains("updated "), "the guides are drill guide's own:\n" + guides.err());
  }

  @Test
  void theDirectoryIsCreatedAndDefaultsToTheWorkingOne() {
    Outcome created = drill("new", "ics", "power-loss", "--dir", repo.resolve("a/b").toString());
    assertEquals(Main.OK, created.exit(), created.err());
    assertTrue(Files.isRegularFile(repo.resolve("a/b/power-loss.drill")));
    assertTrue(Files.isRegularFile(repo.resolve("a/b/guides/power-loss.md")));
    assertTrue(drill("new", "--help").out().contains("--dir=DIR"));
  }

  @Test
  void aNameThatIsNotADrillIdIsAUsageErrorAndWritesNothing() throws IOException {
    Outcome bad = drill("new", "technical", "Payment_Outage", "--dir", drills.toString());
    assertEquals(Main.USAGE, bad.exit());
    assertEquals("drill new: drill name 'Payment_Outage' is not kebab-case, so it cannot be a drill id; use"
        + " lower-case words joined by '-', such as 'payment-outage'\n", bad.err());
    assertEquals("", bad.out());
    assertFalse(Files.exists(drills));
  }

  @Test
  void anUnknownKindIsAUsageErrorListingTheKinds() {
    Outcome typo = drill("new", "tecnical", "payment-outage", "--dir", drills.toString());
    assertEquals(Main.USAGE, typo.exit());
    assertEquals("drill new: unknown kind 'tecnical'; did you mean 'technical'? (the kinds are technical, security,"
        + " ics or library)\n", typo.err());
    Outcome unknown = drill("new", "chaos", "payment-outage", "--dir", drills.toString());
    assertEquals("drill new: unknown kind 'chaos'; the kinds are technical, security, ics or library\n", unknown.err());
    assertFalse(Files.exists(drills));
  }

  @Test
  void anExistingFileIsNeverOverwrittenAndNothingIsWritten() throws IOException {
    assertEquals(Main.OK, drill("new", "technical", "payment-outage", "--dir", drills.toString()).exit());
    Path drillFile = drills.resolve("payment-outage.drill");
    Files.writeString(drillFile, "# our edits\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Map<String, String> before = tree(drills);

    Outcome again = drill("new", "security", "payment-outage", "--dir", drills.toString());
    assertEquals(Main.USAGE, again.exit());
    assertEquals("drill new: " + shown("payment-outage.drill") + " exists; drill new never overwrites a file, so"
        + " nothing was written; choose another NAME, or another directory with --dir\n", again.err());
    assertEquals(before, tree(drills), "every file byte-identical, none added");

    // Only the guide is in the way: the drill is not written either.
    Files.delete(drillFile);
    Outcome guideInTheWay = drill("new", "technical", "payment-outage", "--dir", drills.toString());
    assertEquals(Main.USAGE, guideInTheWay.exit());
    assertTrue(guideInTheWay.err().startsWith("drill new: " + shown("guides/payment-outage.md") + " exists;"),
        guideInTheWay.err());
    assertFalse(Files.exists(drillFile));
  }

  @Test
  void missingArgumentsAndAFileAsDirectoryAreUsageErrors() throws IOException {
    Outcome missing = drill("new", "technical");
    assertEquals(Main.USAGE, missing.exit());
    assertEquals("drill new: missing NAME; drill new --help shows what it takes\n", missing.err());
    Path file = Files.writeString(repo.resolve("notes.txt"), "mine\n");
    Outcome notADirectory = drill("new", "ics", "power-loss", "--dir", file.toString());
    assertEquals(Main.USAGE, notADirectory.exit());
    assertEquals("drill new: " + file + " is not a directory; give --dir a directory, or one to create\n",
        notADirectory.err());
    assertEquals("mine\n", Files.readString(file));
  }

  private String shown(String relative) {
    return drills.resolve(relative).toString();
  }

  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    return files;
  }
}
