package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.CompileCommandTest.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library of templates through every command: compile, guide, check (a template change
 * makes every dependent guide stale), list (which template a drill is built from), fmt.
 */
class LibraryCommandsTest {

  @TempDir Path repo;

  private static final String TEMPLATE = """
      template web-crash(name, port) {
        title "Web server ${name} crashes"
        owner "web"
        kind  technical

        roles { operator "Runs the steps" }

        inject kill "Kill ${name}" { run "pkill -f 'serve ${port}'" }

        detect within 2m {
          signal down "${name} is down" { command "curl -fsS http://127.0.0.1:${port}/health" expect exit != 0 }
        }

        recover within 10m {
          step restart "Restart ${name}" by operator { run "systemctl start ${name}" }
        }
      }
      """;

  @BeforeEach
  void library() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("drill-results"));
    write("lib/web.drill", TEMPLATE);
    write("drills/web-a.drill", "import \"../lib/web.drill\"\n\ndrill web-a from web-crash(name = \"web-a\", port = \"18781\") {}\n");
    write("drills/web-b.drill", "import \"../lib/web.drill\"\n\ndrill web-b from web-crash(name = \"web-b\", port = \"18782\") {}\n");
  }

  private Path write(String name, String text) throws IOException {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Outcome drill(String... args) {
    return CompileCommandTest.drill(args);
  }

  private String path(String name) {
    return repo.resolve(name).toString();
  }

  @Test
  void compileCountsFilesOfTemplatesApartAndWritesPlansOfTheDrillsOnly() throws IOException {
    Outcome compiled = drill("compile", repo.toString(), "-o", path("plans"));
    assertEquals(0, compiled.exit(), compiled.err());
    assertTrue(compiled.err().contains("compiled 2 drills and 1 file of templates (0 errors, 0 warnings)"), compiled.err());
    assertTrue(Files.exists(repo.resolve("plans/drills/web-a.plan.json")));
    assertFalse(Files.exists(repo.resolve("plans/lib/web.plan.json")), "a file of templates has no plan");
    String plan = Files.readString(repo.resolve("plans/drills/web-a.plan.json"));
    assertTrue(plan.contains("\"template\": \"web-crash\""), plan);
  }

  @Test
  void aChangeToTheTemplateMakesTheGuideOfEveryDrillBuiltFromItStale() throws IOException {
    Outcome guides = drill("guide", path("drills"), path("lib"));
    assertEquals(0, guides.exit(), guides.err());
    assertTrue(guides.err().contains("no guide: " ) && guides.err().contains("holds templates only"), guides.err());
    Outcome clean = drill("check", repo.toString());
    assertEquals(0, clean.exit(), clean.out() + clean.err());
    assertTrue(clean.out().contains("checked 2 drills and 1 file of templates: 0 errors"), clean.out());

    write("lib/web.drill", TEMPLATE.replace("systemctl start ${name}", "systemctl restart ${name}"));
    Outcome stale = drill("check", repo.toString());

    assertEquals(1, stale.exit(), stale.out());
    for (String id : List.of("web-a", "web-b")) {
      assertTrue(stale.out().contains("drills/" + id + ".md:1:1: error D603"), stale.out());
    }
    assertTrue(stale.out().contains("checked 2 drills and 1 file of templates, 2 failed"), stale.out());
  }

  @Test
  void anErrorInATemplateIsReportedOnceUnderItsFileAndEachDrillFailsAtItsImport() throws IOException {
    write("lib/web.drill", TEMPLATE.replace("template web-crash(name, port)", "template web-crash(name, port, name)"));
    Outcome check = drill("check", repo.toString());

    assertEquals(1, check.exit(), check.out());
    assertEquals(1, check.out().lines().filter(l -> l.contains("error D810")).count(), check.out());
    assertTrue(check.out().contains("lib/web.drill:1:32: error D810"), check.out());
    assertTrue(check.out().contains("drills/web-a.drill:1:8: error D814"), check.out());
    assertTrue(check.out().contains("drills/web-b.drill:1:8: error D814"), check.out());
  }

  @Test
  void listShowsTheTemplateADrillIsBuiltFrom() {
    Outcome list = drill("list", repo.toString());
    assertEquals(0, list.exit(), list.err());
    List<String> lines = list.out().lines().toList();
    assertTrue(lines.get(0).contains("FROM"), list.out());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("web-a") && l.contains("web-crash")), list.out());
    assertFalse(list.out().contains("lib/web.drill"), "a file of templates is not a drill to practice");
  }

  @Test
  void fmtFormatsImportsAndTemplates() throws IOException {
    Path messy = write("drills/messy.drill",
        "import   \"../lib/web.drill\"\ndrill messy from web-crash( name=\"m\" ,port = \"1\"){}\n");
    assertEquals(0, drill("fmt", messy.toString()).exit());
    assertEquals("import \"../lib/web.drill\"\ndrill messy from web-crash(name = \"m\", port = \"1\") {}\n",
        Files.readString(messy));
    assertEquals(0, drill("fmt", "--check", path("lib/web.drill")).exit(), "the template file is formatted");
  }
}
