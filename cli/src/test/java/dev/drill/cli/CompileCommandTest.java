package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {

  static final String VALID = String.join("\n",
      "drill db-failover {",
      "  title \"Primary database fails over\"",
      "  owner \"storage\"",
      "  param host = \"db-1.staging.internal\"",
      "  roles { operator \"Runs the steps\" }",
      "  inject stop-db { run \"ssh ${host} sudo systemctl stop postgresql\" }",
      "  detect any within 5m {",
      "    signal down { command \"pg_isready -h ${host}\" expect exit != 0 }",
      "  }",
      "  recover within 20m {",
      "    step promote \"Promote the replica\" by operator { run \"pgctl promote\" }",
      "  }",
      "}",
      "");

  @TempDir Path dir;

  record Outcome(int exit, String out, String err) {}

  static Outcome drill(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(exit, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aValidFilePrintsItsPlanAndExitsZero() throws IOException {
    Outcome o = drill("compile", write("db.drill", VALID).toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().startsWith("{\n  \"planVersion\": 1,\n  \"id\": \"db-failover\""), o.out());
    assertTrue(o.err().contains("compiled 1 drill (0 errors, 0 warnings)"), o.err());
  }

  @Test
  void errorsAreRenderedWithPositionAndExitOne() throws IOException {
    Path file = write("bad.drill", VALID.replace("by operator", "by operater"));
    Outcome o = drill("compile", file.toString());
    assertEquals(1, o.exit());
    assertEquals("", o.out(), "no plan for a drill with errors");
    assertTrue(o.err().contains("bad.drill:11:43: error D202: unknown role 'operater'"), o.err());
    assertTrue(o.err().contains("= hint: did you mean 'operator'?"), o.err());
    assertTrue(o.err().contains("1 of 1 drill did not compile (1 error, 0 warnings)"), o.err());
  }

  @Test
  void aDirectoryIsCompiledIntoAMirroredOutputTree() throws IOException {
    write("lib/trading/a.drill", VALID);
    write("lib/b.drill", VALID.replace("db-failover", "other"));
    write("lib/notes.txt", "not a drill");
    write("lib/.hidden/c.drill", "broken");
    Path out = dir.resolve("plans");
    Outcome o = drill("compile", dir.resolve("lib").toString(), "-o", out.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(Files.readString(out.resolve("trading/a.plan.json")).contains("\"id\": \"db-failover\""));
    assertTrue(Files.readString(out.resolve("b.plan.json")).contains("\"id\": \"other\""));
    assertFalse(Files.exists(out.resolve(".hidden")));
    assertEquals("", o.out(), "plans go to files, not stdout");
    assertTrue(o.err().contains("compiled 2 drills"), o.err());
  }

  @Test
  void severalFilesWithoutOutputAreOnlyChecked() throws IOException {
    Path a = write("a.drill", VALID);
    Path b = write("b.drill", VALID.replace("title \"Primary database fails over\"", ""));
    Outcome o = drill("compile", a.toString(), b.toString());
    assertEquals(1, o.exit());
    assertEquals("", o.out());
    assertTrue(o.err().contains("error D102: drill 'db-failover' has no 'title'"), o.err());
    assertTrue(o.err().contains("1 of 2 drills did not compile"), o.err());
  }

  @Test
  void aMissingFileIsAUsageError() {
    Outcome o = drill("compile", dir.resolve("nope.drill").toString());
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("no such file or directory"), o.err());
  }

  @Test
  void aDirectoryWithoutDrillsIsAUsageError() {
    Outcome o = drill("compile", dir.toString());
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("no .drill files"), o.err());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Outcome o = drill("compile", "--frobnicate", "x.drill");
    assertEquals(2, o.exit());
    assertEquals("drill compile: unknown option '--frobnicate'; drill compile --help lists the options\n", o.err());
  }

  @Test
  void binaryGarbageIsADiagnosticNotAStackTrace() throws IOException {
    Path file = dir.resolve("garbage.drill");
    byte[] bytes = new byte[4096];
    new java.util.Random(42).nextBytes(bytes);
    Files.write(file, bytes);
    Outcome o = drill("compile", file.toString());
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("error D008: file is not UTF-8 text"), o.err());
    assertFalse(o.err().contains("Exception"), o.err());
  }

  @Test
  void anEmptyFileHasNoDrill() throws IOException {
    Outcome o = drill("compile", write("empty.drill", "").toString());
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("empty.drill:1:1: error D009: file has no drill"), o.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] args : new String[][] {{"--help"}, {"compile", "--help"}, {"help", "compile"}}) {
      Outcome o = drill(args);
      assertEquals(0, o.exit(), String.join(" ", args));
      assertTrue(o.out().contains("Usage: drill"), o.out());
    }
    assertTrue(drill("--help").out().contains("compile"), "the top-level help lists the commands");
  }

  @Test
  void versionIsPrinted() {
    Outcome o = drill("--version");
    assertEquals(0, o.exit());
    assertTrue(o.out().startsWith("drill "), o.out());
  }
}
