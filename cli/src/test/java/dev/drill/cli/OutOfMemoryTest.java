package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full heap ends drill with one line naming the launcher's JVM options and exit 3, not a Java trace. */
class OutOfMemoryTest {

  @Test
  void aFullHeapEndsWithOneLineNamingDrillJavaOpts(@TempDir Path dir) throws Exception {
    // Under the 32 MiB a drill file may be, and more than a 16 MiB heap can hold.
    Path drill = dir.resolve("big.drill");
    try (RandomAccessFile file = new RandomAccessFile(drill.toFile(), "rw")) {
      file.setLength(30L * 1024 * 1024);
    }
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.drill.cli.Main",
        "compile", drill.toString());
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), console);

    assertEquals(Main.INTERNAL, process.exitValue(), console);
    assertEquals(1, console.lines().count(), console);
    assertTrue(console.startsWith("drill: out of memory"), console);
    assertTrue(console.contains("DRILL_JAVA_OPTS=-Xmx"), console);
    assertFalse(console.contains("OutOfMemoryError") || console.contains("\tat "), console);
    assertTrue(Files.exists(drill));
  }
}
