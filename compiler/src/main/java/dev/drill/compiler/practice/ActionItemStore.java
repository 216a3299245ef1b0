package dev.drill.compiler.practice;

import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.ActionItems;
import dev.drill.plan.ProjectRoot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The after-action reports in a runs directory, where runs write them:
 * {@code <drill>/<start>/report.md}, the first directory naming the drill. Every
 * {@code report.md} at that depth or deeper is read, in sorted order; hidden files and
 * directories are skipped. The team edits and commits these reports; their "Action items"
 * sections are what {@link ActionItemCheck} and {@code drill list} read.
 */
public final class ActionItemStore {

  /** The runs directory read when none is given, at the project root. */
  public static final String DEFAULT_DIRECTORY = "drill-runs";

  /** A report is a few kilobytes; anything far larger is not one, and is not read whole. */
  static final long MAX_BYTES = 4 << 20;

  private ActionItemStore() {}

  /** The runs directory read when none is given: {@link #DEFAULT_DIRECTORY} at the project root of the first path. */
  public static Path defaultDirectory(List<Path> paths) {
    return ProjectRoot.ofPath(paths.stream().findFirst())
        .orElse(Path.of("").toAbsolutePath()).resolve(DEFAULT_DIRECTORY);
  }

  /**
   * One report of a drill: its text and its action items, or why they cannot be read
   * ({@code unreadable}, then there are no items).
   */
  public record Report(String drill, SourceFile source, List<ActionItems.Item> items, Optional<String> unreadable) {

    public Report {
      items = List.copyOf(items);
    }

    public String file() {
      return source.path();
    }

    /** The items still open. */
    public List<ActionItems.Item> open() {
      return items.stream().filter(item -> !item.done()).toList();
    }
  }

  /** The reports of a runs directory, by drill. */
  public record Loaded(List<Report> reports) {

    public Loaded {
      reports = List.copyOf(reports);
    }

    /** The reports of one drill, in path order. */
    public List<Report> of(String drill) {
      return reports.stream().filter(r -> r.drill().equals(drill)).toList();
    }
  }

  /** Reads every report under {@code dir}; a directory that does not exist holds none. */
  public static Loaded load(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new Loaded(List.of());
    }
    Map<String, Path> files = new TreeMap<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          Path name = d.getFileName();
          return !d.equals(dir) && name != null && name.toString().startsWith(".")
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (file.getFileName().toString().equals("report.md") && attrs.isRegularFile()
              && dir.relativize(file).getNameCount() >= 3) {
            files.put(ResultStore.display(file), file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return new Loaded(List.of());
    }
    List<Report> reports = new ArrayList<>();
    files.forEach((shown, file) -> reports.add(read(dir.relativize(file).getName(0).toString(), shown, file)));
    return new Loaded(reports);
  }

  private static Report read(String drill, String shown, Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        return unreadable(drill, shown, "it is over " + (MAX_BYTES >> 20) + " MiB; a report is a few kilobytes");
      }
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      return unreadable(drill, shown, "it is not UTF-8 text");
    } catch (IOException e) {
      return unreadable(drill, shown, "it cannot be read: " + e.getMessage());
    }
    SourceFile source = new SourceFile(shown, text);
    if (ActionItems.locate(text) instanceof ActionItems.Section.Unclear unclear) {
      return new Report(drill, source, List.of(), Optional.of(unclear.why()));
    }
    return new Report(drill, source, ActionItems.read(text), Optional.empty());
  }

  private static Report unreadable(String drill, String shown, String why) {
    return new Report(drill, new SourceFile(shown, ""), List.of(), Optional.of(why));
  }
}
