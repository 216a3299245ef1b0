package dev.drill.plan;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A drill's project: the nearest directory, from a drill's own up, that holds {@code .git}
 * (a directory, or the file of a worktree or submodule). Its run results and journals live
 * at its root ({@code drill-results/}, {@code drill-runs/}), its guides stay inside it, and a
 * plan names the drill's directory relative to it, so the plan runs its commands there
 * wherever the plan file goes.
 */
public final class ProjectRoot {

  /** A path on a Windows drive, such as {@code C:x}: compiled once, every plan's directory is checked. */
  private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*");

  private ProjectRoot() {}

  /** The nearest ancestor of {@code directory} (itself included) holding {@code .git}, absolute. */
  public static Optional<Path> enclosing(Path directory) {
    for (Path d = directory.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /**
   * Where the project of a path on the command line is: a directory's own, a file's
   * directory's; the working directory's when none is given.
   */
  public static Optional<Path> ofPath(Optional<Path> given) {
    Path start = given.map(Path::toAbsolutePath).orElse(Path.of("").toAbsolutePath());
    return enclosing(Files.isDirectory(start) ? start : start.getParent() == null ? start : start.getParent());
  }

  /**
   * The plan's {@code directory} for a drill's (absolute, normal) directory whose project root
   * is known: that directory relative to the root, with '/' ({@code .} for the root itself);
   * empty when it is in no project.
   */
  public static Optional<String> relativeDirectory(Path directory, Optional<Path> root) {
    // A directory whose name a plan cannot hold (a control character) is left out: runs then
    // use the plan file's directory.
    return root.map(r -> r.relativize(directory).toString().replace('\\', '/'))
        .map(relative -> relative.isEmpty() ? "." : relative)
        .filter(ProjectRoot::isDirectory);
  }

  /**
   * Whether a plan's {@code directory} is one drill writes: relative, '/'-separated, no
   * empty, {@code .} or {@code ..} part (only {@code .} alone, the root), so it cannot leave
   * the project it is resolved in.
   */
  public static boolean isDirectory(String directory) {
    if (directory.equals(".")) {
      return true;
    }
    if (directory.isEmpty() || directory.startsWith("/") || directory.contains("\\")
        || DRIVE.matcher(directory).matches()) {
      return false;
    }
    for (String part : directory.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..") || part.chars().anyMatch(Character::isISOControl)) {
        return false;
      }
    }
    return true;
  }
}
