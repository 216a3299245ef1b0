package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** drill guide --update: generated parts follow the drill, the team's own text is never lost. */
class GuideUpdaterTest {

  static final String DRILL = read(Path.of("src/test/resources/testdata/good/design-example.drill"));

  static Plan plan(String drillText) {
    return DrillCompiler.compile("x.drill", drillText.getBytes(StandardCharsets.UTF_8)).plan()
        .orElseThrow(() -> new AssertionError("does not compile"));
  }

  static String render(String drillText) {
    try {
      return GuideRenderer.builtIn().render(plan(drillText));
    } catch (GuideException e) {
      throw new AssertionError(e);
    }
  }

  /** The update of a guide that must succeed. */
  static GuideUpdater.Merged merged(String existing, String fresh) throws GuideException {
    GuideUpdater.Result result = GuideUpdater.update("g.md", existing, fresh);
    return assertInstanceOf(GuideUpdater.Merged.class, result, () -> result.toString());
  }

  /** The update of a guide that must be refused: its finding. */
  static Diagnostic refused(String existing, String fresh) throws GuideException {
    GuideUpdater.Result result = GuideUpdater.update("g.md", existing, fresh);
    return assertInstanceOf(GuideUpdater.Refused.class, result, () -> result.toString()).diagnostic();
  }

  static List<Diagnostic> check(String drillText, String guide) {
    return GuideChecker.check(plan(drillText), new SourceFile("g.md", guide));
  }

  /** Variants of the drill a team would make between two guide updates. */
  static final List<String> CHANGES = List.of(
      DRILL.replace("systemctl restart matching-engine", "systemctl restart matching-engine --no-block"),
      DRILL.replace("    step replay", "    step warm-up \"Warm the caches\" by operator after restart {\n"
          + "      run \"me-admin warm\"\n    }\n    step replay"),
      DRILL.replace("  comms {\n    update \"stakeholders\" every 15m by liaison\n    notify \"C-level\" within 10m by commander\n  }\n", ""),
      DRILL.replace("detect all within 5m", "detect any within 4m"));

  @Test
  void updatingACurrentGuideChangesNothing() throws GuideException {
    String guide = render(DRILL);
    GuideUpdater.Merged result = merged(guide, guide);
    assertEquals(guide, result.text());
    assertEquals(List.of(), result.notes());
  }

  @Test
  void anUpdatedGuideIsWhatAFreshOneWouldBeWhenThereIsNoProse() throws GuideException {
    for (String changed : CHANGES) {
      assertEquals(render(changed), merged(render(DRILL), render(changed)).text());
    }
  }

  @Property(tries = 300)
  void handWrittenTextIsNeverLostAndTheResultPassesTheCheck(
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 10_000) Integer> positions,
      @ForAll @IntRange(min = 0, max = 3) int change) throws GuideException {
    String changed = CHANGES.get(change);
    List<String> notes = new ArrayList<>();
    String edited = insertProse(render(DRILL), positions, notes);
    String updated = merged(edited, render(changed)).text();
    for (String note : notes) {
      assertEquals(1, count(updated, note), "kept once: " + note + "\n" + updated);
    }
    assertEquals(List.of(), check(changed, updated));
  }

  @Test
  void aRemovedStepKeepsItsProseUnderAnUnmarkedHeading() throws GuideException {
    String guide = render(DRILL).replace("<!-- drill:end step replay -->",
        "<!-- drill:end step replay -->\n\nReplay takes 12 minutes; watch the lag graph.");
    String without = DRILL.replace(
        "    step replay \"Replay the order journal\" by operator after restart {\n"
            + "      run \"ssh ${host} me-admin --token ${token} replay --from last-checkpoint\"\n    }\n", "")
        .replace("  secret token = env \"ME_ADMIN_TOKEN\"              # never written to plan, journal or report\n", "");
    GuideUpdater.Merged result = merged(guide, render(without));
    assertTrue(result.text().contains("Replay takes 12 minutes; watch the lag graph."));
    assertTrue(result.text().contains("### 3. Replay the order journal\n"), result.text());
    assertFalse(result.text().contains("drill:step replay"));
    assertEquals(1, result.notes().size());
    assertTrue(result.notes().get(0).contains("'replay'"));
    assertEquals(List.of(), check(without, result.text()));
  }

  @Test
  void reorderedStepsCarryTheirProse() throws GuideException {
    String guide = render(DRILL)
        .replace("<!-- drill:end step declare -->", "<!-- drill:end step declare -->\n\nNOTE-DECLARE")
        .replace("<!-- drill:end step restart -->", "<!-- drill:end step restart -->\n\nNOTE-RESTART");
    String reordered = DRILL.replace("step restart \"Restart the matching engine\" by operator within 10m {",
        "step restart \"Restart the matching engine\" by operator within 10m after declare {");
    String swapped = swapSteps(reordered);
    String updated = merged(guide, render(swapped)).text();
    assertTrue(updated.indexOf("NOTE-RESTART") < updated.indexOf("drill:step declare"), updated);
    assertTrue(updated.indexOf("drill:step declare") < updated.indexOf("NOTE-DECLARE"), updated);
    assertEquals(List.of(), check(swapped, updated));
  }

  @Test
  void aFileWithoutMarkersIsNeverOverwritten() {
    GuideException e = assertThrows(GuideException.class,
        () -> GuideUpdater.update("g.md", "# Our runbook\n\nWritten by hand.\n", render(DRILL)));
    assertTrue(e.getMessage().contains("not a generated guide"), e.getMessage());
  }

  /** The restart step moved before declare (the drill's order of steps is the source order). */
  private static String swapSteps(String drill) {
    int declare = drill.indexOf("    step declare");
    int restart = drill.indexOf("    step restart");
    int replay = drill.indexOf("    step replay");
    return drill.substring(0, declare) + drill.substring(restart, replay).replace(" after declare", "")
        + drill.substring(declare, restart) + drill.substring(replay);
  }

  /** Paragraphs inserted at blank lines outside the generated parts (where a team writes). */
  static String insertProse(String guide, List<Integer> positions, List<String> notes) {
    List<String> lines = new ArrayList<>(List.of(guide.split("\n", -1)));
    List<Integer> free = new ArrayList<>();
    boolean inside = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("<!-- drill:begin")) inside = true;
      if (!inside && line.isEmpty() && i > 1) free.add(i);
      if (line.startsWith("<!-- drill:end")) inside = false;
    }
    List<Integer> chosen = positions.stream().map(p -> free.get(p % free.size())).distinct().sorted()
        .collect(Collectors.toList());
    for (int k = chosen.size() - 1; k >= 0; k--) {
      String note = "Our note " + k + ": call the vendor at 555-0100 [runbook](https://wiki.example/" + k + ")";
      notes.add(note);
      lines.add(chosen.get(k), "\n" + note);
    }
    return String.join("\n", lines);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- regressions found while documenting (docs/guides.md) ----

  @Test
  void aStepWithNothingButAManualActionIsChecked() {
    String drill = DRILL.replace("    step replay \"Replay the order journal\" by operator after restart {\n"
        + "      run \"ssh ${host} me-admin --token ${token} replay --from last-checkpoint\"\n    }\n",
        "    step tell { manual \"Tell the desk\" }\n    step replay \"Replay the order journal\" by operator after restart {\n"
        + "      run \"ssh ${host} me-admin --token ${token} replay --from last-checkpoint\"\n    }\n");
    assertEquals(List.of(), check(drill, render(drill)));
  }

  @Test
  void aLostEndMarkerIsRepaired() throws GuideException {
    String broken = render(DRILL).replace("<!-- drill:end step restart -->\n", "");
    String updated = merged(broken, render(DRILL)).text();
    assertEquals(List.of(), check(DRILL, updated));
  }

  @Test
  void aDeletedStepPartIsRestored() throws GuideException {
    String guide = render(DRILL);
    int begin = guide.indexOf("<!-- drill:begin step restart -->");
    int end = guide.indexOf("<!-- drill:end step restart -->") + "<!-- drill:end step restart -->\n".length();
    String broken = guide.substring(0, begin) + guide.substring(end);
    GuideUpdater.Merged result = merged(broken, render(DRILL));
    assertEquals(List.of(), check(DRILL, result.text()));
    assertTrue(result.notes().stream().anyMatch(n -> n.contains("restored")), result.notes().toString());
  }

  @Test
  void aHeadingThatLostItsMarkerIsMarkedAgainNotDuplicated() throws GuideException {
    String broken = render(DRILL).replaceAll("(### 2\\. Restart the matching engine) <!-- drill:step restart \\S+ -->", "$1");
    String updated = merged(broken, render(DRILL)).text();
    assertEquals(List.of(), check(DRILL, updated));
    assertEquals(1, updated.split("drill:begin step restart", -1).length - 1);
  }

  @Test
  void anotherDrillsGuideIsNeverOverwritten() throws GuideException {
    String other = render(DRILL).replace("drill:guide matching-engine-crash", "drill:guide db-failover");
    Diagnostic refused = refused(other, render(DRILL));
    assertEquals("D602 1:1", refused.code() + " " + refused.span().line() + ":" + refused.span().column());
    assertTrue(refused.message().contains("guide of drill 'db-failover'"), refused.message());
  }

  @Test
  void aDeletedSectionPartUnderItsHeadingIsRestoredWithoutASecondHeading() throws GuideException {
    String guide = render(DRILL);
    int begin = guide.indexOf("<!-- drill:begin symptoms -->");
    int end = guide.indexOf("<!-- drill:end symptoms -->") + "<!-- drill:end symptoms -->\n".length();
    String updated = merged(guide.substring(0, begin) + guide.substring(end), guide).text();
    assertEquals(1, updated.split("## How the failure shows itself", -1).length - 1, updated);
    assertEquals(List.of(), check(DRILL, updated));
  }

  @Test
  void aBrokenTemplateOutputIsRefused() {
    String broken = render(DRILL).replace("<!-- drill:end step restart -->\n", "");
    GuideException e = assertThrows(GuideException.class, () -> GuideUpdater.update("g.md", render(DRILL), broken));
    assertTrue(e.getMessage().contains("broken markers"), e.getMessage());
  }

  // ---- regressions found by AnyTextGuideProperties ----

  /** Marker text in a drill's texts: the guide escapes it, so it is the team's text to the update, never a marker. */
  private static final String MARKER_TEXT = "<!--<!--<!-- drill:begin procedure --> <!-- drill:step restart 00000000 -->";

  @Test
  void aStepTitleHoldingMarkerTextKeepsTheTeamsLinesWhenItsHeadingIsCutShort() throws GuideException {
    String drill = DRILL.replace("\"Executes recovery steps\"", "\"r" + MARKER_TEXT + "\"")
        .replace("\"Restart the matching engine\"", "\"Restart " + MARKER_TEXT + "\"");
    String fresh = render(drill);
    assertEquals(List.of(), check(drill, fresh));
    String heading = fresh.lines().filter(l -> l.startsWith("### 2. Restart")).findFirst().orElseThrow();
    assertTrue(heading.startsWith("### 2. Restart \\<!--\\<!--\\<!-- drill:begin procedure --\\> "
        + "\\<!-- drill:step restart 00000000 --\\> <!-- drill:step restart "), heading);
    String edited = fresh.replace("## Roles\n", "Our note on roles.\n\n## Roles\n")
        .replace("<!-- drill:end step restart -->\n", "<!-- drill:end step restart -->\n\nOur note on the restart.\n");
    // The heading's marker cut short: inside the title's escaped marker text, and inside the real marker.
    // The update marks the heading again; the title's text stays the team's, not part of a marker.
    for (String cut : List.of(heading.substring(0, heading.indexOf("procedure") + "procedure ".length()),
        heading.substring(0, heading.lastIndexOf("<!--") + 2))) {
      String updated = merged(edited.replace(heading, cut), fresh).text();
      assertEquals(1, count(updated, "Our note on roles.\n"), updated);
      assertEquals(1, count(updated, "Our note on the restart.\n"), updated);
      assertTrue(updated.contains("\n" + cut.stripTrailing() + " <!-- drill:step restart "), updated);
      assertEquals(List.of(), check(drill, updated));
    }
  }

  // ---- regressions found by GuideUpdaterProperties ----

  /**
   * change=2, seed=-1474659: the heading of step 'restart' deleted, and a made-up heading with its
   * marker right above the comms part, which the changed drill no longer has. The made-up heading
   * is the step's section; it was retired with the comms part, and the guide lost the step's section.
   */
  @Test
  void aStepHeadingRightAboveARemovedPartStaysTheStepsHeading() throws GuideException {
    String changed = CHANGES.get(2);
    String damaged = GuideUpdaterProperties.damage(render(DRILL), new java.util.Random(-1474659L));
    assertTrue(damaged.contains("### 9. Made up <!-- drill:step restart 00000000 -->\n\n<!-- drill:begin comms -->"),
        damaged);
    assertFalse(damaged.contains("### 2. Restart the matching engine"), damaged);
    GuideUpdater.Merged result = merged(damaged, render(changed));
    String updated = result.text();
    assertEquals(List.of(), check(changed, updated));
    assertTrue(updated.contains("PROSE-0 a note the team wrote"), updated);
    assertTrue(updated.indexOf("### 2. Made up <!-- drill:step restart ") < updated.indexOf("<!-- drill:begin step restart -->")
        && updated.indexOf("<!-- drill:begin step restart -->") < updated.indexOf("drill:step replay"), updated);
    assertTrue(result.notes().stream().anyMatch(n -> n.contains("moved the generated part of step 'restart'")),
        result.notes().toString());
    assertEquals(updated, merged(updated, render(changed)).text());
  }

  @Test
  void theGuideDoesNotDependOnTheWorkingDirectory() {
    Plan here = DrillCompiler.compile("drills/x.drill", DRILL.getBytes(StandardCharsets.UTF_8)).plan().orElseThrow();
    Plan there = DrillCompiler.compile("x.drill", DRILL.getBytes(StandardCharsets.UTF_8)).plan().orElseThrow();
    try {
      assertEquals(GuideRenderer.builtIn().render(here), GuideRenderer.builtIn().render(there));
    } catch (GuideException e) {
      throw new AssertionError(e);
    }
  }
}
