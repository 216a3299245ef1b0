package dev.drill.compiler.guide;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.library.Library;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.compiler.source.SourceReader;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code drill guide}: writes each drill's recovery guide where its {@code guide} says, and
 * holds what must always be true of that. A guide is written only for a drill that
 * compiles, only inside the drill's project, only when it would pass {@code drill check};
 * an existing guide is never overwritten, only updated when asked, and then only its
 * generated parts, keeping every line of the team's text, and only when the result passes
 * the check; a guide whose markers leave a doubt, a file that is not a generated guide of
 * this drill, or not UTF-8 text, is never touched.
 */
public final class GuideWriter {

  /**
   * How to write: with a team's templates (a directory holding {@code guide.md.ftl}) or the
   * built-in ones, and whether existing guides are updated or left alone.
   */
  public record Options(Optional<Path> templates, boolean update) {}

  /** What happened to one drill's guide, after what compiling the drill reported. */
  public record Result(Optional<CompileResult> compiled, Outcome outcome) {

    /** True when the guide was written or is up to date. */
    public boolean ok() {
      return !(outcome instanceof Refused);
    }
  }

  /** What happened to the guide. */
  public sealed interface Outcome permits Wrote, Updated, Refused, NoGuide {}

  /** A file of templates only: there is no drill to write a guide for (each drill built from them gets its own). */
  public record NoGuide(String reason) implements Outcome {}

  /** A new guide was written at {@code guide} (as the user would type the path). */
  public record Wrote(String guide) implements Outcome {}

  /**
   * An existing guide was brought up to date ({@code changed}) or already was; the notes say
   * what the user should know (sections added, removed, left unmarked).
   */
  public record Updated(String guide, boolean changed, List<String> notes) implements Outcome {
    public Updated {
      notes = List.copyOf(notes);
    }
  }

  /** Nothing was written, for this reason; a guide that would fail the check comes with its first finding. */
  public record Refused(String reason, Optional<Finding> finding) implements Outcome {}

  /** A finding in the guide that was not written, with that guide's text for the excerpt. */
  public record Finding(Diagnostic diagnostic, SourceFile guide) {}

  private final GuideRenderer renderer;
  private final boolean update;
  /** Imported files are read once for all the drills this writer is given. */
  private final Library library = Library.session();

  private GuideWriter(GuideRenderer renderer, boolean update) {
    this.renderer = renderer;
    this.update = update;
  }

  /**
   * A writer with the templates of the options.
   *
   * @throws GuideException when the template directory does not exist or cannot be read
   */
  public static GuideWriter open(Options options) throws GuideException {
    if (options.templates().isPresent() && !Files.isDirectory(options.templates().get())) {
      throw new GuideException("no such template directory: " + options.templates().get());
    }
    try {
      return new GuideWriter(GuideRenderer.of(options.templates()), options.update());
    } catch (IOException e) {
      throw new GuideException("cannot read the templates: " + e.getMessage(), e);
    }
  }

  /** Compiles the drill and writes or updates its guide. */
  public Result write(DrillFiles.Found drill) {
    CompileResult compiled;
    try {
      compiled = DrillCompiler.compile(drill.path(), drill.displayPath(), library);
    } catch (IOException e) {
      return new Result(Optional.empty(), refused("cannot read " + drill.displayPath() + ": " + e.getMessage()));
    }
    return new Result(Optional.of(compiled), guide(drill, compiled));
  }

  private Outcome guide(DrillFiles.Found drill, CompileResult compiled) {
    if (compiled.templatesOnly() && !compiled.hasErrors()) {
      return new NoGuide(drill.displayPath() + " holds templates only; each drill built from them has a guide of its own");
    }
    if (compiled.plan().isEmpty()) {
      return refused(drill.displayPath() + " does not compile; no guide written");
    }
    Plan plan = compiled.plan().get();
    Path target;
    try {
      target = GuideFiles.confined(drill.path(), plan, library);
    } catch (GuideException e) {
      return refused(drill.displayPath() + ": " + e.getMessage() + "; no guide written");
    }
    String shown = DrillFiles.display(target);
    try {
      String fresh = renderer.render(plan);
      SourceFile freshGuide = new SourceFile(shown, fresh);
      List<Diagnostic> selfCheck = GuideChecker.check(plan, freshGuide);
      if (!selfCheck.isEmpty()) {
        return new Refused("the template gives a guide that would fail drill check; nothing written:",
            Optional.of(new Finding(selfCheck.get(0), freshGuide)));
      }
      if (!Files.exists(target)) {
        GuideFiles.write(target, fresh);
        return new Wrote(shown);
      }
      if (!update) {
        return refused(shown + " exists; use --update to regenerate its generated parts (your own text is kept)");
      }
      byte[] existingBytes = SourceReader.isTooLarge(target) ? new byte[0] : SourceReader.readAtMostLimit(target);
      if (SourceReader.isTooLarge(target) || existingBytes.length > SourceReader.MAX_BYTES) {
        return refused(shown + " is larger than " + SourceReader.MAX_BYTES / (1024 * 1024)
            + " MiB, so it is not a guide drill wrote; nothing was written");
      }
      String existing = decode(existingBytes);
      GuideUpdater.Result result = GuideUpdater.update(shown, existing, fresh);
      if (result instanceof GuideUpdater.Refused refusal) {
        return new Refused(shown + ": not updated; nothing was written:",
            Optional.of(new Finding(refusal.diagnostic(), new SourceFile(shown, existing))));
      }
      if (!(result instanceof GuideUpdater.Merged updated)) {
        throw new IllegalStateException("an update is merged or refused: " + result);
      }
      SourceFile merged = new SourceFile(shown, updated.text());
      List<Diagnostic> findings = GuideChecker.check(plan, merged);
      if (!findings.isEmpty()) {
        return new Refused(shown + ": the update would fail drill check, so nothing was written (a bug in drill:"
            + " please report it with the guide):", Optional.of(new Finding(findings.get(0), merged)));
      }
      boolean changed = !updated.text().equals(existing);
      if (changed) {
        GuideFiles.write(target, updated.text());
      }
      return new Updated(shown, changed, updated.notes());
    } catch (GuideException e) {
      return refused(shown + ": " + e.getMessage());
    } catch (CharacterCodingException e) {
      return refused(shown + " is not UTF-8 text; not touching it");
    } catch (IOException e) {
      return refused("cannot write " + shown + ": " + e.getMessage());
    }
  }

  private static Refused refused(String reason) {
    return new Refused(reason, Optional.empty());
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
  }
}
