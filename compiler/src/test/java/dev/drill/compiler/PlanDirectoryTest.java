package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan compiled from a file names the drill's directory in its project, so it runs there from anywhere. */
class PlanDirectoryTest {

  private static final String DRILL = "drill tiny {\n  title \"Tiny\"\n  owner \"sre\"\n  kind ics\n"
      + "  setup { run \"true\" }\n}\n";

  @Test
  void aPlanRecordsItsDrillsDirectoryRelativeToTheProjectRoot(@TempDir Path tmp) throws IOException {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Path file = Files.createDirectories(repo.resolve("drills/storage")).resolve("tiny.drill");
    Files.writeString(file, DRILL);
    byte[] bytes = DRILL.getBytes(StandardCharsets.UTF_8);
    Plan placed = DrillCompiler.compile(file, "tiny.drill").plan().orElseThrow();
    Plan bare = DrillCompiler.compile("tiny.drill", bytes).plan().orElseThrow();
    assertEquals(Optional.of("drills/storage"), placed.directory());
    assertEquals(Optional.empty(), bare.directory());
    assertEquals(bare.fingerprint(), placed.fingerprint(), "a place, not the procedure");

    Path atRoot = repo.resolve("tiny.drill");
    Files.writeString(atRoot, DRILL);
    assertEquals(Optional.of("."), DrillCompiler.compile(atRoot, "tiny.drill").plan().orElseThrow().directory());

    Path loose = Files.createDirectories(tmp.resolve("loose")).resolve("tiny.drill");
    Files.writeString(loose, DRILL);
    assertEquals(Optional.empty(), DrillCompiler.compile(loose, "tiny.drill").plan().orElseThrow().directory(),
        "in no project: no directory; a run uses the plan file's");
  }
}
