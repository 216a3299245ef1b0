package dev.drill.compiler.practice;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.ProjectRoot;
import dev.drill.plan.ResultFormatException;
import dev.drill.plan.RunResult;
import dev.drill.plan.RunResultJson;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run results in a results directory: every {@code *.json} file under it, at any depth
 * (conventionally {@code <drill>/<start>.json}, see {@link RunResult#relativePath()}), read in
 * sorted order so that the same directory always gives the same list. Hidden files and
 * directories (a name starting with {@code .}) are skipped. A file that is not a valid run
 * result is reported as {@link Code#D705} at that file and left out; the others still count.
 */
public final class ResultStore {

  /** The results directory {@code drill check} reads when none is given, at the repository root. */
  public static final String DEFAULT_DIRECTORY = "drill-results";

  /**
   * The results directory read when none is given: {@link #DEFAULT_DIRECTORY} at the project
   * root ({@link ProjectRoot}) of the first path checked, or of the working directory when
   * none is given; in no project, in the working directory. So a check from a subdirectory
   * reads the same results as one from the root.
   */
  public static Path defaultDirectory(List<Path> paths) {
    return ProjectRoot.ofPath(paths.stream().findFirst())
        .orElse(Path.of("").toAbsolutePath()).resolve(DEFAULT_DIRECTORY);
  }

  /** A result is a few hundred bytes; anything far larger is not one, and is not read whole. */
  static final long MAX_BYTES = 1 << 20;

  private ResultStore() {}

  /** What a results directory holds: the results that could be read, and a D705 for each file that could not. */
  public record Loaded(List<LoadedResult> results, List<Diagnostic> diagnostics) {

    public Loaded {
      results = List.copyOf(results);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Reads every result under {@code dir}; a directory that does not exist holds no results. */
  public static Loaded load(Path dir) {
    if (!Files.exists(dir)) {
      return new Loaded(List.of(), List.of());
    }
    if (!Files.isDirectory(dir)) {
      return new Loaded(List.of(), List.of(unreadable(display(dir),
          "the results path is a file, not a directory of run results")));
    }
    // Sorted by the path as shown, so the order is the same on every file system.
    Map<String, Path> files = new TreeMap<>();
    Map<String, String> failures = new TreeMap<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          return !d.equals(dir) && isHidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (name.endsWith(".json") && !isHidden(file) && Files.isRegularFile(file)) {
            files.put(display(file), file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          failures.put(display(file), "cannot read it: " + reason(e));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      failures.put(display(dir), "cannot read the results directory: " + reason(e));
    }
    List<LoadedResult> results = new ArrayList<>();
    Map<String, String> problems = new TreeMap<>(failures);
    files.forEach((shown, file) -> {
      try {
        results.add(new LoadedResult(shown, read(file)));
      } catch (ResultFormatException e) {
        problems.put(shown, e.getMessage());
      } catch (IOException e) {
        problems.put(shown, "cannot read it: " + reason(e));
      }
    });
    List<Diagnostic> diagnostics = new ArrayList<>();
    problems.forEach((shown, why) -> diagnostics.add(unreadable(shown, why)));
    return new Loaded(results, diagnostics);
  }

  private static RunResult read(Path file) throws IOException, ResultFormatException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new ResultFormatException(
          "file is " + size + " bytes; a run result is at most " + MAX_BYTES + " bytes (1 MiB)");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ResultFormatException("file is not UTF-8 text", e);
    }
    return RunResultJson.read(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static Diagnostic unreadable(String file, String why) {
    return Diagnostic.of(Code.D705, SourceSpan.at(file, 1, 1), "unreadable run result: " + why,
        "fix or delete the file; a run result is written by drill run (see docs/run-results.md)");
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** Said in words, since the exception's own message is often just the path. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "it no longer exists";
    }
    return e.getMessage() == null ? "it cannot be read" : e.getMessage();
  }

  /** The path as it is reported: without {@code ./} steps, with {@code /} on every platform. */
  static String display(Path path) {
    String shown = path.normalize().toString().replace('\\', '/');
    return shown.isEmpty() ? "." : shown;
  }
}
