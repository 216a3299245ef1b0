package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.source.DrillFiles;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drill guide's guarantees, held by its facade: what is written, what is never touched. */
class GuideWriterTest {

  private static final GuideWriter.Options NEW_ONLY = new GuideWriter.Options(Optional.empty(), false);
  private static final GuideWriter.Options UPDATE = new GuideWriter.Options(Optional.empty(), true);

  @TempDir Path dir;
  Path drill;
  Path guide;

  @BeforeEach
  void aDrillWithoutAGuide() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    drill = dir.resolve("design-example.drill");
    Files.writeString(drill, GuideUpdaterTest.DRILL.replaceFirst("(?m)^  guide .*\n", ""));
    guide = dir.resolve("design-example.md");
  }

  private GuideWriter.Result write(GuideWriter.Options options) throws IOException, GuideException {
    return GuideWriter.open(options).write(found());
  }

  private DrillFiles.Found found() throws IOException {
    return DrillFiles.find(List.of(drill)).get(0);
  }

  private <T extends GuideWriter.Outcome> T outcome(GuideWriter.Result result, Class<T> type) {
    return assertInstanceOf(type, result.outcome(), () -> result.outcome().toString());
  }

  @Test
  void writesANewGuideThatPassesTheCheck() throws Exception {
    GuideWriter.Result result = write(NEW_ONLY);
    assertTrue(result.ok());
    assertEquals(DrillFiles.display(guide), outcome(result, GuideWriter.Wrote.class).guide());
    Plan plan = result.compiled().orElseThrow().plan().orElseThrow();
    assertEquals(List.of(), GuideChecker.check(plan, new SourceFile("g.md", Files.readString(guide))));
  }

  @Test
  void neverOverwritesAnExistingGuideWithoutUpdate() throws Exception {
    Files.writeString(guide, "# Our own runbook\n");
    GuideWriter.Result result = write(NEW_ONLY);
    assertFalse(result.ok());
    assertTrue(outcome(result, GuideWriter.Refused.class).reason().endsWith(" exists; use --update to"
        + " regenerate its generated parts (your own text is kept)"));
    assertEquals("# Our own runbook\n", Files.readString(guide));
  }

  @Test
  void updateWritesOnlyWhenSomethingChangedAndKeepsTheTeamsText() throws Exception {
    write(NEW_ONLY);
    GuideWriter.Updated same = outcome(write(UPDATE), GuideWriter.Updated.class);
    assertFalse(same.changed());
    assertEquals(List.of(), same.notes());

    Files.writeString(guide, Files.readString(guide) + "\nCall the DBA first.\n");
    Files.writeString(drill, Files.readString(drill).replace("systemctl restart matching-engine",
        "systemctl restart matching-engine --now"));
    GuideWriter.Updated changed = outcome(write(UPDATE), GuideWriter.Updated.class);
    assertTrue(changed.changed());
    assertTrue(Files.readString(guide).contains("Call the DBA first."));
    assertTrue(Files.readString(guide).contains("--now"));
  }

  @Test
  void updateWritesAGuideThatDoesNotExistYet() throws Exception {
    outcome(write(UPDATE), GuideWriter.Wrote.class);
    assertTrue(Files.exists(guide));
  }

  @Test
  void updateNotesWhatItDidToTheSections() throws Exception {
    write(NEW_ONLY);
    Files.writeString(drill, Files.readString(drill).replace("    step replay",
        "    step warm-up \"Warm the caches\" by operator after restart {\n      run \"me-admin warm\"\n    }\n"
            + "    step replay"));
    GuideWriter.Updated updated = outcome(write(UPDATE), GuideWriter.Updated.class);
    assertEquals(List.of("added a section for the new step 'warm-up'"), updated.notes());
  }

  @Test
  void refusesAFileThatIsNotAGeneratedGuide() throws Exception {
    Files.writeString(guide, "# Our own runbook\n\nWritten by hand.\n");
    assertTrue(outcome(write(UPDATE), GuideWriter.Refused.class).reason().contains("not a generated guide"));
    assertEquals("# Our own runbook\n\nWritten by hand.\n", Files.readString(guide));
  }

  @Test
  void refusesAGuideThatIsNotUtf8() throws Exception {
    byte[] latin1 = "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(guide, latin1);
    assertEquals(DrillFiles.display(guide) + " is not UTF-8 text; not touching it",
        outcome(write(UPDATE), GuideWriter.Refused.class).reason());
    assertArrayEquals(latin1, Files.readAllBytes(guide));
  }

  @Test
  void aDrillThatDoesNotCompileGetsNoGuideAndItsDiagnostics() throws Exception {
    Files.writeString(drill, Files.readString(drill).replace("by operator", "by nobody"));
    GuideWriter.Result result = write(NEW_ONLY);
    assertEquals(DrillFiles.display(drill) + " does not compile; no guide written",
        outcome(result, GuideWriter.Refused.class).reason());
    assertTrue(result.compiled().orElseThrow().hasErrors());
    assertFalse(Files.exists(guide));
  }

  @Test
  void aGuidePathOutsideTheProjectIsRefused() throws Exception {
    Files.writeString(drill, Files.readString(drill).replace("  owner ", "  guide \"../outside.md\"\n  owner "));
    String reason = outcome(write(NEW_ONLY), GuideWriter.Refused.class).reason();
    assertTrue(reason.endsWith("; no guide written") && reason.contains("outside the project root"), reason);
    assertFalse(Files.exists(dir.resolve("../outside.md")));
  }

  @Test
  void aTemplateWhoseGuideWouldFailTheCheckIsRefusedWithTheFinding() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("guide.md.ftl"), "${marker}\n# ${title}\n");
    GuideWriter.Refused refused = outcome(write(new GuideWriter.Options(Optional.of(templates), false)),
        GuideWriter.Refused.class);
    assertEquals("the template gives a guide that would fail drill check; nothing written:", refused.reason());
    assertEquals("D604", refused.finding().orElseThrow().diagnostic().code().name());
    assertTrue(refused.finding().get().guide().text().startsWith("<!-- drill:guide matching-engine-crash "));
    assertFalse(Files.exists(guide));
  }

  @Test
  void aMissingTemplateDirectoryIsRefusedBeforeAnything() {
    Path missing = dir.resolve("no-such-templates");
    GuideException e = assertThrows(GuideException.class,
        () -> GuideWriter.open(new GuideWriter.Options(Optional.of(missing), false)));
    assertEquals("no such template directory: " + missing, e.getMessage());
  }

  @Test
  void anUnreadableDrillIsRefusedWithoutCompiling() throws Exception {
    DrillFiles.Found found = found();
    Files.delete(drill);
    GuideWriter.Result result = GuideWriter.open(NEW_ONLY).write(found);
    assertTrue(result.compiled().isEmpty());
    assertTrue(outcome(result, GuideWriter.Refused.class).reason().startsWith("cannot read " + found.displayPath()));
  }
}
