package dev.drill.cli;

import dev.drill.compiler.source.DrillFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** What several commands take from the command line, with one wording for every usage error. */
final class Inputs {

  private Inputs() {}

  /** The .drill files under the paths; empty (after saying why) when there are none or a path is missing. */
  static Optional<List<DrillFiles.Found>> drills(String command, List<Path> paths, PrintWriter err) {
    try {
      List<DrillFiles.Found> found = DrillFiles.find(paths);
      if (found.isEmpty()) {
        err.println("drill " + command + ": no .drill files under " + paths.get(0));
        return Optional.empty();
      }
      return Optional.of(found);
    } catch (NoSuchFileException e) {
      err.println("drill " + command + ": no such file or directory: " + e.getFile());
    } catch (IOException e) {
      err.println("drill " + command + ": cannot read " + e.getMessage());
    }
    return Optional.empty();
  }

  /** {@code --today DATE}, or today in UTC. */
  static Optional<LocalDate> today(String command, String value, PrintWriter err) {
    if (value == null) {
      return Optional.of(LocalDate.now(ZoneOffset.UTC));
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      err.println("drill " + command + ": --today wants a date such as 2026-11-24, not '" + value + "'");
      return Optional.empty();
    }
  }
}
