package dev.drill.cli;

import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.guide.GuideException;
import dev.drill.compiler.guide.GuideWriter;
import dev.drill.compiler.source.DrillFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "guide",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the Markdown recovery guide of each drill, where its 'guide' says (default:"
          + " <drill>.md beside the drill file).",
      "",
      "An existing guide is never overwritten: with --update, only the generated parts"
          + " (between drill:begin and drill:end markers) are rewritten and every word of your"
          + " own is kept; new steps get a section, removed steps keep your text under an"
          + " unmarked heading."
    })
final class GuideCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = ".drill files, or directories to search for them")
  List<Path> paths;

  @Option(names = "--update", description = "regenerate the generated parts of existing guides, keeping your text")
  boolean update;

  @Option(names = "--templates", paramLabel = "DIR", description = "use guide.md.ftl from this directory instead of the built-in template")
  Path templates;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<List<DrillFiles.Found>> found = Inputs.drills("guide", paths, err);
    if (found.isEmpty()) {
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
