package dev.drill.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project as a team has it (a repository, its drills in a folder), worked on from wherever
 * a person stands in it: run results and journals live at the project root, and a compiled
 * plan runs its commands beside its drill, not beside the plan file.
 */
class ProjectRootTest {

  @TempDir Path work;
  Path repo;
  Path drills;

  private static final String DRILL = String.join("\n",
      "drill where-am-i {",
      "  title \"Where commands run\"",
      "  owner \"sre\"",
      "  kind  ics",
      "  setup { run \"pwd > ran-here.txt\" }",
      "}",
      "");

  @BeforeEach
  void project() throws IOException {
    repo = work.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    drills = Files.createDirectories(repo.resolve("drills"));
    Files.writeString(drills.resolve("where-am-i.drill"), DRILL);
    Files.createDirectories(repo.resolve("docs"));
  }

  private static String drill(Path cwd, int exit, String... args) throws Exception {
    DrillProcess process = DrillProcess.start(cwd, args);
    int code = process.waitFor(60);
    assertEquals(exit, code, String.join(" ", args) + ":\n" + process.output());
    return process.output();
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(f -> f.toString().endsWith(suffix)).toList();
    }
  }

  /** From a subdirectory, a run writes at the project root, and check and list read there. */
  @Test
  void resultsAndRunsAreAtTheProjectRootWhereverDrillIsRunFrom() throws Exception {
    Path docs = repo.resolve("docs");
    drill(docs, 0, "guide", "../drills/where-am-i.drill");
    drill(docs, 0, "run", "../drills/where-am-i.drill", "--auto");
    assertEquals(1, files(repo.resolve("drill-results"), ".json").size(), "the result at the project root");
    assertEquals(1, files(repo.resolve("drill-runs"), "journal.jsonl").size(), "the journal at the project root");
    assertFalse(Files.exists(docs.resolve("drill-results")) || Files.exists(docs.resolve("drill-runs")),
        "nothing written where the command was typed");

    String checked = drill(drills, 0, "check", "--strict");
    assertTrue(checked.contains("checked 1 drill: 0 errors, 0 warnings"), "practiced, not D701: " + checked);
    String listed = drill(docs, 0, "list", "../drills");
    assertTrue(listed.lines().anyMatch(l -> l.startsWith("where-am-i") && l.contains("passed")), listed);

    // Given on the command line, a directory is the user's, relative to where they stand.
    drill(docs, 0, "run", "../drills/where-am-i.drill", "--auto", "--results", "mine", "--journal", "my-runs");
    assertEquals(1, files(docs.resolve("mine"), ".json").size());
    assertEquals(1, files(docs.resolve("my-runs"), "journal.jsonl").size());
    // A --results that does not exist is a typo to check and list, a place to create to run.
    String typo = drill(docs, 2, "check", "../drills", "--results", "drill-result");
    assertEquals("drill check: --results drill-result: no such directory (without --results, drill-results/ at"
        + " the project root is read)\n", typo);
    drill(docs, 2, "list", "../drills", "--results", "drill-result");
  }

  /** drill compile -o plans/ then drill run plans/...: the commands run in the drill's directory. */
  @Test
  void aCompiledPlanRunsItsCommandsInItsDrillsDirectory() throws Exception {
    drill(repo, 0, "compile", "drills", "-o", "plans");
    Path plan = repo.resolve("plans/where-am-i.plan.json");
    assertTrue(Files.readString(plan).contains("\"directory\": \"drills\""), Files.readString(plan));
    drill(repo, 0, "run", "plans/where-am-i.plan.json", "--auto");
    assertEquals(drills.toRealPath().toString(), Files.readString(drills.resolve("ran-here.txt")).strip());
    assertFalse(Files.exists(repo.resolve("plans/ran-here.txt")), "not beside the plan");
    Files.delete(drills.resolve("ran-here.txt"));

    // A plan printed to stdout and kept outside the project runs from inside it.
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    Path copy = elsewhere.resolve("where-am-i.plan.json");
    Files.copy(plan, copy);
    drill(repo.resolve("docs"), 0, "run", copy.toString(), "--auto", "--journal", "r2", "--results", "res2");
    assertTrue(Files.exists(drills.resolve("ran-here.txt")), "in the drill's directory of the project it ran from");
    // Outside any project, where the drill's directory is cannot be known: nothing runs.
    String nowhere = drill(elsewhere, 2, "run", copy.toString(), "--auto");
    assertTrue(nowhere.contains("runs its commands in its drill's directory, 'drills' in the drill's project,"
        + " but neither"), nowhere);
  }
}
