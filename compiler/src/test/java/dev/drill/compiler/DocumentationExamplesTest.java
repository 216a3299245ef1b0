package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.library.Library;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/diagnostics.md does not lie: every example drill there, compiled, prints exactly
 * the output shown under it. (Examples that need a file no page can hold, such as one
 * that is not UTF-8 or is 32 MiB large, show output only and are covered by other tests.)
 *
 * <p>An example of several files shows each in a block of its own whose first line is
 * {@code # file: PATH}: the blocks just before the output, the last of them the file compiled
 * (named by its own {@code # file:} line, else by the output). They are written to a
 * project of their own, so that imports resolve as they would in a repository.
 */
class DocumentationExamplesTest {

  /** A fenced block; one fenced with ~~~ may hold ``` (a guide's command, in D607). */
  private static final Pattern BLOCK = Pattern.compile("(?ms)^(```|~~~)[a-z]*\\n(.*?)^\\1");
  private static final Pattern FILE = Pattern.compile("^([\\w./-]+\\.drill):\\d+:\\d+: ");
  private static final Pattern FILE_LINE = Pattern.compile("^# file: (\\S+)\\n");

  @TestFactory
  Stream<DynamicTest> everyExampleShowsTheRealOutput() throws IOException {
    List<String> blocks = blocks(Path.of("../docs/diagnostics.md"));
    List<DynamicTest> tests = new ArrayList<>();
    int inAProject = 0;
    for (int i = 1; i < blocks.size(); i++) {
      Matcher file = FILE.matcher(blocks.get(i));
      String source = blocks.get(i - 1);
      if (!file.find() || FILE.matcher(source).find()) {
        continue;
      }
      String expected = blocks.get(i);
      Map<String, String> files = filesBefore(blocks, i);
      String name = pathOf(source).orElse(file.group(1));
      if (!files.isEmpty() || pathOf(source).isPresent()) {
        files.put(name, source);
        inAProject++;
        tests.add(DynamicTest.dynamicTest(expected.lines().findFirst().orElse(name),
            () -> assertEquals(expected, compiledInAProject(files, name))));
      } else if (!name.contains("/")) {
        tests.add(DynamicTest.dynamicTest(expected.lines().findFirst().orElse(name), () -> {
          CompileResult result = DrillCompiler.compile(name, source.getBytes(StandardCharsets.UTF_8));
          assertEquals(expected, String.join("", CorpusTest.render(result)));
        }));
      }
      // A path with a folder but no files to put there (D207, which drill check finds) shows output only.
    }
    assertTrue(tests.size() >= 40, "found only " + tests.size() + " examples");
    assertTrue(inAProject >= 13, "found only " + inAProject + " examples of several files (imports and templates)");
    return tests.stream();
  }

  /**
   * The language reference's library: each file shown that holds a drill compiles, with the
   * files shown before it, to exactly the output shown after it, if any, else cleanly.
   */
  @TestFactory
  Stream<DynamicTest> everyDrillOfTheLanguageReferencesLibraryCompiles() throws IOException {
    List<String> blocks = blocks(Path.of("../docs/language.md"));
    Map<String, String> shown = new LinkedHashMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Optional<String> path = pathOf(blocks.get(i));
      if (path.isEmpty()) {
        continue;
      }
      shown.put(path.get(), blocks.get(i));
      if (blocks.get(i).lines().anyMatch(line -> line.startsWith("drill "))) {
        Map<String, String> files = new LinkedHashMap<>(shown);
        String expected = i + 1 < blocks.size() && FILE.matcher(blocks.get(i + 1)).find() ? blocks.get(i + 1) : "";
        tests.add(DynamicTest.dynamicTest(path.get(), () -> assertEquals(expected, compiledInAProject(files, path.get()))));
      }
    }
    assertTrue(tests.size() >= 3, "found only " + tests.size() + " drills built from templates");
    return tests.stream();
  }

  private static List<String> blocks(Path doc) throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
    while (m.find()) {
      blocks.add(m.group(2));
    }
    return blocks;
  }

  /** The {@code # file:} blocks just before the compiled one, by path, in the order shown. */
  private static Map<String, String> filesBefore(List<String> blocks, int output) {
    List<String> found = new ArrayList<>();
    for (int j = output - 2; j >= 0 && pathOf(blocks.get(j)).isPresent(); j--) {
      found.add(0, blocks.get(j));
    }
    Map<String, String> files = new LinkedHashMap<>();
    found.forEach(block -> files.put(pathOf(block).orElseThrow(), block));
    return files;
  }

  private static Optional<String> pathOf(String block) {
    Matcher m = FILE_LINE.matcher(block);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The files written to a fresh project (a .git at its root), {@code main} compiled, its findings rendered. */
  private static String compiledInAProject(Map<String, String> files, String main) throws IOException {
    Path project = Files.createTempDirectory("drill-doc-example");
    try {
      Files.createDirectory(project.resolve(".git"));
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = project.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      }
      CompileResult result = DrillCompiler.compile(project.resolve(main), main, Library.session());
      return result.diagnostics().stream()
          .map(d -> DiagnosticRenderer.render(d, result.sourceOf(d.span().file())))
          .collect(Collectors.joining());
    } finally {
      try (Stream<Path> all = Files.walk(project)) {
        for (Path path : all.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.delete(path);
        }
      }
    }
  }

  /** Some whole drills there show one part (the metadata) and leave the rest out: they must parse. */
  @TestFactory
  Stream<DynamicTest> everyWholeDrillInTheLanguageReferenceParses() throws IOException {
    String doc = Files.readString(Path.of("../docs/language.md"), StandardCharsets.UTF_8);
    List<DynamicTest> tests = new ArrayList<>();
    Matcher m = Pattern.compile("```drill\\n(drill .*?)```", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      String source = m.group(1);
      tests.add(DynamicTest.dynamicTest(source.lines().findFirst().orElseThrow(), () -> {
        CompileResult result = DrillCompiler.compile("example.drill", source.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), result.diagnostics().stream()
            .filter(d -> d.code().name().startsWith("D0"))
            .map(d -> DiagnosticRenderer.render(d, result.source()))
            .collect(Collectors.toList()));
      }));
    }
    assertTrue(tests.size() >= 2, "found only " + tests.size() + " whole drills");
    return tests.stream();
  }
}
