package dev.drill.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.action.HttpRunner;
import dev.drill.runtime.action.ProcessGroups;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogProbeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path dir;

  private final Probe.Log errors = new Probe.Log("logs/${service}.log", "ERROR .*down");

  private WorldProbes probes(Map<String, String> secrets) {
    return WorldProbes.of(new Bindings(Map.of("service", "engine"), secrets), dir, HttpRunner.newClient(),
        Optional.empty(), ProcessGroups.unwatched());
  }

  private Path log() throws IOException {
    return Files.createDirectories(dir.resolve("logs")).resolve("engine.log");
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void holdsOnceALineIsAppendedThatMatches() throws Exception {
    WorldProbes probes = probes(Map.of());
    Path log = log();
    append(log, "INFO starting\nINFO ready\n");
    assertEquals(new Observation(false, "no line matches"), probes.observe(errors, TIMEOUT));
    append(log, "WARN slow\n");
    assertEquals(new Observation(false, "no line matches"), probes.observe(errors, TIMEOUT));
    append(log, "2024-05-01 ERROR engine is down\nINFO after\n");
    assertEquals(new Observation(true, "line 4 matches: 2024-05-01 ERROR engine is down"),
        probes.observe(errors, TIMEOUT));
    append(log, "INFO recovered\n");
    assertEquals(new Observation(true, "line 4 matches: 2024-05-01 ERROR engine is down"),
        probes.observe(errors, TIMEOUT));
  }

  @Test
  void onlyWhatWasAppendedIsReadAgain() throws Exception {
    WorldProbes probes = probes(Map.of());
    Path log = log();
    append(log, "INFO one\nINFO two\n");
    assertFalse(probes.observe(errors, TIMEOUT).holds());
    // Rewritten in place (same size, same file): a probe reading from the start would see it.
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
      file.write("ERROR down".getBytes(StandardCharsets.US_ASCII));
    }
    assertEquals(new Observation(false, "no line matches"), probes.observe(errors, TIMEOUT));
    append(log, "ERROR really down\n");
    assertEquals(new Observation(true, "line 3 matches: ERROR really down"), probes.observe(errors, TIMEOUT));
  }

  @Test
  void aLineStillBeingWrittenMatchesWhenItDoes() throws Exception {
    WorldProbes probes = probes(Map.of());
    Path log = log();
    append(log, "INFO ok\nERROR engine do");
    assertEquals(new Observation(false, "no line matches"), probes.observe(errors, TIMEOUT));
    append(log, "wn\r\n");
    assertEquals(new Observation(true, "line 2 matches: ERROR engine down"), probes.observe(errors, TIMEOUT));

    Probe.Log partial = new Probe.Log("logs/engine.log", "^FATAL$");
    append(log, "FATAL");
    assertEquals(new Observation(true, "line 3 matches: FATAL"), probes.observe(partial, TIMEOUT));
    append(log, "ITY avoided\n");
    assertEquals(new Observation(false, "no line matches"), probes.observe(partial, TIMEOUT));
  }

  @Test
  void aTruncatedFileIsReadAgainFromItsStart() throws Exception {
    WorldProbes probes = probes(Map.of());
    Path log = log();
    append(log, "INFO a long line before the failure\nERROR engine down\n");
    assertTrue(probes.observe(errors, TIMEOUT).holds());
    Files.writeString(log, "INFO fresh\n");
    assertEquals(new Observation(false, "no line matches"), probes.observe(errors, TIMEOUT));
    append(log, "ERROR engine down again\n");
    assertEquals(new Observation(true, "line 2 matches: ERROR engine down again"), probes.observe(errors, TIMEOUT));
  }

  @Test
  void aRotatedFileIsReadFromItsStartEvenWhenLonger() throws Exception {
    WorldProbes probes = probes(Map.of());
    Path log = log();
    append(log, "ERROR engine down\n");
    assertTrue(probes.observe(errors, TIMEOUT).holds());
    Files.move(log, log.resolveSibling("engine.log.1"));
    append(log, "INFO a new file, longer than the old one was\n");
    assertEquals(new Observation(false, "no line matches"), probes.observe(errors, TIMEOUT));
  }

  @Test
  void aMissingFileDoesNotHoldAndSaysSo() throws Exception {
    WorldProbes probes = probes(Map.of());
    assertEquals(new Observation(false, "no file 'logs/engine.log'"), probes.observe(errors, TIMEOUT));
    append(log(), "ERROR engine down\n");
    assertTrue(probes.observe(errors, TIMEOUT).holds());
    Files.delete(log());
    assertEquals(new Observation(false, "no file 'logs/engine.log'"), probes.observe(errors, TIMEOUT));
  }

  @Test
  void aBigFileIsReadOnceAndThenOnlyItsNewLines() throws Exception {
    WorldProbes probes = probes(Map.of());
    Path log = log();
    int lines = 200_000;
    try (Writer out = Files.newBufferedWriter(log)) {
      for (int i = 1; i <= lines; i++) {
        out.write("2024-05-01T10:00:00Z INFO request " + i + " served in 3ms\n");
      }
    }
    assertEquals(new Observation(false, "no line matches"), probes.observe(errors, TIMEOUT));
    append(log, "ERROR engine down\n");
    long start = System.nanoTime();
    assertEquals(new Observation(true, "line " + (lines + 1) + " matches: ERROR engine down"),
        probes.observe(errors, TIMEOUT));
    assertTrue(System.nanoTime() - start < 100_000_000L, "the second look reads only the new line");
  }

  @Test
  void aLookCutShortByItsTimeoutGoesOnWhereItStopped() throws Exception {
    WorldProbes probes = probes(Map.of());
    Path log = log();
    append(log, "INFO padding padding padding padding\n".repeat(10_000) + "ERROR engine down\n");
    int looks = 1;
    Observation seen = probes.observe(errors, Duration.ZERO);
    assertEquals(new Observation(false, "timed out after 0s reading 'logs/engine.log'"), seen);
    while (!seen.holds() && looks < 100) {
      seen = probes.observe(errors, Duration.ZERO);
      looks++;
    }
    assertEquals(new Observation(true, "line 10001 matches: ERROR engine down"), seen);
    assertTrue(looks > 3, "each look read a part: " + looks);
  }

  @Test
  void eachPatternKeepsItsOwnPlaceInTheSameFile() throws Exception {
    WorldProbes probes = probes(Map.of());
    Path log = log();
    append(log, "WARN disk full\nERROR engine down\n");
    assertTrue(probes.observe(errors, TIMEOUT).holds());
    assertEquals(new Observation(true, "line 1 matches: WARN disk full"),
        probes.observe(new Probe.Log("logs/engine.log", "disk"), TIMEOUT));
  }

  @Test
  void aSecretInTheMatchingLineIsRedacted() throws Exception {
    WorldProbes probes = probes(Map.of("token", "s3cr3t"));
    append(log(), "ERROR engine down, token s3cr3t rejected\n");
    assertEquals(new Observation(true, "line 1 matches: ERROR engine down, token ******** rejected"),
        probes.observe(errors, TIMEOUT));
  }

  @Test
  void aBadPatternDoesNotHoldAndSaysSo() throws Exception {
    append(log(), "ERROR engine down\n");
    Observation seen = probes(Map.of()).observe(new Probe.Log("logs/engine.log", "ERROR ("), TIMEOUT);
    assertFalse(seen.holds());
    assertTrue(seen.detail().startsWith("bad pattern: "), seen.detail());
  }

  @Test
  void anAbsolutePathIsUsedAsItIs() throws Exception {
    Path elsewhere = Files.createTempFile(dir, "abs", ".log");
    append(elsewhere, "ERROR engine down\n");
    assertTrue(probes(Map.of()).observe(new Probe.Log(elsewhere.toString(), "down"), TIMEOUT).holds());
  }
}
