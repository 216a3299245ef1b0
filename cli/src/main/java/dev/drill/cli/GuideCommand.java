package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.guide.GuideException;
import dev.drill.compiler.guide.GuideWriter;
import dev.drill.compiler.source.DrillFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class GuideCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("guide",
            "Generate the Markdown recovery guide of each drill, where its 'guide' says (default:"
                + " <drill>.md beside the drill file).",
            "",
            "An existing guide is never overwritten: with --update, only the generated parts"
                + " (between drill:begin and drill:end markers) are rewritten and every word of your"
                + " own is kept; new steps get a section, removed steps keep your text under an"
                + " unmarked heading.")
        .positional(Positional.some(Type.PATH, "FILE|DIR", ".drill files, or directories to search for them"))
        .option(Option.flag("--update", "regenerate the generated parts of existing guides, keeping your text"))
        .option(Option.path("--templates", "DIR",
            "use guide.md.ftl from this directory instead of the built-in template"));
  }

  private final PrintWriter err;
  private final List<Path> paths;
  private final boolean update;
  private final Path templates;

  GuideCommand(Values args, PrintWriter err) {
    this.err = err;
    paths = args.paths("FILE|DIR");
    update = args.flag("--update");
    templates = args.path("--templates").orElse(null);
  }

  @Override
  public Integer call() {
    Optional<List<DrillFiles.Found>> found = Inputs.drills("guide", paths, err);
    if (found.isEmpty()) {
      return Main.USAGE;
    }
    Optional<String> outside = templates == null ? Optional.empty() : linkOutside(templates);
    if (outside.isPresent()) {
      err.println("drill guide: --templates " + templates + ": " + outside.get());
      return Main.USAGE;
    }
    GuideWriter writer;
    try {
      writer = GuideWriter.open(new GuideWriter.Options(Optional.ofNullable(templates), update));
    } catch (GuideException e) {
      err.println("drill guide: " + e.getMessage());
      return Main.USAGE;
    }
    int failed = 0;
    for (DrillFiles.Found file : found.get()) {
      GuideWriter.Result result = writer.write(file);
      print(result, err);
      if (!result.ok()) {
        failed++;
      }
    }
    return failed > 0 ? Main.FINDINGS : Main.OK;
  }

  /**
   * The template loader refuses a file whose real path leaves the folder (a guarded loader
   * reads nothing else), and would say so as a crash in the middle of the first guide: a
   * link out of the folder is named before anything is written.
   */
  private static Optional<String> linkOutside(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<Path> links;
    try (Stream<Path> files = Files.walk(dir)) {
      links = files.filter(Files::isSymbolicLink).collect(Collectors.toList());
    } catch (IOException e) {
      return Optional.empty();
    }
    for (Path link : links) {
      try {
        Path target = link.toRealPath();
        if (!target.startsWith(dir.toRealPath())) {
          return Optional.of(dir.relativize(link) + " is a link to " + target + ", outside the folder; copy the"
              + " template into the folder instead");
        }
      } catch (NoSuchFileException e) {
        return Optional.of(dir.relativize(link) + " is a link to a file that does not exist");
      } catch (IOException e) {
        // GuideWriter.open says what is wrong with a folder it cannot read.
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static void print(GuideWriter.Result result, PrintWriter err) {
    result.compiled().ifPresent(compiled -> compiled.diagnostics()
        .forEach(d -> err.print(DiagnosticRenderer.render(d, compiled.sourceOf(d.span().file())))));
    GuideWriter.Outcome outcome = result.outcome();
    if (outcome instanceof GuideWriter.Wrote wrote) {
      err.println("wrote " + wrote.guide());
    } else if (outcome instanceof GuideWriter.Updated updated) {
      err.println((updated.changed() ? "updated " : "up to date ") + updated.guide());
      updated.notes().forEach(note -> err.println("  note: " + note));
    } else if (outcome instanceof GuideWriter.Refused refused) {
      err.println("drill guide: " + refused.reason());
      refused.finding().ifPresent(f -> err.print(DiagnosticRenderer.render(f.diagnostic(), Optional.of(f.guide()))));
    } else if (outcome instanceof GuideWriter.NoGuide none) {
      err.println("no guide: " + none.reason());
    }
  }
}
