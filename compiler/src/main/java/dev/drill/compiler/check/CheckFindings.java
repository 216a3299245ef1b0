package dev.drill.compiler.check;

import dev.drill.compiler.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * What {@code drill check} found, drill by drill, in the order the drills were checked.
 * {@code check.output.OutputFormat} turns it into text for people or into a format a CI server reads.
 */
public record CheckFindings(List<Entry> entries) {

  public CheckFindings {
    entries = List.copyOf(entries);
  }

  /**
   * One checked drill. {@code name} is the drill's id, or its file name when it did not
   * compile; {@code file} is the drill's path. Its diagnostics may point into other files
   * (its guide, a run result, a template it is built from), each through its own span. Some
   * entries are not drills: a file of templates ({@link Kind#TEMPLATES}), and the results
   * directory's unreadable files ({@link #runResults}).
   */
  public record Entry(String name, String file, List<Diagnostic> diagnostics, Kind kind) {

    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(file, "file");
      diagnostics = List.copyOf(diagnostics);
    }

    /** A checked drill. */
    public Entry(String name, String file, List<Diagnostic> diagnostics) {
      this(name, file, diagnostics, Kind.DRILL);
    }

    /** The files of the results directory that are not readable run results: not a drill. */
    public static Entry runResults(String directory, List<Diagnostic> unreadable) {
      return new Entry("run results", directory, unreadable, Kind.RUN_RESULTS);
    }

    /** A file of templates (and imports), checked for what can be checked without a drill. */
    public static Entry templates(String name, String file, List<Diagnostic> diagnostics) {
      return new Entry(name, file, diagnostics, Kind.TEMPLATES);
    }

    public boolean drill() {
      return kind == Kind.DRILL;
    }

    public int errors() {
      return (int) diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public int warnings() {
      return diagnostics.size() - errors();
    }

    /** Whether this drill fails the check: an error, or with {@code strict} a warning too. */
    public boolean failed(boolean strict) {
      return errors() > 0 || (strict && warnings() > 0);
    }

    /** The diagnostics that make this drill fail, in order. */
    public List<Diagnostic> failures(boolean strict) {
      return diagnostics.stream().filter(d -> strict || d.isError()).toList();
    }
  }

  public int errors() {
    return entries.stream().mapToInt(Entry::errors).sum();
  }

  public int warnings() {
    return entries.stream().mapToInt(Entry::warnings).sum();
  }

  /** What an entry is. */
  public enum Kind { DRILL, TEMPLATES, RUN_RESULTS }

  /** The drills checked (not the run results' entry). */
  public List<Entry> drills() {
    return entries.stream().filter(Entry::drill).toList();
  }

  /** The files of templates checked. */
  public List<Entry> templateFiles() {
    return entries.stream().filter(e -> e.kind() == Kind.TEMPLATES).toList();
  }

  /** The run results' entry, when the results directory held files that are not readable results. */
  public java.util.Optional<Entry> runResults() {
    return entries.stream().filter(e -> e.kind() == Kind.RUN_RESULTS).findFirst();
  }

  /** How many drills fail the check. */
  public int failedDrills(boolean strict) {
    return (int) drills().stream().filter(e -> e.failed(strict)).count();
  }

  /** How many files of templates fail the check. */
  public int failedTemplateFiles(boolean strict) {
    return (int) templateFiles().stream().filter(e -> e.failed(strict)).count();
  }

  /** Whether the check fails as a whole: any error, or with {@code strict} any warning. */
  public boolean failed(boolean strict) {
    return errors() > 0 || (strict && warnings() > 0);
  }
}
