package dev.drill.ctk;

import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.source.SourceReader;
import dev.drill.compiler.syntax.Formatter;
import dev.drill.ctk.document.DocumentReader;
import dev.drill.ctk.document.Node;
import dev.drill.ctk.exporting.ExperimentExport;
import dev.drill.ctk.importing.ExperimentImport;
import dev.drill.ctk.importing.Fallbacks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.plan.Plan;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Chaos Toolkit interop, DESIGN.md §9: an experiment (JSON or YAML) in, a formatted drill
 * that compiles out, with a warning for everything approximated and a manual step for
 * everything drill cannot execute; and a drill's plan out as an experiment.
 */
public final class ChaosToolkit {

  private ChaosToolkit() {}

  /** What importing one experiment gave. */
  public sealed interface Imported {}

  /**
   * A drill: its id, its formatted text, and the warnings about the experiment.
   *
   * @param experiment the experiment's text, for showing the warnings
   */
  public record Written(String id, String text, List<Diagnostic> warnings, SourceFile experiment)
      implements Imported {
    public Written {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * An experiment drill does not import: what is wrong with it, each at its place.
   *
   * @param source the text the findings point into, when there is one
   */
  public record Refused(List<Diagnostic> errors, Optional<SourceFile> source) implements Imported {
    public Refused {
      errors = List.copyOf(errors);
    }
  }

  /** A drill's plan as an experiment: its JSON text, and what Chaos Toolkit cannot express. */
  public record Exported(String json, List<Diagnostic> warnings) {
    public Exported {
      warnings = List.copyOf(warnings);
    }
  }

  /** The plan as a Chaos Toolkit 1.0 experiment, indented JSON ending with a newline. */
  public static Exported exportPlan(Plan plan) {
    ExperimentExport.Result result = ExperimentExport.of(plan);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("").withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      String json = new ObjectMapper().writer(printer).writeValueAsString(result.experiment());
      return new Exported(json + "\n", result.warnings());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of JSON nodes always writes", e);
    }
  }

  /**
   * Imports the experiment in {@code file} (YAML when it is named {@code .yaml} or {@code
   * .yml}, JSON otherwise), reported under {@code shown}.
   *
   * @param environment the environment the drill runs in
   */
  public static Imported importExperiment(Path file, String shown, String environment) throws IOException {
    SourceReader.Result read = SourceReader.read(file, shown);
    if (read instanceof SourceReader.Refused refused) {
      return new Refused(List.of(refused.diagnostic()), Optional.empty());
    }
    SourceFile source = SourceReader.file(read).orElseThrow();
    Node root;
    try {
      root = DocumentReader.read(source.text(), DocumentReader.isYaml(file.getFileName().toString()));
    } catch (DocumentReader.Malformed e) {
      String format = DocumentReader.isYaml(file.getFileName().toString()) ? "YAML" : "JSON";
      return new Refused(List.of(Diagnostic.of(Code.D901, SourceSpan.at(shown, e.at().line(), e.at().column()),
          "not valid " + format + ": " + e.getMessage(),
          "a Chaos Toolkit experiment is a JSON file, or YAML when its name ends in .yaml or .yml")),
          Optional.of(source));
    }
    // Items the compiler refuses as first written are written another way, one more each round.
    Fallbacks fallbacks = new Fallbacks();
    while (true) {
      ExperimentImport.Result converted = ExperimentImport.convert(root, shown, file.getFileName().toString(),
          environment, fallbacks);
      if (converted.drill().isEmpty()) {
        return new Refused(converted.findings(), Optional.of(source));
      }
      ExperimentImport.Drill drill = converted.drill().get();
      SourceFile marked = new SourceFile(drill.id() + ".drill", drill.text());
      List<Diagnostic> errors = DrillCompiler.compile(marked).diagnostics().stream().filter(Diagnostic::isError).toList();
      if (!errors.isEmpty()) {
        boolean retry = false;
        for (Diagnostic error : errors) {
          retry |= fallbacks.charge(drill.text(), error);
        }
        if (retry) {
          continue;
        }
        // A bug of the importer, never of the experiment: show the drill it wrote and why it does not compile.
        return new Refused(errors, Optional.of(marked));
      }
      String text = Fallbacks.withoutMarkers(drill.text());
      Optional<String> formatted = Formatter.format(new SourceFile(drill.id() + ".drill", text));
      if (formatted.isEmpty()) {
        return new Refused(DrillCompiler.compile(new SourceFile(drill.id() + ".drill", text)).diagnostics(),
            Optional.of(new SourceFile(drill.id() + ".drill", text)));
      }
      return new Written(drill.id(), formatted.get(), converted.findings(), source);
    }
  }
}
