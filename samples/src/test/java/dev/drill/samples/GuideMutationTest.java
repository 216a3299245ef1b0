package dev.drill.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.guide.GuideChecker;
import dev.drill.compiler.guide.GuideFiles;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample guide against mutations a real team would make: the ones that make the
 * guide wrong are each reported at the right place; prose edits never are. And the other
 * direction: a drill changed without regenerating its guide is reported.
 */
class GuideMutationTest {

  private static final Path DRILLS = Path.of("drills");
  private static final Pattern STEP_HEADING = Pattern.compile("(?m)^#{1,6} .*<!-- drill:step (\\S+) \\S+ -->$");

  record Sample(String name, Plan plan, String guide, String drillText) {}

  static List<Sample> samples() throws IOException {
    List<Sample> samples = new ArrayList<>();
    try (Stream<Path> files = Files.list(DRILLS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".drill")).sorted().collect(Collectors.toList())) {
        String text = Files.readString(file);
        Plan plan = compile(file, text).plan().orElseThrow();
        String guide = Files.readString(GuideFiles.pathFor(file, plan));
        samples.add(new Sample(file.getFileName().toString(), plan, guide, text));
      }
    }
    return samples;
  }

  /** The text as the file {@code file} of drills/, its imports (drills/lib/) resolved from there. */
  private static CompileResult compile(Path file, String text) {
    return DrillCompiler.compile(DRILLS.resolve(file.getFileName()).toString(), text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Diagnostic> check(Plan plan, String guide) {
    return GuideChecker.check(plan, new SourceFile("guide.md", guide));
  }

  private static String show(List<Diagnostic> diagnostics, String guide) {
    return diagnostics.stream()
        .map(d -> DiagnosticRenderer.render(d, Optional.of(new SourceFile("guide.md", guide))))
        .collect(Collectors.joining());
  }

  private static void assertReported(List<Diagnostic> found, String code, int line, String guide) {
    assertTrue(found.stream().anyMatch(d -> d.code().name().equals(code) && d.span().line() == line),
        "expected " + code + " at line " + line + ", got:\n" + show(found, guide));
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  @TestFactory
  Stream<DynamicTest> mutations() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Sample s : samples()) {
      tests.add(DynamicTest.dynamicTest(s.name() + ": the committed guide is current", () ->
          assertEquals("", show(check(s.plan(), s.guide()), s.guide()))));

      Matcher command = Pattern.compile("(?m)^```(sh|http)\\n(.+)$").matcher(s.guide());
      if (command.find()) {
        tests.add(DynamicTest.dynamicTest(s.name() + ": (a) a changed command", () -> {
          String mutated = s.guide().substring(0, command.end(2)) + " --force" + s.guide().substring(command.end(2));
          assertReported(check(s.plan(), mutated), "D607", lineOf(mutated, command.start()), mutated);
        }));
      }

      List<int[]> sections = stepSections(s.guide());
      if (sections.size() >= 2) {
        tests.add(DynamicTest.dynamicTest(s.name() + ": (b) two steps swapped", () -> {
          int[] first = sections.get(0);
          int[] second = sections.get(1);
          String g = s.guide();
          String mutated = g.substring(0, first[0]) + g.substring(second[0], second[1])
              + g.substring(first[0], first[1]) + g.substring(second[1]);
          int movedDown = first[0] + (second[1] - second[0]);
          assertReported(check(s.plan(), mutated), "D606", lineOf(mutated, movedDown), mutated);
        }));
      }
      if (!sections.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(s.name() + ": (c) a step section deleted", () -> {
          int[] last = sections.get(sections.size() - 1);
          String mutated = s.guide().substring(0, last[0]) + s.guide().substring(last[1]);
          int procedure = mutated.indexOf("<!-- drill:begin procedure -->");
          List<Diagnostic> found = check(s.plan(), mutated);
          assertReported(found, "D604", lineOf(mutated, procedure), mutated);
          assertTrue(found.stream().anyMatch(d -> d.related().isPresent()), "points at the drill's step too");
        }));
      }
      tests.add(DynamicTest.dynamicTest(s.name() + ": (d) a section for a step the drill lacks", () -> {
        int at = s.guide().indexOf("\n## ", s.guide().indexOf("<!-- drill:end procedure -->"));
        String ghost = "\n### 9. Restore from tape <!-- drill:step restore-from-tape 0badc0de -->\n\nAsk ops.\n";
        String mutated = s.guide().substring(0, at) + ghost + s.guide().substring(at);
        assertReported(check(s.plan(), mutated), "D605", lineOf(mutated, at + 2), mutated);
      }));
      Matcher signal = Pattern.compile("<!-- drill:signal \\S+ \\S+ -->: `([^`]+)`").matcher(s.guide());
      if (signal.find()) {
        tests.add(DynamicTest.dynamicTest(s.name() + ": (e) a changed signal", () -> {
          String mutated = s.guide().substring(0, signal.start(1)) + "manual \"Anything odd?\""
              + s.guide().substring(signal.end(1));
          assertReported(check(s.plan(), mutated), "D608", lineOf(mutated, signal.start(1)), mutated);
        }));
      }
      tests.add(DynamicTest.dynamicTest(s.name() + ": (f) prose edits are never reported", () -> {
        String mutated = proseEdits(s.guide());
        assertEquals("", show(check(s.plan(), mutated), mutated));
      }));

      // The other direction: the drill changes, the guide does not.
      Matcher run = Pattern.compile("(?m)^(\\s*run\\s+\")([^\"]+)\"").matcher(s.drillText());
      if (run.find()) {
        tests.add(DynamicTest.dynamicTest(s.name() + ": a drill command changed, the guide not regenerated", () -> {
          String drill = s.drillText().substring(0, run.end(2)) + " --dry-run" + s.drillText().substring(run.end(2));
          List<Diagnostic> found = check(compile(Path.of(s.name()), drill).plan().orElseThrow(), s.guide());
          assertTrue(found.stream().anyMatch(d -> d.code().name().equals("D603")), show(found, s.guide()));
        }));
      }
      Matcher budget = Pattern.compile("(?m)^(\\s*detect\\s+\\w*\\s*within\\s+)(\\d+)m").matcher(s.drillText());
      if (budget.find()) {
        tests.add(DynamicTest.dynamicTest(s.name() + ": a drill budget changed, the guide not regenerated", () -> {
          String drill = s.drillText().substring(0, budget.start(2)) + "4" + s.drillText().substring(budget.end(2));
          List<Diagnostic> found = check(compile(Path.of(s.name()), drill).plan().orElseThrow(), s.guide());
          assertEquals(List.of("D603"), found.stream().map(d -> d.code().name()).collect(Collectors.toList()),
              show(found, s.guide()));
        }));
      }
      int lastStep = s.drillText().lastIndexOf("    step ");
      if (lastStep > 0) {
        tests.add(DynamicTest.dynamicTest(s.name() + ": a drill step added, the guide not regenerated", () -> {
          String extra = "    step tell-the-board \"Tell the board\" { manual \"Send the summary\" }\n";
          String drill = s.drillText().substring(0, lastStep) + extra + s.drillText().substring(lastStep);
          CompileResult changed = compile(Path.of(s.name()), drill);
          assertEquals(List.of(), changed.diagnostics().stream().map(Diagnostic::message).collect(Collectors.toList()));
          List<String> codes = check(changed.plan().orElseThrow(), s.guide()).stream()
              .map(d -> d.code().name()).collect(Collectors.toList());
          assertTrue(codes.contains("D603") && codes.contains("D604"), codes.toString());
        }));
      }
    }
    assertTrue(tests.size() >= 6 * 8, "every sample is mutated: " + tests.size() + " tests");
    return tests.stream();
  }

  /** Step sections as [start, end) offsets: from the heading to the next heading of any step or section. */
  private static List<int[]> stepSections(String guide) {
    List<int[]> sections = new ArrayList<>();
    Matcher m = STEP_HEADING.matcher(guide);
    while (m.find()) {
      int end = guide.indexOf("\n#", m.end());
      sections.add(new int[] {m.start(), end < 0 ? guide.length() : end + 1});
    }
    return sections;
  }

  /** Reworded headings, added paragraphs, lists, images and links: what teams do to a guide. */
  static String proseEdits(String guide) {
    String edited = guide
        .replaceAll("(?m)^(### \\d+\\. )([^<]*)(<!--)", "$1Now: $2$3")
        .replace("## How the failure shows itself", "## Symptoms (what on-call sees)")
        .replace("## Rollback", "## Rollback\n\nIf in doubt, ask #ops. See [the runbook index](https://wiki.example/runbooks).")
        .replace("<!-- drill:end procedure -->", "<!-- drill:end procedure -->\n\n![Dashboard](img/dash.png)\n\n- check the dashboard\n- then the logs");
    int step = edited.indexOf("<!-- drill:end step ");
    if (step > 0) {
      int lineEnd = edited.indexOf('\n', step);
      edited = edited.substring(0, lineEnd + 1) + "\n> **Tip:** the restart takes about 40 seconds; do not retry before.\n"
          + edited.substring(lineEnd + 1);
    }
    return edited + "\n## Notes from the last run\n\nThe replay took 12 minutes on 2026-10-02.\n";
  }
}
