package dev.drill.compiler.practice;

import static dev.drill.compiler.practice.Runs.loaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult.Outcome;
import dev.drill.plan.RunResultJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/diagnostics.md shows, for each practice code, the output drill really gives in the
 * situation the section describes: the cache-node-loss drill with {@code cadence 30d}, checked
 * on 2026-11-20 against {@code drill-results/}.
 */
class PracticeDocumentationTest {

  private static final Plan PLAN = Runs.plan("cadence 30d");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
  private static final Pattern SECTION = Pattern.compile("(?ms)^## (D70\\d) [^\\n]*\\n(.*?)(?=^#{1,2} |\\z)");
  private static final Pattern BLOCK = Pattern.compile("(?s)```[a-z]*\\n(.*?)```");

  static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> DiagnosticRenderer.render(d, Optional.empty()))
        .collect(Collectors.joining());
  }

  static Map<String, String> examples(Path tmp) throws IOException {
    String old = Runs.OLD_FINGERPRINT;
    return Map.of(
        "D701", render(PracticeFreshness.check(PLAN, List.of(), TODAY)),
        "D702", render(PracticeFreshness.check(PLAN, List.of(
            loaded(Runs.result(PLAN.id(), old, Outcome.PASSED, "2026-11-02T14:03:00Z"))), TODAY)),
        "D703", render(PracticeFreshness.check(PLAN, List.of(
            loaded(PLAN, Outcome.PASSED, "2026-10-01T14:03:00Z")), TODAY)),
        "D704", render(PracticeFreshness.check(PLAN, List.of(
            loaded(PLAN, Outcome.PASSED, "2026-10-28T14:03:00Z"),
            loaded(PLAN, Outcome.FAILED, "2026-11-03T14:03:00Z")), TODAY)),
        "D705", d705(tmp),
        "D706", actionItems(tmp, "D706"),
        "D707", actionItems(tmp, "D707"),
        "D708", actionItems(tmp, "D708"));
  }

  /** The report of the failed run of 2026-11-03, as the team left it. */
  static final String REPORT = """
      # After-action report: Loss of one cache node

      ## Action items

      - [ ] Fix the stale restart command @carol due 2026-11-15
      - [ ] Write the cache warm-up runbook
      - [ ] Rotate the keys @dave due 2026-11-31
      - [x] Page the cache rotation, not the database one @bob due 2026-11-10
      """;

  /** The findings of one code about {@link #REPORT}, its path shown as in the project. */
  private static String actionItems(Path tmp, String code) throws IOException {
    Path dir = tmp.resolve(code).resolve("drill-runs");
    Path file = dir.resolve("cache-node-loss/2026-11-03T140300Z/report.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, REPORT);
    String shown = ResultStore.display(dir);
    return render(ActionItemCheck.check(ActionItemStore.load(dir).of("cache-node-loss"), TODAY).stream()
        .filter(d -> d.code().name().equals(code)).toList()).replace(shown, "drill-runs");
  }

  /** A result whose outcome was edited by hand to a word drill does not know. */
  private static String d705(Path tmp) throws IOException {
    Path dir = Path.of("").toAbsolutePath().relativize(tmp.resolve("drill-results"));
    Path file = Runs.write(dir, Runs.result(PLAN, Outcome.PASSED, "2026-11-03T14:03:00Z"));
    Files.writeString(file, Files.readString(file).replace("\"passed\"", "\"success\""));
    String shown = dir.toString().replace('\\', '/');
    return render(ResultStore.load(dir).diagnostics()).replace(shown, "drill-results");
  }

  @Test
  void everyPracticeCodeShowsTheRealOutput(@TempDir Path tmp) throws IOException {
    String doc = Files.readString(Path.of("../docs/diagnostics.md"), StandardCharsets.UTF_8);
    Map<String, String> examples = examples(tmp);
    Matcher section = SECTION.matcher(doc);
    int found = 0;
    while (section.find()) {
      String code = section.group(1);
      Matcher block = BLOCK.matcher(section.group(2));
      assertTrue(block.find(), code + " has no example");
      String shown = block.group(1);
      assertEquals(examples.get(code), shown, code);
      assertTrue(!block.find(), code + " has one example only");
      found++;
    }
    assertEquals(8, found, "sections D701 to D708");
  }

  /** The run-results page shows a result exactly as the runtime writes it. */
  @Test
  void theResultFileExampleIsWhatRunResultJsonWrites() throws IOException {
    String doc = Files.readString(Path.of("../docs/run-results.md"), StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("(?s)```json\\n(.*?)```").matcher(doc);
    assertTrue(block.find(), "a json example");
    String example = block.group(1);
    assertEquals(example, assertReadable(example));
  }

  private static String assertReadable(String json) {
    try {
      return RunResultJson.write(RunResultJson.read(json));
    } catch (dev.drill.plan.ResultFormatException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
