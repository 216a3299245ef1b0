package dev.drill.compiler.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.check.LibraryCheck;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.guide.GuideException;
import dev.drill.compiler.guide.GuideFiles;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drill's guide path cannot leave its project root: not by {@code ..}, not through a symlink. */
class GuidePathConfinementTest {

  @TempDir Path tmp;
  Path project;
  Path outside;

  @BeforeEach
  void layout() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
    Files.createDirectories(project.resolve(".git"));
    outside = Files.createDirectories(tmp.resolve("outside"));
  }

  private static String drill(String guide) {
    return "drill cache-node-loss {\n  title \"Cache lost\"\n  owner \"platform\"\n  kind ics\n"
        + (guide == null ? "" : "  guide \"" + guide + "\"\n") + "}\n";
  }

  private Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static Plan plan(Path file) throws IOException {
    CompileResult result = DrillCompiler.compile(file.toString(), Files.readAllBytes(file));
    return result.plan().orElseThrow(() -> new AssertionError(result.diagnostics()));
  }

  private static List<Diagnostic> check(Path file) throws IOException {
    LibraryCheck.Outcome outcome = LibraryCheck.run(DrillFiles.find(List.of(file)),
        new LibraryCheck.Options(file.getParent().resolve("drill-results"), file.getParent().resolve("drill-runs"), LocalDate.parse("2026-11-24")));
    // practice findings (D7xx: never run) are not what these tests are about
    return outcome.findings().entries().get(0).diagnostics().stream()
        .filter(d -> !d.code().name().startsWith("D7")).collect(Collectors.toList());
  }

  private static List<String> codes(List<Diagnostic> found) {
    return found.stream().map(d -> d.code() + " " + d.span().line() + ":" + d.span().column())
        .collect(Collectors.toList());
  }

  @Test
  void theProjectRootIsTheNearestDirectoryWithGitElseTheDrillsOwn() throws IOException {
    Path nested = write(project.resolve("ops/drills/x.drill"), drill(null));
    assertEquals(project, GuideFiles.projectRoot(nested));
    Path worktree = Files.createDirectories(tmp.resolve("worktree/drills"));
    write(tmp.resolve("worktree/.git"), "gitdir: /somewhere/else\n");
    assertEquals(tmp.resolve("worktree"), GuideFiles.projectRoot(worktree.resolve("x.drill")));
    Path loose = Files.createDirectories(tmp.resolve("loose"));
    assertEquals(loose, GuideFiles.projectRoot(loose.resolve("x.drill")));
  }

  @Test
  void pathsInsideTheProjectAreFineUpTheTreeToo() throws Exception {
    Path file = write(project.resolve("drills/x.drill"), drill("../guides/x.md"));
    assertEquals(project.resolve("guides/x.md"), GuideFiles.confined(file, plan(file)));
    Path beside = write(project.resolve("drills/y.drill"), drill(null));
    assertEquals(project.resolve("drills/y.md"), GuideFiles.confined(beside, plan(beside)));
  }

  @Test
  void dotDotOutOfTheProjectIsRefusedNamingTheResolvedPath() throws IOException {
    Path file = write(project.resolve("drills/x.drill"), drill("../../outside/x.md"));
    GuideException e = assertThrows(GuideException.class, () -> GuideFiles.confined(file, plan(file)));
    assertTrue(e.getMessage().contains(outside.toRealPath().resolve("x.md").toString()), e.getMessage());
    List<Diagnostic> found = check(file);
    assertEquals(List.of("D506 1:1"), codes(found));
    assertTrue(found.get(0).message().contains(outside.toRealPath().resolve("x.md").toString()),
        found.get(0).message());
  }

  @Test
  void withoutGitTheDrillsDirectoryIsTheRoot() throws IOException {
    Path loose = Files.createDirectories(tmp.resolve("loose/drills"));
    Path file = write(loose.resolve("x.drill"), drill("../x.md"));
    assertThrows(GuideException.class, () -> GuideFiles.confined(file, plan(file)));
    assertEquals(Code.D506, check(file).get(0).code());
  }

  @Test
  void anAbsolutePathIsRefusedByTheCompiler() throws IOException {
    Path file = write(project.resolve("x.drill"), drill(outside.resolve("x.md").toString()));
    CompileResult result = DrillCompiler.compile(file.toString(), Files.readAllBytes(file));
    assertTrue(result.plan().isEmpty());
    assertEquals(List.of(Code.D506),
        result.diagnostics().stream().map(Diagnostic::code).collect(Collectors.toList()));
  }

  @Test
  void aSymlinkedDirectoryPointingOutsideIsRefused() throws IOException {
    Files.createSymbolicLink(project.resolve("guides"), outside);
    Path file = write(project.resolve("x.drill"), drill("guides/x.md"));
    GuideException e = assertThrows(GuideException.class, () -> GuideFiles.confined(file, plan(file)));
    assertTrue(e.getMessage().contains(outside.toRealPath().resolve("x.md").toString()), e.getMessage());
    assertEquals(List.of("D506 1:1"), codes(check(file)));
  }

  @Test
  void aSymlinkedGuideFilePointingOutsideIsRefusedEvenWhenItExists() throws IOException {
    Path target = write(outside.resolve("secret.md"), "# not yours\n");
    Files.createSymbolicLink(project.resolve("x.md"), target);
    Path file = write(project.resolve("x.drill"), drill("x.md"));
    assertThrows(GuideException.class, () -> GuideFiles.confined(file, plan(file)));
    assertEquals(List.of("D506 1:1"), codes(check(file)));
  }

  @Test
  void aDanglingSymlinkIsRefusedNotFollowed() throws IOException {
    Files.createSymbolicLink(project.resolve("x.md"), outside.resolve("not-yet.md"));
    Path file = write(project.resolve("x.drill"), drill("x.md"));
    assertThrows(GuideException.class, () -> GuideFiles.confined(file, plan(file)));
  }

  @Test
  void aSymlinkStayingInsideTheProjectIsFine() throws Exception {
    Path real = Files.createDirectories(project.resolve("docs/guides"));
    Files.createSymbolicLink(project.resolve("guides"), real);
    Path file = write(project.resolve("x.drill"), drill("guides/x.md"));
    assertEquals(project.resolve("guides/x.md"), GuideFiles.confined(file, plan(file)));
  }

  @Test
  void theProjectReachedThroughASymlinkIsStillItself() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("link-to-project"), project);
    Path file = write(link.resolve("drills/x.drill"), drill("../guides/x.md"));
    assertEquals(link.resolve("guides/x.md"), GuideFiles.confined(file, plan(file)));
  }
}
