package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each guide finding with its code, line and column, on the guide of the design example
 * (edited as the case needs). The sample library's guides get the mutation suite in the
 * samples module.
 */
class GuideCheckerTest {

  private static final String DRILL = GuideUpdaterTest.DRILL;
  private static final Plan PLAN = GuideUpdaterTest.plan(DRILL);
  private static final String GUIDE = GuideUpdaterTest.render(DRILL);

  private static List<String> found(String guide) {
    return found(PLAN, guide);
  }

  private static List<String> found(Plan plan, String guide) {
    return GuideChecker.check(plan, new SourceFile("g.md", guide)).stream()
        .map(d -> d.code() + " " + d.span().line() + ":" + d.span().column())
        .collect(Collectors.toList());
  }

  private static int line(String guide, String text) {
    int at = guide.indexOf(text);
    if (at < 0) {
      throw new AssertionError("not in the guide: " + text);
    }
    return (int) guide.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void aGeneratedGuidePasses() {
    assertEquals(List.of(), found(GUIDE));
  }

  @Test
  void d602AFileWithoutTheGuideMarker() {
    assertEquals(List.of("D602 1:1"), found("# Matching engine runbook\n\nRestart it.\n"));
  }

  @Test
  void d602TheGuideOfAnotherDrill() {
    String other = GUIDE.replace("drill:guide matching-engine-crash", "drill:guide cache-node-loss");
    assertEquals(List.of("D602 1:1"), found(other));
  }

  @Test
  void d603AnOlderVersionNamesWhatChanged() {
    Plan changed = GuideUpdaterTest.plan(DRILL.replace("restart matching-engine\n", "restart matching-engine --now\n")
        .replace("detect all within 5m", "detect all within 4m"));
    List<Diagnostic> found = GuideChecker.check(changed, new SourceFile("g.md", GUIDE));
    assertEquals(List.of("D603 1:1", "D607 " + line(GUIDE, "```sh\nssh ${host} sudo systemctl restart") + ":1"),
        found.stream().map(d -> d.code() + " " + d.span().line() + ":" + d.span().column()).collect(Collectors.toList()));
    String message = found.get(0).message();
    assertEquals(true, message.contains("step 'restart' changed"), message);
    assertEquals(true, message.contains("signal") == false, "signals did not change: " + message);
  }

  @Test
  void d604AndD605AndD606StepSections() {
    String renamed = GUIDE.replace("drill:step replay", "drill:step replay-journal");
    assertEquals(List.of("D604 " + line(renamed, "<!-- drill:begin procedure") + ":1",
        "D605 " + line(renamed, "### 3. Replay") + ":1"), found(renamed));
  }

  @Test
  void d606StepSectionsOutOfOrder() {
    int restart = GUIDE.indexOf("### 2. Restart");
    int replay = GUIDE.indexOf("### 3. Replay");
    int end = GUIDE.indexOf("## Verification");
    String swapped = GUIDE.substring(0, restart) + GUIDE.substring(replay, end) + GUIDE.substring(restart, replay)
        + GUIDE.substring(end);
    assertEquals(List.of("D606 " + line(swapped, "### 2. Restart") + ":1"), found(swapped));
  }

  @Test
  void d608ASignalChangedMissingOrInvented() {
    String changed = GUIDE.replace("`prometheus alert \"MatchingEngineDown\"", "`prometheus alert \"EngineDown\"");
    int at = line(changed, "EngineDown\"");
    int column = changed.lines().skip(at - 1).findFirst().orElseThrow().indexOf("`prometheus") + 1;
    assertEquals(List.of("D608 " + at + ":" + column), found(changed));

    String missing = GUIDE.replaceAll("(?m)^- \\*\\*On-call acknowledges the page\\*\\*.*\n", "");
    assertEquals(List.of("D608 " + line(missing, "<!-- drill:begin symptoms") + ":1"), found(missing));
  }

  @Test
  void d609AVerificationChangedMissingOrInvented() {
    String changed = GUIDE.replace("`http GET \"http://${host}:${port}/health\" expect status == 200`, checked",
        "`http GET \"http://${host}:${port}/health\" expect status == 204`, checked");
    int verifyLine = line(changed, "**Verify** within 2m");
    int column = changed.lines().skip(verifyLine - 1).findFirst().orElseThrow().indexOf("`http") + 1;
    assertEquals(List.of("D609 " + verifyLine + ":" + column), found(changed));

    String missing = GUIDE.replaceAll("\\*\\*Verify\\*\\* within 2m: <!-- drill:verify restart \\S+ --> ", "**Verify** within 2m: ");
    assertEquals(List.of("D609 " + line(missing, "<!-- drill:begin step restart") + ":1"), found(missing));

    String invented = GUIDE.replace("<!-- drill:end step replay -->",
        "**Verify**: <!-- drill:verify replay 00000000 --> `manual \"Replayed?\"`\n<!-- drill:end step replay -->");
    assertEquals(List.of("D609 " + line(invented, "**Verify**: <!-- drill:verify replay") + ":13"), found(invented));
  }

  @Test
  void d609ASteadyStateCheckChanged() {
    String changed = GUIDE.replace("(`engine-up`)", "").replace(
        "<!-- drill:check engine-up", "<!-- drill:check engine-down");
    int at = line(changed, "drill:check engine-down");
    assertEquals(List.of("D609 " + line(changed, "<!-- drill:begin verification") + ":1",
        "D609 " + at + ":" + (changed.lines().skip(at - 1).findFirst().orElseThrow().indexOf("<!--") + 1)),
        found(changed));
  }

  @Test
  void d610BrokenMarkers() {
    String unclosed = GUIDE.replace("<!-- drill:end roles -->\n", "");
    assertEquals(List.of("D610 " + line(unclosed, "<!-- drill:begin procedure") + ":1"), found(unclosed));

    String stray = GUIDE.replace("## Roles\n", "## Roles\n\n<!-- drill:end symptoms -->\n");
    assertEquals(List.of("D610 " + (line(stray, "## Roles") + 2) + ":1"), found(stray));

    String lost = GUIDE.replace("<!-- drill:begin step declare -->\n", "").replace("<!-- drill:end step declare -->\n", "");
    assertEquals(List.of("D610 " + line(lost, "### 1. Declare") + ":1"), found(lost));
  }

  @Test
  void theRollbackCommandsAreChecked() {
    String changed = GUIDE.replace("deployctl unfreeze staging", "deployctl unfreeze prod");
    assertEquals(List.of("D607 " + line(changed, "```sh\ndeployctl unfreeze prod") + ":1"), found(changed));
  }

  /** An experiment's guide shows its inject steps, a background one said to be so; check holds them to the drill. */
  @Test
  void theInjectCommandsOfAnExperimentAreShownAndChecked() throws java.io.IOException {
    String drill = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/testdata/good/experiment.drill"));
    Plan plan = GuideUpdaterTest.plan(drill);
    String guide = GuideUpdaterTest.render(drill);
    assertEquals(true, guide.contains("**Put load on the checkout** (`load`), in the background:"), guide);
    assertEquals(true, guide.contains("| `${host}` | `$CACHE_HOST` if set, else `cache.staging.internal` |"), guide);
    assertEquals(List.of(), found(plan, guide));
    String changed = guide.replace("tc-delay ${host} ${delay}", "tc-delay ${host} 900");
    assertEquals(List.of("D607 " + line(changed, "```sh\ntc-delay ${host} 900") + ":1"), found(plan, changed));
  }

  @Test
  void markersInsideCodeBlocksAreText() {
    String quoted = GUIDE + "\n```text\n<!-- drill:step ghost 00000000 -->\n<!-- drill:begin nothing -->\n```\n";
    assertEquals(List.of(), found(quoted));
  }
}
