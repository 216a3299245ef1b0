package dev.drill.compiler.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds the .drill files named by command-line paths: files as given, directories walked in sorted order. */
public final class DrillFiles {

  private static final String EXTENSION = ".drill";

  private static final String PLAN_EXTENSION = ".plan.json";

  private DrillFiles() {}

  /**
   * One drill file found: its path, the path to report it under, and the directory it was
   * found in (its parent, when it was named directly).
   */
  public record Found(Path path, String displayPath, Path root) {

    /**
     * Where {@code drill compile -o DIR} writes its plan, under {@code DIR}: its place under
     * the directory it was found in, {@code .drill} replaced by {@code .plan.json}
     * ({@code root/a/b.drill} -> {@code a/b.plan.json}).
     */
    public Path planPath() {
      Path relative = root.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize());
      String name = relative.getFileName().toString();
      String base = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
      Path parent = relative.getParent();
      return parent == null ? Path.of(base + PLAN_EXTENSION) : parent.resolve(base + PLAN_EXTENSION);
    }
  }

  /**
   * Files named directly are taken whatever their extension; directories contribute their
   * .drill files, skipping hidden directories and build output ({@code target}).
   *
   * @throws NoSuchFileException when a path does not exist
   */
  public static List<Found> find(List<Path> paths) throws IOException {
    Set<Path> seen = new LinkedHashSet<>();
    List<Found> found = new ArrayList<>();
    for (Path given : paths) {
      if (!Files.exists(given)) {
        throw new NoSuchFileException(given.toString());
      }
      if (Files.isDirectory(given)) {
        List<Path> inDir = new ArrayList<>();
        Files.walkFileTree(given, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            boolean skip = !dir.equals(given) && (name.startsWith(".") || name.equals("target"));
            return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && file.getFileName().toString().endsWith(EXTENSION)) {
              inDir.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
        inDir.sort(null);
        for (Path file : inDir) {
          if (seen.add(file.toAbsolutePath().normalize())) {
            found.add(new Found(file, display(file), given));
          }
        }
      } else if (seen.add(given.toAbsolutePath().normalize())) {
        found.add(new Found(given, display(given), given.getParent() == null ? Path.of("") : given.getParent()));
      }
    }
    return found;
  }

  /** The path as a user would type it: relative to the working directory when under it, with '/'. */
  public static String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }
}
