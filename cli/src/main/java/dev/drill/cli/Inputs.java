package dev.drill.cli;

import dev.drill.compiler.source.DrillFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What several commands take from the command line, with one wording for every usage error. */
final class Inputs {

  private Inputs() {}

  /** The PATH arguments of a command that reads a library, or the current directory when none is given. */
  static List<Path> libraryPaths(dev.drill.cli.args.Values args) {
    List<Path> given = args.paths("PATH");
    return given.isEmpty() ? List.of(Path.of(".")) : given;
  }

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

  /**
   * The results directory to read: {@code --results} as given, which must be an existing
   * directory (a typo must not make every drill "never practiced"); else {@code default}.
   */
  static Optional<Path> resultsToRead(String command, Path given, Path byDefault, PrintWriter err) {
    return directoryToRead(command, "--results", "drill-results", given, byDefault, err);
  }

  /**
   * The runs directory to read reports from: {@code --runs} as given, which must be an
   * existing directory; else {@code default}, which need not exist.
   */
  static Optional<Path> runsToRead(String command, Path given, Path byDefault, PrintWriter err) {
    return directoryToRead(command, "--runs", "drill-runs", given, byDefault, err);
  }

  private static Optional<Path> directoryToRead(
      String command, String option, String defaultName, Path given, Path byDefault, PrintWriter err) {
    if (given == null) {
      return Optional.of(byDefault);
    }
    if (!Files.isDirectory(given)) {
      err.println("drill " + command + ": " + option + " " + given + ": " + (Files.exists(given) ? "not a directory"
          : "no such directory") + " (without " + option + ", " + defaultName + "/ at the project root is read)");
      return Optional.empty();
    }
    return Optional.of(given);
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

  /** {@code --set} values by name, and whether one of them was not {@code NAME=VALUE}. */
  record Values(Map<String, String> byName, boolean malformed) {}

  /**
   * {@code --set NAME=VALUE} values, each taken verbatim: everything after the first '=' is
   * the value, quotes and all (the shell has removed the quotes meant for it). One without a
   * name and an '=' is reported; the others are kept, so every other problem is still found.
   */
  static Values values(String command, List<String> given, PrintWriter err) {
    Map<String, String> values = new LinkedHashMap<>();
    boolean malformed = false;
    for (String text : given) {
      int equals = text.indexOf('=');
      if (equals <= 0) {
        err.println("drill " + command + ": --set wants NAME=VALUE, not '" + text + "'");
        malformed = true;
      } else {
        values.put(text.substring(0, equals), text.substring(equals + 1));
      }
    }
    return new Values(values, malformed);
  }
}
