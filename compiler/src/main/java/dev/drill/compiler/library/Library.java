package dev.drill.compiler.library;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.source.SourceReader;
import dev.drill.compiler.syntax.ParseResult;
import dev.drill.compiler.syntax.SyntaxAnalyzer;
import dev.drill.plan.ProjectRoot;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of one compiler session: each file is read and parsed once, however many drills
 * import it (a check of 2,000 drills built from one template file parses that file once).
 * Safe to share between threads; a session sees files as they were when it first read them,
 * so it lives as long as one command.
 */
public final class Library {

  private final Map<Path, LibraryFile> files = new ConcurrentHashMap<>();
  private final Map<Path, Path> realPaths = new ConcurrentHashMap<>();
  private final Map<Path, Optional<Path>> projectRoots = new ConcurrentHashMap<>();

  private Library() {}

  /** A session reading from disk, empty. */
  public static Library session() {
    return new Library();
  }

  /**
   * The parse of a file the caller has read (a drill named on the command line): a file of
   * templates on disk is kept for the session, so that importing it later does not parse it
   * again; a drill is not (no file imports a drill).
   */
  public ParseResult parse(SourceFile source, Path file) {
    Optional<Path> real = realPath(file);
    if (real.isEmpty()) {
      return SyntaxAnalyzer.parse(source);
    }
    LibraryFile known = files.get(real.get());
    // Reused only when it is the same text under the same name: spans and messages name the file.
    if (known == null || !known.source().map(s -> s.path().equals(source.path()) && s.text().equals(source.text()))
        .orElse(false)) {
      known = parsed(real.get(), source);
      // Only a file of templates may be imported later: a check of 10,000 drills must not hold
      // 10,000 syntax trees until it ends.
      if (known.ast().map(DrillFile::isLibrary).orElse(false)) {
        files.putIfAbsent(real.get(), known);
      }
    }
    return new ParseResult(known.ast(), known.diagnostics());
  }

  /** The imports and templates a parsed file sees; problems anywhere among its imports included. */
  public Scope scope(Path file, DrillFile ast) {
    return ImportGraph.resolve(this, file, ast);
  }

  /** The drill with its template expanded and merged, or the problems that prevent it. */
  public static Expansion expand(Drill drill, Scope scope) {
    return TemplateExpander.expand(drill, scope);
  }

  /** What can be checked of a file's own templates without a drill built from them. */
  public static List<Diagnostic> checkTemplates(DrillFile file, Scope scope) {
    return TemplateExpander.check(file, scope);
  }

  /** An imported file, read and parsed on first use. */
  LibraryFile load(Path realPath, String shown) {
    return files.computeIfAbsent(realPath, path -> read(path, shown));
  }

  private static LibraryFile read(Path realPath, String shown) {
    try {
      long size = Files.size(realPath);
      if (size > SourceReader.MAX_BYTES) {
        return refused(realPath, Diagnostic.of(Code.D011, SourceSpan.at(shown, 1, 1),
            String.format(Locale.ROOT, "file is %,d bytes; a drill file may be at most %,d bytes (%d MiB)",
                size, SourceReader.MAX_BYTES, SourceReader.MAX_BYTES / (1024 * 1024)),
            "split the library into smaller files"));
      }
      SourceReader.Result read = SourceReader.read(shown, Files.readAllBytes(realPath));
      if (read instanceof SourceReader.Refused refusal) {
        return refused(realPath, refusal.diagnostic());
      }
      return parsed(realPath, SourceReader.file(read).orElseThrow());
    } catch (IOException e) {
      return refused(realPath, Diagnostic.of(Code.D801, SourceSpan.at(shown, 1, 1),
          "cannot read " + shown + ": " + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()),
          "check the file's permissions"));
    }
  }

  private static LibraryFile refused(Path realPath, Diagnostic diagnostic) {
    return new LibraryFile(realPath, Optional.empty(), Optional.empty(), List.of(diagnostic));
  }

  private static LibraryFile parsed(Path realPath, SourceFile source) {
    ParseResult parsed = SyntaxAnalyzer.parse(source);
    return new LibraryFile(realPath, Optional.of(source), parsed.ast(), parsed.diagnostics());
  }

  /**
   * The real path of a file (symbolic links resolved), empty when it does not exist. Cached for
   * the session, and a file that is no link is resolved through its directory's real path: a
   * check of 10,000 drills in a few directories resolves each directory once, not every
   * component of every drill's path (a look-up of the file system each).
   */
  public Optional<Path> realPath(Path path) {
    Path absolute = path.toAbsolutePath();
    Path known = realPaths.get(absolute);
    if (known != null) {
      return Optional.of(known);
    }
    // Only what exists is kept: a file or directory a command creates is looked up again.
    Optional<Path> resolved = resolve(absolute);
    resolved.ifPresent(real -> realPaths.putIfAbsent(absolute, real));
    return resolved;
  }

  private Optional<Path> resolve(Path absolute) {
    Path parent = absolute.getParent();
    Path name = absolute.getFileName();
    if (parent != null && name != null && !name.toString().equals("..") && !name.toString().equals(".")) {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException | SecurityException e) {
        return Optional.empty();
      }
      if (!attributes.isSymbolicLink()) {
        return realPath(parent).map(real -> real.resolve(name));
      }
    }
    try {
      return Optional.of(absolute.toRealPath());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** The project a directory belongs to (see {@link ProjectRoot#enclosing}), cached for the session. */
  public Optional<Path> projectRoot(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    Optional<Path> known = projectRoots.get(absolute);
    if (known == null) {
      known = ProjectRoot.enclosing(absolute);
      projectRoots.putIfAbsent(absolute, known);
    }
    return known;
  }
}
