package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.ReportCommandTest.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drill run --board and drill board on the command line (the page itself: board/'s browser tests). */
class BoardCommandTest {

  @TempDir Path dir;

  private Path quickDrill() throws IOException {
    Path drill = dir.resolve("quick.drill");
    Files.writeString(drill, String.join("\n",
        "drill quick {",
        "  title \"A quick drill\"",
        "  owner \"sre\"",
        "  kind ics",
        "  setup { run \"true\" }",
        "}", ""));
    return drill;
  }

  private Outcome run(String... extra) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("run", quickDrill().toString(), "--auto",
        "--journal", dir.resolve("runs").toString(), "--results", dir.resolve("results").toString()));
    args.addAll(List.of(extra));
    return ReportCommandTest.drill(args.toArray(String[]::new));
  }

  @Test
  void aRunWithABoardPrintsBothLinksAndEndsAsWithout() throws IOException {
    Outcome o = run("--board", "0");
    assertEquals(0, o.exit(), o.err());
    assertEquals("passed\n", o.out());
    List<String> lines = o.err().lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.matches("board: http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{43}")),
        o.err());
    assertTrue(lines.stream().anyMatch(l -> l.matches(
        "board \\(read-only\\): http://127\\.0\\.0\\.1:\\d+/\\?view=[A-Za-z0-9_-]{43}")), o.err());
  }

  @Test
  void aBoardAddressThatIsNotHostAndPortIsAUsageError() throws IOException {
    for (String address : List.of("http://x", "eighty", "70000", "host:", ":80x")) {
      Outcome o = run("--board", address);
      assertEquals(2, o.exit(), address + ": " + o.err());
      assertTrue(o.err().contains("drill run: --board " + address + ": expected [HOST:]PORT"), o.err());
      assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
    }
  }

  @Test
  void aTakenPortIsSaidBeforeAnythingRuns() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Outcome o = run("--board", Integer.toString(taken.getLocalPort()));
      assertEquals(2, o.exit(), o.err());
      assertTrue(o.err().contains("drill run: cannot serve the board on 127.0.0.1:" + taken.getLocalPort()), o.err());
      assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
    }
  }

  @Test
  void drillBoardRefusesAFileThatIsNotAJournal() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.jsonl"), "{\"at\":\"2026-11-20T10:00:00Z\",\"event\":\"note\"}\n");
    Outcome o = ReportCommandTest.drill("board", notes.toString(), "--port", "0");
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("is not a drill journal"), o.err());
  }

  @Test
  void drillBoardRefusesAMissingJournal() {
    Outcome o = ReportCommandTest.drill("board", dir.resolve("nope.jsonl").toString(), "--port", "0");
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("drill board: no such journal: "), o.err());
  }
}
