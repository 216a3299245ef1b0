package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands reach the runtime only through its facades and their result types (STYLE.md
 * 11, 15): what must always happen around a run, a rollback, a report or a note is the
 * runtime's to guarantee, not the command's.
 */
class RuntimeFacadesTest {

  private static final Set<String> FACADES = Set.of(
      "dev.drill.runtime.DrillRunner",
      "dev.drill.runtime.ArmingRequest",
      "dev.drill.runtime.PlanLoader",
      "dev.drill.runtime.RunInputs",
      "dev.drill.runtime.RunPlaces",
      "dev.drill.runtime.DryRun",
      "dev.drill.runtime.Preflight",
      "dev.drill.runtime.Bindings",
      // Who holds which role: part of a run's request, as its Bindings are.
      "dev.drill.runtime.Roster",
      "dev.drill.runtime.engine.RunOutcome",
      "dev.drill.runtime.report.RunReports",
      "dev.drill.runtime.journal.JournalNotes",
      "dev.drill.runtime.journal.JournalFormatException");

  @Test
  void commandsImportOnlyTheRuntimesFacades() throws IOException {
    Pattern runtimeImport = Pattern.compile("(?m)^import (dev\\.drill\\.runtime\\.[\\w.]+);");
    Set<String> imported = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
        Matcher m = runtimeImport.matcher(read(f));
        while (m.find()) {
          imported.add(m.group(1));
        }
      });
    }
    Set<String> others = new TreeSet<>(imported);
    others.removeAll(FACADES);
    assertEquals(Set.of(), others, "runtime types the commands use that are not a facade or one of their results");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
