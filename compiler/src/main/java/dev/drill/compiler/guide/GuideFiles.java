package dev.drill.compiler.guide;

import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where a drill's guide lives, and writing it so that a crash never leaves half a guide. */
public final class GuideFiles {

  private GuideFiles() {}

  /** The plan's {@code guide} path, relative to the directory of the drill file. */
  public static Path pathFor(Path drillFile, Plan plan) {
    Path dir = drillFile.toAbsolutePath().normalize().getParent();
    return dir.resolve(plan.guide()).normalize();
  }

  /** Writes via a temporary file in the same directory and an atomic move. */
  public static void write(Path guide, String text) throws IOException {
    Path dir = guide.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + guide.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, guide, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
