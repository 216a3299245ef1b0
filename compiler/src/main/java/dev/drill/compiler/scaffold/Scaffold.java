package dev.drill.compiler.scaffold;

import dev.drill.compiler.ast.Name;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.NearMiss;
import dev.drill.compiler.guide.GuideException;
import dev.drill.compiler.guide.GuideWriter;
import dev.drill.compiler.semantic.SemanticAnalyzer;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code drill new}: a starting drill of a kind, or a starting library of templates with a
 * drill built from it, each drill with the guide {@code drill guide} writes for it, so that
 * {@code drill compile}, {@code drill fmt --check} and {@code drill check} pass on them at
 * once. Never overwrites: when any file it would write exists, nothing is written; when
 * writing fails half-way, what was written is removed again.
 */
public final class Scaffold {

  /** What {@code drill new} can start, in the order help lists them. */
  public static final List<String> KINDS = Starter.kinds();

  /** What came of it. */
  public sealed interface Result permits Created, Refused {}

  /**
   * The files written, as a user would type their paths, in the order they were written; and
   * the drills among them, which have a guide (a library of templates has none).
   */
  public record Created(List<String> files, List<String> drills) implements Result {
    public Created {
      files = List.copyOf(files);
      drills = List.copyOf(drills);
    }
  }

  /** Nothing was written (or it was all removed again): why, and what to do. */
  public record Refused(String message, String hint) implements Result {}

  private Scaffold() {}

  /** Writes the starting files of {@code kind} for the drill or library {@code name} into {@code dir}. */
  public static Result create(String kind, String name, Path dir) {
    Optional<Starter> starter = Starter.of(kind);
    if (starter.isEmpty()) {
      String kinds = String.join(", ", KINDS.subList(0, KINDS.size() - 1)) + " or " + KINDS.get(KINDS.size() - 1);
      return new Refused("unknown kind '" + kind + "'",
          NearMiss.hint(kind, KINDS).map(h -> h + " (the kinds are " + kinds + ")").orElse("the kinds are " + kinds));
    }
    List<Diagnostic> invalid = SemanticAnalyzer.kebabCase(List.of(new Name(SourceSpan.at("NAME", 1, 1), name)),
        kind.equals("library") ? "library name" : "drill name");
    if (!invalid.isEmpty()) {
      Diagnostic first = invalid.get(0);
      return new Refused(first.message() + ", so it cannot be a drill id",
          String.join("; ", first.hints()));
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return new Refused(DrillFiles.display(dir) + " is not a directory", "give --dir a directory, or one to create");
    }
    List<Starter.StarterFile> files = starter.get().files(name);
    for (Starter.StarterFile file : files) {
      List<Path> targets = new ArrayList<>(List.of(file.drill()));
      file.guide().ifPresent(targets::add);
      for (Path target : targets) {
        if (Files.exists(dir.resolve(target), LinkOption.NOFOLLOW_LINKS)) {
          return new Refused(DrillFiles.display(dir.resolve(target)) + " exists; drill new never overwrites a file,"
              + " so nothing was written", "choose another NAME, or another directory with --dir");
        }
      }
    }
    Written written = new Written();
    try {
      return write(files, dir, written);
    } catch (IOException | GuideException e) {
      written.remove();
      return new Refused("cannot write into " + DrillFiles.display(dir) + ": " + e.getMessage()
          + "; nothing was left behind", "check the directory's permissions");
    }
  }

  private static Result write(List<Starter.StarterFile> files, Path dir, Written written)
      throws IOException, GuideException {
    for (Starter.StarterFile file : files) {
      Path drill = dir.resolve(file.drill());
      written.directories(drill.getParent());
      Files.writeString(drill, file.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      written.files.add(drill);
    }
    // The guides are drill guide's own, written once every file a drill imports is in place.
    GuideWriter guides = GuideWriter.open(new GuideWriter.Options(Optional.empty(), false));
    List<String> drills = new ArrayList<>();
    for (Starter.StarterFile file : files) {
      if (file.guide().isEmpty()) {
        continue;
      }
      Path drill = dir.resolve(file.drill());
      Path guide = dir.resolve(file.guide().get());
      written.directories(guide.getParent());
      GuideWriter.Result result = guides.write(new DrillFiles.Found(drill, DrillFiles.display(drill), dir));
      if (!(result.outcome() instanceof GuideWriter.Wrote)) {
        written.remove();
        // Where --dir points can make a drill fail to compile (an import leaving the project): say so.
        Optional<Diagnostic> error = result.compiled()
            .flatMap(c -> c.diagnostics().stream().filter(Diagnostic::isError).findFirst());
        return new Refused("cannot write " + DrillFiles.display(drill) + " there: "
            + error.map(Diagnostic::message).orElse(reason(result.outcome())) + "; nothing was left behind",
            error.map(d -> String.join("; ", d.hints())).filter(h -> !h.isEmpty())
                .orElse("check where --dir points; a link out of the project is refused"));
      }
      written.files.add(guide);
      drills.add(DrillFiles.display(drill));
    }
    return new Created(written.files.stream().map(DrillFiles::display).toList(), drills);
  }

  private static String reason(GuideWriter.Outcome outcome) {
    if (outcome instanceof GuideWriter.Refused refused) {
      return refused.reason();
    }
    if (outcome instanceof GuideWriter.NoGuide none) {
      return none.reason();
    }
    return outcome.toString();
  }

  /** What this command created, to take back when a later write fails. */
  private static final class Written {
    private final List<Path> files = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();

    /** Creates the directory and its missing parents, remembering each it created. */
    void directories(Path dir) throws IOException {
      List<Path> missing = new ArrayList<>();
      for (Path d = dir.toAbsolutePath().normalize(); d != null && !Files.exists(d); d = d.getParent()) {
        missing.add(d);
      }
      Collections.reverse(missing);
      for (Path d : missing) {
        Files.createDirectory(d);
        directories.add(d);
      }
    }

    /** The files, then the directories, each in the reverse order of their creation. */
    void remove() {
      List<Path> all = new ArrayList<>(files);
      Collections.reverse(all);
      List<Path> dirs = new ArrayList<>(directories);
      Collections.reverse(dirs);
      all.addAll(dirs);
      for (Path path : all) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // A directory someone else wrote into meanwhile is theirs now: it stays.
        }
      }
    }
  }
}
