package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.CompileCommandTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuideCommandTest {

  @TempDir Path dir;
  Path drill;
  Path guide;

  @BeforeEach
  void aDrill() throws IOException {
    drill = dir.resolve("db-failover.drill");
    Files.writeString(drill, CompileCommandTest.VALID);
    guide = dir.resolve("db-failover.md");
  }

  @Test
  void writesTheGuideBesideTheDrill() throws IOException {
    Outcome o = CompileCommandTest.drill("guide", drill.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(Files.readString(guide).startsWith("<!-- drill:guide db-failover sha256:"));
    assertTrue(o.err().contains("wrote "), o.err());
  }

  @Test
  void neverOverwritesAnExistingGuideWithoutUpdate() throws IOException {
    Files.writeString(guide, "# Our own runbook\n");
    Outcome o = CompileCommandTest.drill("guide", drill.toString());
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("exists; use --update"), o.err());
    assertEquals("# Our own runbook\n", Files.readString(guide));
  }

  @Test
  void updateKeepsTheTeamsTextAndFollowsTheDrill() throws IOException {
    CompileCommandTest.drill("guide", drill.toString());
    Files.writeString(guide, Files.readString(guide).replace("## Rollback",
        "Call the DBA on duty before promoting: 555-0100.\n\n## Rollback"));
    Files.writeString(drill, Files.readString(drill).replace("pgctl promote", "pgctl promote --wait"));
    Outcome o = CompileCommandTest.drill("guide", "--update", drill.toString());
    assertEquals(0, o.exit(), o.err());
    String updated = Files.readString(guide);
    assertTrue(updated.contains("Call the DBA on duty before promoting: 555-0100."));
    assertTrue(updated.contains("pgctl promote --wait"));
    assertTrue(o.err().contains("updated "), o.err());
    assertEquals(0, CompileCommandTest.drill("check", drill.toString(), "--results",
        Files.createDirectories(dir.resolve("r")).toString())
        .exit());
    Outcome again = CompileCommandTest.drill("guide", "--update", drill.toString());
    assertTrue(again.err().contains("up to date "), again.err());
  }

  @Test
  void updateRefusesAFileThatIsNotAGeneratedGuide() throws IOException {
    Files.writeString(guide, "# Our own runbook\n\nWritten by hand.\n");
    Outcome o = CompileCommandTest.drill("guide", "--update", drill.toString());
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("not a generated guide"), o.err());
    assertEquals("# Our own runbook\n\nWritten by hand.\n", Files.readString(guide));
  }

  @Test
  void aTeamsTemplateIsUsed() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    String builtIn;
    try (var in = getClass().getResourceAsStream("/dev/drill/compiler/guide/guide.md.ftl")) {
      builtIn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Files.writeString(templates.resolve("guide.md.ftl"), builtIn.replace("# ${title}", "# RUNBOOK: ${title}"));
    Outcome o = CompileCommandTest.drill("guide", "--templates", templates.toString(), drill.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(Files.readString(guide).contains("# RUNBOOK: Primary database fails over"));
  }

  @Test
  void aTemplateWhoseGuideWouldFailTheCheckIsRefused() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("guide.md.ftl"), "${marker}\n# RUNBOOK: ${title}\n");
    Outcome o = CompileCommandTest.drill("guide", "--templates", templates.toString(), drill.toString());
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("would fail drill check; nothing written"), o.err());
    assertTrue(o.err().contains("D604"), o.err());
    assertFalse(Files.exists(guide));
  }

  @Test
  void aBrokenTemplateIsAnErrorNamingItsLineNotAStackTrace() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("guide.md.ftl"), "${marker}\n${no.such.value}\n");
    Outcome o = CompileCommandTest.drill("guide", "--templates", templates.toString(), drill.toString());
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("template guide.md.ftl:2:"), o.err());
    assertFalse(o.err().contains("at freemarker."), o.err());
    assertFalse(Files.exists(guide));
  }

  @Test
  void aTemplateLinkedFromOutsideTheFolderIsAUsageError() throws IOException {
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.ftl"), "${marker}\n# ${title}\n");
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.createSymbolicLink(templates.resolve("guide.md.ftl"), elsewhere);
    Outcome o = CompileCommandTest.drill("guide", "--templates", templates.toString(), drill.toString());
    assertEquals(Main.USAGE, o.exit(), o.err());
    assertEquals("drill guide: --templates " + templates + ": guide.md.ftl is a link to " + elsewhere.toRealPath()
        + ", outside the folder; copy the template into the folder instead\n", o.err());
    assertFalse(Files.exists(guide));
  }

  @Test
  void aTemplateLinkedWithinTheFolderIsUsed() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    String builtIn;
    try (var in = getClass().getResourceAsStream("/dev/drill/compiler/guide/guide.md.ftl")) {
      builtIn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Path team = Files.writeString(templates.resolve("team.ftl"), builtIn.replace("# ${title}", "# RUNBOOK: ${title}"));
    Files.createSymbolicLink(templates.resolve("guide.md.ftl"), team.getFileName());
    Outcome o = CompileCommandTest.drill("guide", "--templates", templates.toString(), drill.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(Files.readString(guide).contains("# RUNBOOK: Primary database fails over"));
  }

  @Test
  void aDrillWithErrorsGetsNoGuide() throws IOException {
    Files.writeString(drill, CompileCommandTest.VALID.replace("by operator", "by nobody"));
    Outcome o = CompileCommandTest.drill("guide", drill.toString());
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("error D202"), o.err());
    assertFalse(Files.exists(guide));
  }
}
