package dev.drill.compiler.guide;

import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

  /**
   * The plan's guide path, refused unless it stays inside the drill's project root: the
   * nearest ancestor of the drill file's directory holding a {@code .git} directory or
   * file, else the drill file's own directory. Symlinks are resolved first: the longest
   * existing prefix of the path goes through {@link Path#toRealPath}, so a link pointing
   * outside the root is caught as surely as {@code ../..}. A drill file is code anyone with
   * commit rights can write; the path it names must not let it write outside the project.
   *
   * @return the guide's path (as {@link #pathFor} gives it, so it shows as the user expects)
   * @throws GuideException naming the resolved path, when it lies outside the root
   */
  public static Path confined(Path drillFile, Plan plan) throws GuideException {
    Path path = pathFor(drillFile, plan);
    Path root;
    Path resolved;
    try {
      root = projectRoot(drillFile).toRealPath();
      resolved = resolveExisting(path);
    } catch (IOException e) {
      throw new GuideException("cannot resolve the guide path " + path + ": " + e.getMessage(), e);
    }
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw new GuideException("the guide path '" + plan.guide() + "' resolves to " + resolved
          + ", outside the project root " + root);
    }
    return path;
  }

  /**
   * The drill's project root: the nearest ancestor of its directory (itself included) that
   * holds {@code .git} (a directory, or the file of a worktree or submodule), else the drill
   * file's own directory.
   */
  public static Path projectRoot(Path drillFile) {
    Path dir = drillFile.toAbsolutePath().normalize().getParent();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return d;
      }
    }
    return dir;
  }

  /** The real path of the longest existing prefix, with the rest (not yet created) appended. */
  private static Path resolveExisting(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    Path real = existing.toRealPath();
    Path rest = existing.relativize(absolute);
    return rest.toString().isEmpty() ? real : real.resolve(rest).normalize();
  }

  /** Writes via a temporary file in the same directory and an atomic move. */
  static void write(Path guide, String text) throws IOException {
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
