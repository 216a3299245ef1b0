package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The parse tree never leaves the syntax package: no other package sees ANTLR or the generated parser. */
class ArchitectureTest {

  @Test
  void onlyTheSyntaxPackageImportsAntlr() throws IOException {
    Path main = Path.of("src/main/java/dev/drill/compiler");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(main)) {
      offenders = files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !main.relativize(f).startsWith("syntax"))
          .filter(f -> {
            try {
              String source = Files.readString(f);
              return source.contains("import org.antlr") || source.contains("import dev.drill.grammar");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(Path::toString)
          .collect(Collectors.toList());
    }
    assertEquals(List.of(), offenders);
  }
}
