package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 3 GB file (sparse: it costs no disk) named to any command that reads a drill or a plan is
 * refused by its size with D011, in a 64 MiB heap: it is not read at all.
 */
class HugeFileTest {

  @ParameterizedTest
  @ValueSource(strings = {"compile", "fmt", "guide", "run", "check", "list"})
  void aThreeGigabyteFileIsRefusedByItsSize(String command, @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Files.createDirectories(dir.resolve("drill-results"));
    String name = command.equals("run") ? "big.plan.json" : "big.drill";
    Path big = dir.resolve(name);
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(3L * 1024 * 1024 * 1024);
    }
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.drill.cli.Main",
        command, name));
    Process process = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).start();
    String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), console);

    if (command.equals("list")) {
      // list shows what it can: the file is a row that does not compile (check says why).
      assertTrue(console.contains("(does not compile)"), console);
      assertEquals(Main.OK, process.exitValue(), console);
    } else {
      assertTrue(console.contains("error D011: file is 3,221,225,472 bytes"), console);
      assertEquals(command.equals("run") ? Main.USAGE : Main.FINDINGS, process.exitValue(), console);
    }
    assertFalse(console.contains("out of memory") || console.contains("\tat "), console);
  }
}
