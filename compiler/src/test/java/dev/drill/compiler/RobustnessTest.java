package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceReader;
import dev.drill.compiler.syntax.SyntaxAnalyzer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and extreme input gives diagnostics or a plan, never an exception. */
class RobustnessTest {

  private static CompileResult compile(String text) {
    return DrillCompiler.compile("t.drill", text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Code> codes(CompileResult result) {
    return result.diagnostics().stream().map(Diagnostic::code).distinct().collect(Collectors.toList());
  }

  @Test
  void emptyAndBlankFilesHaveNoDrill() {
    for (String text : List.of("", "   \n\n\t", "# a comment\n// another\n", "\uFEFF")) {
      assertEquals(List.of(Code.D009), codes(compile(text)), "for " + text.length() + " chars");
    }
  }

  @Test
  void binaryGarbageIsNotUtf8() {
    byte[] bytes = new byte[100_000];
    new Random(7).nextBytes(bytes);
    CompileResult result = DrillCompiler.compile("g.drill", bytes);
    assertEquals(List.of(Code.D008), codes(result));
    assertTrue(result.diagnostics().get(0).message().startsWith("file is not UTF-8 text: byte 0x"));
  }

  @Test
  void printableGarbageGivesCappedDiagnostics() {
    Random random = new Random(11);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      text.append((char) (32 + random.nextInt(95)));
      if (random.nextInt(60) == 0) text.append('\n');
    }
    CompileResult result = compile(text.toString());
    assertTrue(result.hasErrors());
    assertTrue(result.diagnostics().size() <= SyntaxAnalyzer.MAX_ERRORS + 1, "capped");
    assertEquals(Code.D012, result.diagnostics().get(result.diagnostics().size() - 1).code());
  }

  @Test
  void unterminatedStringsAreReported() {
    assertEquals(List.of(Code.D002), codes(compile("drill x {\n  title \"never closed\n  owner \"a\"\n}\n")));
    List<Code> block = codes(compile("drill x {\n  summary \"\"\"\n    never closed\n"));
    assertTrue(block.contains(Code.D003), block.toString());
  }

  @Test
  void tenThousandLevelsOfNestingAreSyntaxErrorsNotAStackOverflow() {
    String text = "drill x {\n" + "{".repeat(10_000) + "}".repeat(10_000) + "\n}\n";
    CompileResult result = compile(text);
    assertTrue(result.hasErrors());
    assertEquals(Code.D006, result.diagnostics().get(0).code());
  }

  /** The largest durations a Duration holds: each one reported as too long, no sum or fifth of them overflows. */
  @Test
  void theLargestDurationsAreReportedNotOverflowed() {
    String huge = "15250284452471w";
    CompileResult result = compile("drill x {\n  title \"t\"\n  owner \"o\"\n  timebox " + huge + "\n"
        + "  inject i { run \"x\" }\n  detect any within " + huge + " {\n    signal s { manual \"s?\" every " + huge + " }\n  }\n"
        + "  recover within " + huge + " {\n    step a { manual \"a\" }\n  }\n}\n");
    assertEquals(List.of(Code.D307, Code.D305), codes(result));
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedUnread() {
    byte[] bytes = new byte[SourceReader.MAX_BYTES + 1];
    java.util.Arrays.fill(bytes, (byte) ' ');
    CompileResult result = DrillCompiler.compile("huge.drill", bytes);
    assertEquals(List.of(Code.D011), codes(result));
    assertEquals("file is 33,554,433 bytes; a drill file may be at most 33,554,432 bytes (32 MiB)",
        result.diagnostics().get(0).message());
    assertEquals("huge.drill:1:1", result.diagnostics().get(0).span().file() + ":"
        + result.diagnostics().get(0).span().line() + ":" + result.diagnostics().get(0).span().column());
  }

  /** A sparse file reads as 3 GB of zeros: the size is told from the file, and no more than the limit is read. */
  @Test
  void aThreeGigabyteFileIsRefusedWithoutReadingItWhole(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.drill");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(3L * 1024 * 1024 * 1024);
    }
    CompileResult result = DrillCompiler.compile(big, "big.drill");
    assertEquals(List.of(Code.D011), codes(result));
    assertEquals("file is 3,221,225,472 bytes; a drill file may be at most 33,554,432 bytes (32 MiB)",
        result.diagnostics().get(0).message());
    assertEquals("big.drill:1:1", result.diagnostics().get(0).span().file() + ":"
        + result.diagnostics().get(0).span().line() + ":" + result.diagnostics().get(0).span().column());
  }

  /** A device that never ends has no size to ask: no more than the limit and one byte is read. */
  @Test
  void aDeviceThatNeverEndsIsRefusedAfterTheLimit() throws IOException {
    CompileResult result = DrillCompiler.compile(Path.of("/dev/zero"), "zero.drill");
    assertEquals(List.of(Code.D011), codes(result));
    assertEquals("file is 33,554,433 bytes; a drill file may be at most 33,554,432 bytes (32 MiB)",
        result.diagnostics().get(0).message());
  }

  /** A named pipe has no size either: what its writer wrote is read to the end and compiled. */
  @Test
  void aDrillReadFromANamedPipeCompiles(@TempDir Path dir) throws Exception {
    Path pipe = dir.resolve("piped.drill");
    assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor());
    String text = LargeDrill.of(200_000);
    Thread writer = new Thread(() -> {
      try {
        Files.writeString(pipe, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    CompileResult result = DrillCompiler.compile(pipe, "piped.drill");
    writer.join();
    assertEquals(List.of(), result.diagnostics());
    assertEquals(text, result.source().orElseThrow().text());
  }

  @Test
  void aValidTenMegabyteDrillCompiles() {
    String text = LargeDrill.of(10 * 1024 * 1024);
    assertTrue(text.length() >= 10 * 1024 * 1024);
    CompileResult result = compile(text);
    assertEquals(List.of(), result.diagnostics());
    assertTrue(result.plan().isPresent());
  }

  @Test
  void aTenThousandCharacterLineIsShownAroundTheCaret() {
    String text = "drill x { title \"" + "a".repeat(10_000) + "\" @ }";
    CompileResult result = compile(text);
    assertEquals(List.of(Code.D001), codes(result));
    String rendered = dev.drill.compiler.diagnostic.DiagnosticRenderer.render(
        result.diagnostics().get(0), result.source());
    assertFalse(rendered.lines().anyMatch(l -> l.length() > 400), "the excerpt is a window, not the whole line");
    assertTrue(rendered.contains("^"));
  }

  @Test
  void aHundredThousandStepsCompileRenderAndCheck() throws Exception {
    StringBuilder text = new StringBuilder("drill big {\n  title \"t\"\n  owner \"o\"\n  param host = \"h\"\n"
        + "  roles { operator \"x\" }\n  inject i { run \"x ${host}\" }\n"
        + "  detect any within 5m { signal s { http GET \"http://${host}/\" expect status != 200 } }\n  recover {\n");
    for (int i = 0; i < 100_000; i++) {
      text.append("    step s-").append(i).append(" by operator").append(i > 0 ? " after s-" + (i - 1) : "")
          .append(" { run \"restart ").append(i).append("\" }\n");
    }
    text.append("  }\n}\n");
    CompileResult result = compile(text.toString());
    assertEquals(List.of(), result.diagnostics());
    dev.drill.plan.Plan plan = result.plan().orElseThrow();
    String guide = dev.drill.compiler.guide.GuideRenderer.builtIn().render(plan);
    assertEquals(List.of(), dev.drill.compiler.guide.GuideChecker.check(plan,
        new dev.drill.compiler.source.SourceFile("g.md", guide)));
  }
}
