package dev.drill.cli;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.DrillFiles;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.guide.GuideChecker;
import dev.drill.compiler.guide.GuideException;
import dev.drill.compiler.guide.GuideFiles;
import dev.drill.compiler.guide.GuideRenderer;
import dev.drill.compiler.guide.GuideUpdater;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    if (templates != null && !Files.isDirectory(templates)) {
      err.println("drill guide: no such template directory: " + templates);
      return Main.USAGE;
    }
    GuideRenderer renderer;
    try {
      renderer = GuideRenderer.of(Optional.ofNullable(templates));
    } catch (IOException e) {
      err.println("drill guide: cannot read the templates: " + e.getMessage());
      return Main.USAGE;
    }
    List<DrillFiles.Found> files = found.get();
    int failed = 0;
    for (DrillFiles.Found file : files) {
      if (!guide(file, renderer, err)) {
        failed++;
      }
    }
    return failed > 0 ? Main.FINDINGS : Main.OK;
  }

  private boolean guide(DrillFiles.Found file, GuideRenderer renderer, PrintWriter err) {
    CompileResult result;
    try {
      result = DrillCompiler.compile(file.displayPath(), Files.readAllBytes(file.path()));
    } catch (IOException e) {
      err.println("drill guide: cannot read " + file.displayPath() + ": " + e.getMessage());
      return false;
    }
    for (Diagnostic d : result.diagnostics()) {
      err.print(DiagnosticRenderer.render(d, result.source()));
    }
    if (result.plan().isEmpty()) {
      err.println("drill guide: " + file.displayPath() + " does not compile; no guide written");
      return false;
    }
    Plan plan = result.plan().get();
    Path target;
    try {
      target = GuideFiles.confined(file.path(), plan);
    } catch (GuideException e) {
      err.println("drill guide: " + file.displayPath() + ": " + e.getMessage() + "; no guide written");
      return false;
    }
    String shown = DrillFiles.display(target);
    try {
      String fresh = renderer.render(plan);
      List<Diagnostic> selfCheck = GuideChecker.check(plan, new SourceFile(shown, fresh));
      if (!selfCheck.isEmpty()) {
        err.println("drill guide: the template gives a guide that would fail drill check; nothing written:");
        err.print(DiagnosticRenderer.render(selfCheck.get(0), Optional.of(new SourceFile(shown, fresh))));
        return false;
      }
      if (!Files.exists(target)) {
        GuideFiles.write(target, fresh);
        err.println("wrote " + shown);
        return true;
      }
      if (!update) {
        err.println("drill guide: " + shown + " exists; use --update to regenerate its generated parts"
            + " (your own text is kept)");
        return false;
      }
      String existing = decode(Files.readAllBytes(target));
      GuideUpdater.Result updated = GuideUpdater.update(existing, fresh);
      if (updated.text().equals(existing)) {
        err.println("up to date " + shown);
      } else {
        GuideFiles.write(target, updated.text());
        err.println("updated " + shown);
      }
      updated.notes().forEach(note -> err.println("  note: " + note));
      return true;
    } catch (GuideException e) {
      err.println("drill guide: " + shown + ": " + e.getMessage());
      return false;
    } catch (CharacterCodingException e) {
      err.println("drill guide: " + shown + " is not UTF-8 text; not touching it");
      return false;
    } catch (IOException e) {
      err.println("drill guide: cannot write " + shown + ": " + e.getMessage());
      return false;
    }
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
  }
}
