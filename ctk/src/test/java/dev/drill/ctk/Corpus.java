package dev.drill.ctk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The real Chaos Toolkit experiments of ../shared/corpus/ctk/, read where they are. */
final class Corpus {

  static final Path DIRECTORY = Path.of("../../shared/corpus/ctk");

  private Corpus() {}

  /** Every experiment file, by name; fails loudly when the corpus is not beside the project. */
  static List<Path> experiments() {
    assertTrue(Files.isDirectory(DIRECTORY), "the corpus of real experiments is missing: " + DIRECTORY.toAbsolutePath()
        + " (../shared beside the project)");
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml"))
          .sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether every provider of the experiment is http or process, and no control applies: drill runs all of it. */
  static boolean httpAndProcessOnly(Path experiment) {
    try {
      String text = Files.readString(experiment);
      return !text.matches("(?s).*\"type\"\\s*:\\s*\"python\".*") && !text.contains("\"controls\"")
          && !text.matches("(?s).*type:\\s*python.*");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path named(String prefix) {
    return experiments().stream().filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no corpus file starts with " + prefix));
  }
}
