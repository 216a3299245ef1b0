package dev.drill.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package step builds a class-data archive and the launcher hands it to the JVM: half
 * of a cold {@code drill check}. A JVM that cannot use an archive says nothing (the
 * launcher keeps it quiet), so only the class-loading log shows whether it is used.
 */
class ClassDataArchiveTest {

  private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theLauncherLoadsTheCheckFromTheArchive(@TempDir Path results) throws Exception {
    assertTrue(Files.isRegularFile(PROJECT.resolve("cli/target/drill.jsa")), "the package step wrote no archive");
    ProcessBuilder launcher = new ProcessBuilder(PROJECT.resolve("drill").toString(),
        "check", PROJECT.resolve("samples/drills").toString(), "--results", results.toString())
        .redirectErrorStream(true);
    launcher.environment().put("DRILL_JAVA_OPTS", "-Xlog:class+load=info:stdout");
    Process process = launcher.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));

    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("dev.drill.compiler.check.LibraryCheck source: shared objects file"),
        "the check's classes were not mapped from the archive:\n"
            + output.lines().filter(l -> l.contains("dev.drill.compiler.check.LibraryCheck")).findFirst().orElse(output));
  }
}
