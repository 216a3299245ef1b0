package dev.drill.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.RunResult;
import dev.drill.plan.RunResultJson;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

  @TempDir Path dir;

  @Test
  void aPassedRunWritesItsResultWhereDrillCheckLooks() throws Exception {
    RunResult result = ResultFiles.write(RunReport.of(SampleRuns.passed()), dir).orElseThrow();
    Path file = dir.resolve("matching-engine-crash/2026-11-20T140300Z.json");
    assertTrue(Files.exists(file));
    RunResult read = RunResultJson.read(Files.readString(file));
    assertEquals(result, read);
    assertEquals(RunResult.Outcome.PASSED, read.outcome());
    assertEquals("sha256:6954ffef95970021", read.fingerprint());
    assertEquals("staging", read.environment());
    assertEquals(SampleRuns.START, read.startedAt());
    assertEquals(Instant.parse("2026-11-20T14:21:20Z"), read.endedAt());
    assertEquals(Optional.of(Duration.ofSeconds(72)), read.timeToDetect());
    assertEquals(Optional.of(Duration.ofMinutes(18)), read.timeToRecover());
  }

  @Test
  void aFailedRunLeavesOutTheTimesItNeverReached() throws Exception {
    RunResult read = RunResultJson.read(Files.readString(
        dir.resolve(ResultFiles.write(RunReport.of(SampleRuns.failed()), dir).orElseThrow().relativePath())));
    assertEquals(RunResult.Outcome.FAILED, read.outcome());
    assertEquals(Optional.empty(), read.timeToDetect());
    assertEquals(Optional.empty(), read.timeToRecover());
  }

  @Test
  void anAbortedRunIsAResultToo() throws Exception {
    assertEquals(RunResult.Outcome.ABORTED, ResultFiles.write(RunReport.of(SampleRuns.aborted()), dir).orElseThrow().outcome());
  }

  @Test
  void anInterruptedRunWritesNoResult() throws Exception {
    assertEquals(Optional.empty(), ResultFiles.write(RunReport.of(SampleRuns.interrupted()), dir));
    assertFalse(Files.exists(dir.resolve("matching-engine-crash")));
  }

  @Test
  void aResultIsNeverOverwritten() throws Exception {
    ResultFiles.write(RunReport.of(SampleRuns.passed()), dir);
    assertThrows(FileAlreadyExistsException.class, () -> ResultFiles.write(RunReport.of(SampleRuns.failed()), dir));
    assertEquals(RunResult.Outcome.PASSED, RunResultJson.read(Files.readString(
        dir.resolve("matching-engine-crash/2026-11-20T140300Z.json"))).outcome());
  }
}
