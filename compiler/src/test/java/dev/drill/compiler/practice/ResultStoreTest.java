package dev.drill.compiler.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.diagnostic.Severity;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import dev.drill.plan.RunResult.Outcome;
import dev.drill.plan.RunResultJson;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultStoreTest {

  private static final Plan PLAN = Runs.plan("cadence 30d");

  private static String shown(Path file) {
    return file.toString().replace('\\', '/');
  }

  private static List<String> files(ResultStore.Loaded loaded) {
    return loaded.results().stream().map(LoadedResult::file).collect(Collectors.toList());
  }

  @Test
  void aMissingDirectoryHoldsNoResults(@TempDir Path tmp) {
    ResultStore.Loaded loaded = ResultStore.load(tmp.resolve("drill-results"));
    assertEquals(List.of(), loaded.results());
    assertEquals(List.of(), loaded.diagnostics());
  }

  @Test
  void anEmptyDirectoryHoldsNoResults(@TempDir Path tmp) {
    assertEquals(new ResultStore.Loaded(List.of(), List.of()), ResultStore.load(tmp));
  }

  @Test
  void readsEveryJsonFileAtAnyDepthInSortedOrder(@TempDir Path dir) throws IOException {
    RunResult october = Runs.result(PLAN, Outcome.PASSED, "2026-10-01");
    RunResult september = Runs.result(PLAN, Outcome.FAILED, "2026-09-01T14:03:27Z");
    RunResult other = Runs.result("cache-cluster-loss", PLAN.fingerprint(), Outcome.ABORTED, "2026-08-01");
    Runs.write(dir, october);
    Runs.write(dir, september);
    Runs.write(dir, other);
    Runs.write(dir, "old/2025/x.json", october);
    ResultStore.Loaded loaded = ResultStore.load(dir);
    assertEquals(List.of(), loaded.diagnostics());
    assertEquals(List.of(
        shown(dir) + "/cache-cluster-loss/2026-08-01T090000Z.json",
        shown(dir) + "/cache-node-loss/2026-09-01T140327Z.json",
        shown(dir) + "/cache-node-loss/2026-10-01T090000Z.json",
        shown(dir) + "/old/2025/x.json"), files(loaded));
    assertEquals(List.of(other, september, october, october),
        loaded.results().stream().map(LoadedResult::result).collect(Collectors.toList()));
  }

  @Test
  void reportsFilesUnderTheDirectoryAsGiven(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("drill-results");
    Runs.write(dir, Runs.result(PLAN, Outcome.PASSED, "2026-10-01"));
    Path relative = Path.of("").toAbsolutePath().relativize(dir);
    assertEquals(List.of(shown(relative) + "/cache-node-loss/2026-10-01T090000Z.json"),
        files(ResultStore.load(relative)));
  }

  @Test
  void dotStepsAreLeftOutOfTheReportedPath(@TempDir Path tmp) throws IOException {
    Path dir = Path.of("").toAbsolutePath().relativize(tmp);
    Runs.write(dir, Runs.result(PLAN, Outcome.PASSED, "2026-10-01"));
    assertEquals(List.of(shown(dir) + "/cache-node-loss/2026-10-01T090000Z.json"),
        files(ResultStore.load(dir.resolve(".").resolve("cache-node-loss").resolve(".."))));
  }

  @Test
  void skipsOtherFilesAndHiddenOnes(@TempDir Path dir) throws IOException {
    Runs.write(dir, Runs.result(PLAN, Outcome.PASSED, "2026-10-01"));
    Files.writeString(dir.resolve("README.md"), "# results\n");
    Files.writeString(dir.resolve("cache-node-loss/notes.txt"), "not json\n");
    Files.writeString(dir.resolve(".editor.json"), "{");
    Runs.write(dir, ".git/objects/x.json", Runs.result(PLAN, Outcome.FAILED, "2026-10-02"));
    Files.createDirectories(dir.resolve("empty.json"));
    ResultStore.Loaded loaded = ResultStore.load(dir);
    assertEquals(List.of(), loaded.diagnostics());
    assertEquals(List.of(shown(dir) + "/cache-node-loss/2026-10-01T090000Z.json"), files(loaded));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not-json|unreadable run result: not valid JSON: unrecognized token 'passed'",
      "empty|unreadable run result: not a run result: the file is empty",
      "array|unreadable run result: not a run result: expected a JSON object, found an array",
      "plan|unreadable run result: not a run result: no \"resultVersion\"",
      "wrong-version|unreadable run result: run result version 2 is not supported by this drill (it reads version 1)",
      "missing-field|unreadable run result: missing \"fingerprint\"",
      "wrong-type|unreadable run result: \"startedAt\" must be a string, not the number 1795183380000",
      "unknown-field|unreadable run result: unknown property \"notes\"",
      "not-utf8|unreadable run result: file is not UTF-8 text"})
  void anUnreadableFileIsD705AtThatFile(String kind, String expected, @TempDir Path dir) throws IOException {
    String good = RunResultJson.write(Runs.result(PLAN, Outcome.PASSED, "2026-10-01"));
    Path bad = dir.resolve("cache-node-loss/2026-10-02T090000Z.json");
    Files.createDirectories(bad.getParent());
    switch (kind) {
      case "not-json": Files.writeString(bad, "passed\n"); break;
      case "empty": Files.writeString(bad, ""); break;
      case "array": Files.writeString(bad, "[" + good + "]"); break;
      case "plan": Files.writeString(bad, "{\"planVersion\": 1}"); break;
      case "wrong-version": Files.writeString(bad, good.replace("\"resultVersion\": 1", "\"resultVersion\": 2")); break;
      case "missing-field": Files.writeString(bad, good.replaceAll("\\s*\"fingerprint\": \"[^\"]*\",", "")); break;
      case "wrong-type":
        Files.writeString(bad, good.replace("\"2026-10-01T09:00:00Z\"", "1795183380000"));
        break;
      case "unknown-field": Files.writeString(bad, good.replace("{", "{\"notes\": \"ok\",")); break;
      case "not-utf8": Files.write(bad, new byte[] {'{', (byte) 0xE9, '}'}); break;
      default: throw new AssertionError(kind);
    }
    Runs.write(dir, Runs.result(PLAN, Outcome.PASSED, "2026-10-01"));
    ResultStore.Loaded loaded = ResultStore.load(dir);
    // the good file next to it still counts
    assertEquals(List.of(shown(dir) + "/cache-node-loss/2026-10-01T090000Z.json"), files(loaded));
    assertEquals(1, loaded.diagnostics().size(), loaded.diagnostics().toString());
    Diagnostic d = loaded.diagnostics().get(0);
    assertEquals(Code.D705, d.code());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(SourceSpan.at(shown(bad), 1, 1), d.span());
    assertTrue(d.message().startsWith(expected), d.message());
    assertEquals(d.message().toLowerCase(java.util.Locale.ROOT).substring(0, 10), d.message().substring(0, 10));
    assertEquals(List.of("fix or delete the file; a run result is written by drill run (see docs/run-results.md)"),
        d.hints());
  }

  @Test
  void d705RendersWithTheFileAndTheReason(@TempDir Path tmp) throws IOException {
    Path dir = Path.of("").toAbsolutePath().relativize(tmp.resolve("drill-results"));
    String good = RunResultJson.write(Runs.result(PLAN, Outcome.PASSED, "2026-10-01"));
    Runs.write(dir, Runs.result(PLAN, Outcome.PASSED, "2026-10-01"));
    Files.writeString(dir.resolve("cache-node-loss/2026-10-01T090000Z.json"), good.replace("passed", "success"));
    Diagnostic d = ResultStore.load(dir).diagnostics().get(0);
    assertEquals(shown(dir) + "/cache-node-loss/2026-10-01T090000Z.json:1:1: error D705: unreadable run result: "
        + "\"outcome\" must be passed, failed or aborted, not 'success'\n"
        + "   = hint: fix or delete the file; a run result is written by drill run (see docs/run-results.md)\n",
        DiagnosticRenderer.render(d, Optional.empty()));
  }

  @Test
  void severalBadFilesAreReportedInPathOrder(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/2.json"), "{");
    Files.writeString(dir.resolve("a.json"), "[]");
    Files.writeString(dir.resolve("b/1.json"), "");
    List<String> where = ResultStore.load(dir).diagnostics().stream().map(d -> d.span().file())
        .collect(Collectors.toList());
    assertEquals(List.of(shown(dir) + "/a.json", shown(dir) + "/b/1.json", shown(dir) + "/b/2.json"), where);
  }

  @Test
  void aFileFarTooLargeIsNotRead(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("big.json"), new byte[(int) ResultStore.MAX_BYTES + 1]);
    Diagnostic d = ResultStore.load(dir).diagnostics().get(0);
    assertEquals("unreadable run result: file is 1048577 bytes; a run result is at most 1048576 bytes (1 MiB)",
        d.message());
  }

  @Test
  void aByteOrderMarkIsAccepted(@TempDir Path dir) throws IOException {
    RunResult result = Runs.result(PLAN, Outcome.PASSED, "2026-10-01");
    Files.writeString(dir.resolve("r.json"), "\uFEFF" + RunResultJson.write(result));
    assertEquals(List.of(result), ResultStore.load(dir).results().stream().map(LoadedResult::result)
        .collect(Collectors.toList()));
  }

  @Test
  void aFileInsteadOfADirectoryIsReported(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("drill-results");
    Files.writeString(file, "");
    ResultStore.Loaded loaded = ResultStore.load(file);
    assertEquals(List.of(Code.D705), loaded.diagnostics().stream().map(Diagnostic::code).collect(Collectors.toList()));
    assertEquals("unreadable run result: the results path is a file, not a directory of run results",
        loaded.diagnostics().get(0).message());
  }

  @Test
  void theDefaultDirectoryIsDrillResults() {
    assertEquals("drill-results", ResultStore.DEFAULT_DIRECTORY);
  }

  /** Read from anywhere in a project, the results are the project root's (the nearest .git). */
  @Test
  void theDefaultDirectoryIsAtTheProjectRootOfWhatIsChecked(@TempDir Path tmp) throws IOException {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Path sub = Files.createDirectories(repo.resolve("drills/storage"));
    Path drill = Files.writeString(sub.resolve("x.drill"), "");
    assertEquals(repo.resolve("drill-results"), ResultStore.defaultDirectory(List.of(sub)));
    assertEquals(repo.resolve("drill-results"), ResultStore.defaultDirectory(List.of(drill, tmp)));
    Path outside = Files.createDirectories(tmp.resolve("loose"));
    assertEquals(Path.of("").toAbsolutePath().resolve("drill-results"),
        ResultStore.defaultDirectory(List.of(outside)), "in no project: the working directory's");
  }
}
