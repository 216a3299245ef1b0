package dev.drill.compiler.guide;

import dev.drill.compiler.library.Library;
import dev.drill.plan.Plan;
import dev.drill.plan.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

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
    return confined(drillFile, plan, Library.session());
  }

  /** As {@link #confined(Path, Plan)}, the file system looked up through a session shared with other drills. */
  public static Path confined(Path drillFile, Plan plan, Library library) throws GuideException {
    Path path = pathFor(drillFile, plan);
    Path dir = drillFile.toAbsolutePath().normalize().getParent();
    Path projectRoot = library.projectRoot(dir).orElse(dir);
    Optional<Path> root = library.realPath(projectRoot);
    if (root.isEmpty()) {
      throw new GuideException("cannot resolve the guide path " + path + ": " + projectRoot + " does not exist");
    }
    Path resolved = resolveExisting(path, library);
    if (!resolved.startsWith(root.get()) || resolved.equals(root.get())) {
      throw new GuideException("the guide path '" + plan.guide() + "' resolves to " + resolved
          + ", outside the project root " + root.get());
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
    return ProjectRoot.enclosing(dir).orElse(dir);
  }

  /** The real path of the longest existing prefix, with the rest (not yet created) appended. */
  private static Path resolveExisting(Path path, Library library) throws GuideException {
    Path absolute = path.toAbsolutePath().normalize();
    Optional<Path> whole = library.realPath(absolute);   // the guide exists: one look-up, not two
    if (whole.isPresent()) {
      return whole.get();
    }
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    // A link that leads nowhere (or in a loop) is refused, not looked past.
    Optional<Path> real = library.realPath(existing);
    if (real.isEmpty()) {
      throw new GuideException("cannot resolve the guide path " + path + ": " + existing + " cannot be followed");
    }
    Path rest = existing.relativize(absolute);
    return rest.toString().isEmpty() ? real.get() : real.get().resolve(rest).normalize();
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
