package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.CompileCommandTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes a plan as text (the guide, the dry run) takes the longest and the
 * shortest durations the compiler accepts: every duration at 366d, polling at 100ms.
 */
class DurationExtremesTest {

  static final String LONGEST = String.join("\n",
      "drill year-long {",
      "  title   \"Every budget at its maximum\"",
      "  owner   \"platform\"",
      "  timebox 366d",
      "  cadence 366d",
      "  rerun   366d",
      "",
      "  roles { operator \"Runs the steps\" }",
      "",
      "  inject stop { run \"true\" timeout 366d }",
      "",
      "  detect any within 366d {",
      "    signal down { command \"false\" every 100ms timeout 100ms for 366d }",
      "  }",
      "",
      "  recover within 366d {",
      "    step wait \"Wait a year\" by operator within 366d {",
      "      wait 366d",
      "      verify { manual \"Done?\" every 100ms } within 366d",
      "    }",
      "  }",
      "",
      "  comms {",
      "    update \"everyone\" every 366d by operator",
      "    notify \"the board\" within 366d by operator",
      "  }",
      "}",
      "");

  @TempDir Path dir;

  @Test
  void theLongestDurationsCompileGuideCheckAndDryRun() throws IOException {
    Path drill = dir.resolve("year-long.drill");
    Files.writeString(drill, LONGEST);
    Outcome compiled = CompileCommandTest.drill("compile", drill.toString());
    assertEquals(0, compiled.exit(), compiled.err());

    Outcome guide = CompileCommandTest.drill("guide", drill.toString());
    assertEquals(0, guide.exit(), guide.err());
    String written = Files.readString(dir.resolve("year-long.md"));
    assertTrue(written.contains("366d"), written);

    // check refuses a --results directory that does not exist; an empty one is "never practiced".
    Files.createDirectories(dir.resolve("results"));
    Outcome check = CompileCommandTest.drill("check", drill.toString(), "--results", dir.resolve("results").toString(),
        "--today", "2026-12-01");
    assertEquals(0, check.exit(), check.out() + check.err());
    assertFalse(check.out().contains("D6"), check.out());

    Outcome dryRun = CompileCommandTest.drill("run", drill.toString(), "--dry-run", "--journal",
        dir.resolve("runs").toString(), "--results", dir.resolve("results").toString());
    assertEquals(0, dryRun.exit(), dryRun.out() + dryRun.err());
    String timeline = dryRun.out() + dryRun.err();
    assertTrue(timeline.contains("timebox 366d"), timeline);
    assertTrue(timeline.contains("every 100ms"), timeline);
    assertTrue(timeline.contains("wait 366d"), timeline);
  }
}
