package dev.drill.compiler.check;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.guide.GuideChecker;
import dev.drill.compiler.guide.GuideException;
import dev.drill.compiler.guide.GuideFiles;
import dev.drill.compiler.library.Library;
import dev.drill.compiler.practice.ActionItemCheck;
import dev.drill.compiler.practice.ActionItemStore;
import dev.drill.compiler.practice.PracticeFreshness;
import dev.drill.compiler.practice.ResultStore;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.source.SourceReader;
import dev.drill.plan.Plan;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@code drill check}: every drill compiles, its recovery guide matches it, it is
 * practiced on its cadence, and the action items of its reports are done in time. One entry per drill, holding everything found about it
 * wherever it points (the drill, its guide, a run result).
 */
public final class LibraryCheck {

  /** The results directory read when none is given. */
  public static final String DEFAULT_RESULTS_DIRECTORY = ResultStore.DEFAULT_DIRECTORY;

  private LibraryCheck() {}

  /**
   * The results directory when {@code --results} is not given: {@code drill-results/} at the
   * project root of the paths checked (see {@link ResultStore#defaultDirectory}).
   */
  public static Path defaultResults(List<Path> paths) {
    return ResultStore.defaultDirectory(paths);
  }

  /** Where run results and run reports are, and which day it is (for practice freshness and action items). */
  public record Options(Path resultsDir, Path runsDir, LocalDate today) {}

  /**
   * The runs directory when {@code --runs} is not given: {@code drill-runs/} at the project
   * root of the paths checked (see {@link ActionItemStore#defaultDirectory}).
   */
  public static Path defaultRuns(List<Path> paths) {
    return ActionItemStore.defaultDirectory(paths);
  }

  /** The findings, and the text of every file it points into, for excerpts. */
  public record Outcome(CheckFindings findings, Map<String, SourceFile> sources) {
    public Outcome {
      sources = Map.copyOf(sources);
    }

    /** The text of a file the findings point into, for an excerpt; empty for one not kept. */
    public Optional<SourceFile> source(String path) {
      return Optional.ofNullable(sources.get(path));
    }
  }

  /**
   * Checks the drills, in parallel, reporting them in the order given, then the results
   * directory's unreadable files (D705) as an entry of their own.
   *
   * @throws IOException when a drill or its guide cannot be read
   */
  public static Outcome run(List<DrillFiles.Found> drills, Options options) throws IOException {
    ResultStore.Loaded results = ResultStore.load(options.resultsDir());
    ActionItemStore.Loaded reports = ActionItemStore.load(options.runsDir());
    // Drills are independent: checked on every core, reported in the order given.
    Map<String, SourceFile> sources = new ConcurrentHashMap<>();
    Library library = Library.session();
    List<Checked> checked;
    try {
      checked = drills.parallelStream()
          .map(drill -> {
            try {
              return checkOne(drill, results, reports, options.today(), sources, library);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .collect(Collectors.toList());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<String, Diagnostic> duplicates = DrillIds.duplicates(
        checked.stream().flatMap(c -> c.declared().stream()).collect(Collectors.toList()));
    List<CheckFindings.Entry> entries = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      CheckFindings.Entry entry = checked.get(i).entry();
      Optional<Diagnostic> duplicate = Optional.ofNullable(duplicates.get(entry.file()));
      if (duplicate.isPresent()) {
        List<Diagnostic> found = new ArrayList<>(List.of(duplicate.get()));
        found.addAll(entry.diagnostics());
        entry = new CheckFindings.Entry(entry.name(), entry.file(), found);
        DrillFiles.Found drill = drills.get(i);
        SourceReader.file(SourceReader.read(drill.path(), drill.displayPath())).ifPresent(s -> sources.put(s.path(), s));
      }
      entries.add(entry);
    }
    entries = reportedOnce(entries);
    if (!results.diagnostics().isEmpty()) {
      entries.add(CheckFindings.Entry.runResults(DrillFiles.display(options.resultsDir()), results.diagnostics()));
    }
    return new Outcome(new CheckFindings(entries), sources);
  }

  /** A drill's entry, and where it declares its id when it compiled. */
  private record Checked(CheckFindings.Entry entry, Optional<DrillIds.Declared> declared) {}

  private static Checked checkOne(
      DrillFiles.Found drill, ResultStore.Loaded results, ActionItemStore.Loaded reports, LocalDate today,
      Map<String, SourceFile> sources, Library library) throws IOException {
    CompileResult compiled = DrillCompiler.compile(drill.path(), drill.displayPath(), library);
    Map<String, SourceFile> read = new HashMap<>();
    compiled.source().ifPresent(s -> read.put(s.path(), s));
    read.putAll(compiled.imported());
    List<Diagnostic> found = new ArrayList<>(compiled.diagnostics());
    Checked checked;
    if (compiled.templatesOnly()) {
      String name = drill.path().getFileName().toString();
      checked = new Checked(CheckFindings.Entry.templates(name, drill.displayPath(), found), Optional.empty());
    } else if (compiled.plan().isEmpty()) {
      String name = drill.path().getFileName().toString();
      checked = new Checked(new CheckFindings.Entry(name, drill.displayPath(), found), Optional.empty());
    } else {
      Plan plan = compiled.plan().get();
      found.addAll(guide(drill, plan, read, library));
      List<ActionItemStore.Report> own = reports.of(plan.id());
      found.addAll(PracticeFreshness.check(plan, results.results(), today, ActionItemCheck.named(own)));
      found.addAll(ActionItemCheck.check(own, today));
      own.forEach(report -> read.put(report.file(), report.source()));
      checked = new Checked(new CheckFindings.Entry(plan.id(), drill.displayPath(), found),
          compiled.idSpan().map(span -> new DrillIds.Declared(plan.id(), span)));
    }
    keepPointedInto(found, read, sources);
    return checked;
  }

  /**
   * A problem in a checked file of templates is reported under that file, not again under
   * every drill that imports it (each of those fails with its own D814 at its import). A
   * finding in a template's text that a drill revealed ({@code origin}) stays with the drill:
   * another drill may not have it.
   */
  private static List<CheckFindings.Entry> reportedOnce(List<CheckFindings.Entry> entries) {
    Set<String> checkedFiles = new HashSet<>();
    entries.forEach(e -> checkedFiles.add(e.file()));
    List<CheckFindings.Entry> kept = new ArrayList<>(entries.size());
    for (CheckFindings.Entry entry : entries) {
      List<Diagnostic> own = entry.diagnostics().stream()
          .filter(d -> d.origin().isPresent() || d.span().file().equals(entry.file())
              || !checkedFiles.contains(d.span().file()))
          .toList();
      kept.add(own.size() == entry.diagnostics().size()
          ? entry : new CheckFindings.Entry(entry.name(), entry.file(), own, entry.kind()));
    }
    return kept;
  }

  /**
   * Keeps, of the files a diagnostic points into, only the lines it points at: a large library
   * is mostly clean, and holding every drill and guide until the findings are written would
   * need memory in proportion to the library, even when each drill has one warning.
   */
  private static void keepPointedInto(
      List<Diagnostic> diagnostics, Map<String, SourceFile> read, Map<String, SourceFile> kept) {
    if (diagnostics.isEmpty()) {
      return; // most drills of a clean library
    }
    Map<String, Set<Integer>> lines = new HashMap<>();
    for (Diagnostic d : diagnostics) {
      lines.computeIfAbsent(d.span().file(), file -> new HashSet<>()).add(d.span().line());
      d.related().ifPresent(r -> lines.computeIfAbsent(r.span().file(), file -> new HashSet<>()).add(r.span().line()));
    }
    lines.forEach((file, numbers) -> Optional.ofNullable(read.get(file))
        .ifPresent(source -> kept.merge(file, source.excerpt(numbers), SourceFile::union)));
  }

  private static List<Diagnostic> guide(
      DrillFiles.Found drill, Plan plan, Map<String, SourceFile> files, Library library)
      throws IOException {
    SourceSpan drillStart = SourceSpan.at(plan.source().file(), plan.source().line(), plan.source().column());
    Path path;
    try {
      path = GuideFiles.confined(drill.path(), plan, library);
    } catch (GuideException e) {
      return List.of(Diagnostic.of(Code.D506, drillStart, e.getMessage(),
          "a drill's guide must stay inside its project (the nearest directory with .git, else the drill's own)"));
    }
    String shown = DrillFiles.display(path);
    if (!Files.isRegularFile(path)) {
      return List.of(Diagnostic.of(Code.D601, drillStart,
          "the guide " + shown + " does not exist",
          "generate it: drill guide " + drill.displayPath()));
    }
    SourceReader.Result read = SourceReader.read(path, shown);
    if (read instanceof SourceReader.Refused refused) {
      return List.of(refused.diagnostic());
    }
    SourceFile guide = SourceReader.file(read).orElseThrow();
    files.put(shown, guide);
    return GuideChecker.check(plan, guide);
  }
}
