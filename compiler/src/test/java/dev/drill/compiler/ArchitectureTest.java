package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How the compiler's code is laid out, held by tests rather than by goodwill. */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/dev/drill/compiler");

  /** The main classes whose text matches, as paths under the compiler's package. */
  private static List<String> sourcesWhere(Predicate<Path> file, Predicate<String> text) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(file)
          .filter(f -> {
            try {
              return text.test(Files.readString(f));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .map(f -> MAIN.relativize(f).toString())
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** The parse tree never leaves the syntax package: no other package sees ANTLR or the generated parser. */
  @Test
  void onlyTheSyntaxPackageImportsAntlr() throws IOException {
    assertEquals(List.of(), sourcesWhere(f -> !MAIN.relativize(f).startsWith("syntax"),
        source -> source.contains("import org.antlr") || source.contains("import dev.drill.grammar")));
  }

  /** A library's internals change without notice in any release: only its public API is used. */
  @Test
  void noInternalPackageOfALibraryIsUsed() throws IOException {
    assertEquals(List.of(), sourcesWhere(f -> true, source -> source.contains("org.commonmark.internal")
        || source.contains("freemarker.core._") || source.contains("com.fasterxml.jackson.databind.util.internal")));
  }

  /** A class a newcomer can read in one sitting: a longer one is two concepts that want a name each. */
  @Test
  void noMainClassIsLongerThan450Lines() throws IOException {
    assertEquals(List.of(), sourcesWhere(f -> true, source -> source.lines().count() > 450));
  }
}
