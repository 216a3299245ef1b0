package dev.drill.compiler.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The starting files of one kind, from the resource texts beside this class. A text names the
 * drill by {@code {{name}}} and its title by {@code {{title}}}; nothing else is replaced, and
 * the name is a valid drill id before it gets here, so it cannot break out of a string.
 */
enum Starter {
  TECHNICAL("technical"),
  SECURITY("security"),
  ICS("ics"),
  LIBRARY("library");

  /** A drill file to write, relative to the directory, and where its guide goes when it has one. */
  record StarterFile(Path drill, String text, Optional<Path> guide) {}

  private final String kind;

  Starter(String kind) {
    this.kind = kind;
  }

  String kind() {
    return kind;
  }

  static Optional<Starter> of(String kind) {
    return Arrays.stream(values()).filter(s -> s.kind.equals(kind)).findFirst();
  }

  /** The files, in the order they are written: an imported library before the drill importing it. */
  List<StarterFile> files(String name) {
    if (this == LIBRARY) {
      return List.of(
          new StarterFile(Path.of("lib", name + ".drill"), text("library", name), Optional.empty()),
          new StarterFile(Path.of(name + "-example.drill"), text("library-example", name),
              Optional.of(Path.of("guides", name + "-example.md"))));
    }
    return List.of(new StarterFile(Path.of(name + ".drill"), text(kind, name),
        Optional.of(Path.of("guides", name + ".md"))));
  }

  /** {@code payment-outage} gives {@code Payment outage}. */
  static String title(String name) {
    String words = name.replace('-', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private static String text(String resource, String name) {
    return read(resource + ".drill.txt").replace("{{name}}", name).replace("{{title}}", title(name));
  }

  private static String read(String resource) {
    try (InputStream in = Starter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the starting text " + resource + " is missing from drill's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kinds, in the order help lists them. */
  static List<String> kinds() {
    return Arrays.stream(values()).map(Starter::kind).toList();
  }
}
