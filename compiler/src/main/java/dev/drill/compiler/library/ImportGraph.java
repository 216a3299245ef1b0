package dev.drill.compiler.library;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.ast.Import;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.NearMiss;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Follows a file's imports, transitively: each import is held to the rules (a relative
 * {@code .drill} path, inside the project, to a file without a drill, not closing a cycle),
 * each file is taken from the session (read and parsed once), and every problem is reported
 * in the file where it is written. The walk keeps its own stack, so a chain of thousands of
 * imports needs no deeper Java stack than one.
 */
final class ImportGraph {

  /** A path on a Windows drive, such as {@code C:lib/roles.drill}: compiled once, every import is checked. */
  private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*");

  private enum Visit { OPEN, DONE }

  private final Library library;
  private final Map<String, Scope.Node> nodes = new LinkedHashMap<>();
  private final Map<String, SourceFile> sources = new LinkedHashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<Path, Visit> visits = new HashMap<>();
  /** The shown path each real file was first reached by: one file, one name in every message. */
  private final Map<Path, String> shownAs = new HashMap<>();
  /** For each file reached, the root file's import it was first reached through. */
  private final Map<String, Import> reachedThrough = new LinkedHashMap<>();
  private Frame root;

  private ImportGraph(Library library) {
    this.library = library;
  }

  /** A file being walked: where it is, its AST, and how far through its imports the walk is. */
  private static final class Frame {
    final Path path;
    final Path real;
    final DrillFile ast;
    final List<String> imports = new ArrayList<>();
    int next;

    Frame(Path path, Path real, DrillFile ast) {
      this.path = path;
      this.real = real;
      this.ast = ast;
    }
  }

  static Scope resolve(Library library, Path path, DrillFile ast) {
    ImportGraph graph = new ImportGraph(library);
    String root = ast.span().file();
    graph.walk(new Frame(path, library.realPath(path).orElse(path.toAbsolutePath().normalize()), ast));
    return new Scope(root, graph.nodes, graph.sources, graph.diagnostics, graph.reachedThrough);
  }

  private void walk(Frame start) {
    root = start;
    Deque<Frame> stack = new ArrayDeque<>();
    enter(start, stack);
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      if (frame.next == frame.ast.imports().size()) {
        stack.pop();
        visits.put(frame.real, Visit.DONE);
        nodes.put(frame.ast.span().file(), new Scope.Node(frame.ast.span().file(), frame.ast, frame.imports));
        continue;
      }
      Import anImport = frame.ast.imports().get(frame.next++);
      follow(frame, anImport, stack).ifPresent(frame.imports::add);
    }
  }

  private void enter(Frame frame, Deque<Frame> stack) {
    visits.put(frame.real, Visit.OPEN);
    shownAs.put(frame.real, frame.ast.span().file());
    stack.push(frame);
  }

  /** The shown path of the file an import names, when it may be used. */
  private Optional<String> follow(Frame from, Import anImport, Deque<Frame> stack) {
    Optional<String> written = writtenPath(anImport);
    if (written.isEmpty()) {
      return Optional.empty();
    }
    Path target = from.path.toAbsolutePath().normalize().resolveSibling(written.get()).normalize();
    if (!Files.isRegularFile(target)) {
      diagnostics.add(notFound(anImport, written.get(), target, shownBeside(from.ast.span().file(), written.get())));
      return Optional.empty();
    }
    Optional<Path> real = library.realPath(target);
    if (real.isEmpty()) {
      diagnostics.add(notFound(anImport, written.get(), target, shownBeside(from.ast.span().file(), written.get())));
      return Optional.empty();
    }
    Path project = projectOf(from.path);
    if (!real.get().startsWith(project)) {
      diagnostics.add(Diagnostic.of(Code.D802, anImport.path().span(),
          "'" + written.get() + "' is " + real.get() + ", outside the project " + project,
          "a library lives inside the project that uses it (the nearest directory with .git, else the"
              + " working directory): copy the file in, or make it a git submodule"));
      return Optional.empty();
    }
    Visit visit = visits.get(real.get());
    if (visit == Visit.OPEN) {
      diagnostics.add(cycle(anImport, real.get(), stack));
      return Optional.empty();
    }
    if (visit == Visit.DONE) {
      return Optional.of(shownAs.get(real.get()));
    }
    LibraryFile file = library.load(real.get(), shownBeside(from.ast.span().file(), written.get()));
    file.source().ifPresent(s -> sources.put(s.path(), s));
    file.source().ifPresent(s -> reachedThrough.putIfAbsent(s.path(), root.ast.imports().get(root.next - 1)));
    diagnostics.addAll(file.diagnostics());
    if (file.ast().isEmpty()) {
      visits.put(real.get(), Visit.DONE);
      return Optional.empty();
    }
    DrillFile ast = file.ast().get();
    if (!ast.drills().isEmpty()) {
      Drill drill = ast.drills().get(0);
      diagnostics.add(Diagnostic.of(Code.D804, anImport.path().span(),
          "'" + written.get() + "' holds drill '" + drill.name().value() + "'; only templates can be imported",
          "move the templates it shares to a file of their own, and import that")
          .withRelated(drill.name().span(), "the drill"));
      visits.put(real.get(), Visit.DONE);
      return Optional.empty();
    }
    enter(new Frame(target, real.get(), ast), stack);
    reachedThrough.putIfAbsent(ast.span().file(), root.ast.imports().get(root.next - 1));
    return Optional.of(ast.span().file());
  }

  /**
   * How an imported file is named in messages and spans: beside the importing file's name, so
   * that a library named as {@code drills/} names its imports {@code drills/lib/...}.
   */
  private static String shownBeside(String importing, String written) {
    Path shown = Path.of(importing).resolveSibling(written).normalize();
    return shown.toString().replace('\\', '/');
  }

  /** The path as written, when it is a plain relative path to a .drill file. */
  private static boolean holdsControl(String path) {
    for (int i = 0; i < path.length(); i++) {
      if (Character.isISOControl(path.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> writtenPath(Import anImport) {
    Text text = anImport.path();
    String path = text.literal();
    String problem = null;
    if (!text.references().isEmpty()) {
      problem = "an import path is written out: it cannot use ${...}";
    } else if (holdsControl(path)) {
      problem = "an import path cannot hold a control character";
    } else if (path.startsWith("/") || path.startsWith("\\") || DRIVE.matcher(path).matches()) {
      problem = "an import path is relative to the importing file; '" + path + "' is absolute";
    } else if (!path.endsWith(".drill") || path.endsWith("/.drill")) {
      problem = "an import names a .drill file; '" + path + "' does not";
    }
    if (problem != null) {
      diagnostics.add(Diagnostic.of(Code.D805, text.span(), problem,
          "write the path relative to this file, such as \"lib/roles.drill\""));
      return Optional.empty();
    }
    return Optional.of(path);
  }

  private static Diagnostic notFound(Import anImport, String written, Path target, String shown) {
    List<String> hints = new ArrayList<>();
    Path dir = target.getParent();
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> siblings = Files.list(dir)) {
        List<String> names = siblings.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".drill")).collect(Collectors.toList());
        String name = target.getFileName().toString();
        NearMiss.suggest(name, names).ifPresent(near -> {
          int slash = written.lastIndexOf('/');
          hints.add("did you mean '" + written.substring(0, slash + 1) + near + "'?");
        });
      } catch (IOException e) {
        // No suggestion then; the diagnostic says what is missing.
      }
    }
    hints.add("the path is relative to the importing file's directory");
    return new Diagnostic(Code.D801, Code.D801.severity(), anImport.path().span(),
        "imported file '" + written + "' not found" + (shown.equals(written) ? "" : " (" + shown + ")"), hints, Optional.empty());
  }

  private Diagnostic cycle(Import anImport, Path back, Deque<Frame> stack) {
    List<String> chain = new ArrayList<>();
    List<Frame> open = new ArrayList<>(stack);
    Collections.reverse(open);
    boolean inCycle = false;
    for (Frame frame : open) {
      inCycle |= frame.real.equals(back);
      if (inCycle) {
        chain.add(frame.ast.span().file());
      }
    }
    chain.add(shownAs.get(back));
    return Diagnostic.of(Code.D803, anImport.path().span(),
        chain.size() == 2 ? "a file cannot import itself" : "this import closes a cycle: " + String.join(" -> ", chain),
        "imports form a tree: move what two files share into a third that both import");
  }

  /** The project an importing file belongs to: the nearest directory with .git, else the working directory. */
  private Path projectOf(Path importing) {
    Path dir = importing.toAbsolutePath().normalize().getParent();
    Path project = library.projectRoot(dir).orElse(Path.of("").toAbsolutePath());
    return library.realPath(project).orElse(project);
  }
}
