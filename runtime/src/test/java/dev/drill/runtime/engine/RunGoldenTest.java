package dev.drill.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.plan.Plan;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.Responder;
import dev.drill.runtime.Roster;
import dev.drill.runtime.console.LiveLines;
import dev.drill.runtime.journal.Journal;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalNotes;
import dev.drill.runtime.journal.JournalReader;
import dev.drill.runtime.journal.JsonlJournal;
import dev.drill.runtime.report.Golden;
import dev.drill.runtime.report.RunReports;
import dev.drill.runtime.start.Arming;
import dev.drill.runtime.start.ClockRange;
import dev.drill.runtime.start.StartWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real runs of {@link RunEngine} against the fake world on the virtual clock, journal to
 * report: the journal's bytes, the console's lines and the report's bytes are held to golden files under
 * {@code src/test/resources/runs/} ({@code -Dgolden.update=true} rewrites them). The report
 * tests of {@code report/} read journals written by hand; these read what the runner writes.
 * The process id and host name in the journal are the only bytes that differ between
 * machines: they are masked.
 */
class RunGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/runs");

  @TempDir Path dir;

  FakeWorld world;
  Plan plan;
  final StringWriter console = new StringWriter();
  Instant killedAt;
  Instant restartedAt;
  Duration healthBackAfter = Duration.ofSeconds(30);
  Roster roster = Roster.nobody();
  java.util.Optional<Arming> arming = java.util.Optional.empty();

  @BeforeEach
  void world() {
    world = new FakeWorld();
    plan = RunEngineTimingTest.timingPlan();
    world.commandEffects.put("kill svc", () -> killedAt = world.now());
    world.commandEffects.put("restart svc", () -> restartedAt = world.now());
    world.statuses.put("http://svc/health", now -> {
      if (killedAt == null || now.isBefore(killedAt)) return 200;
      if (restartedAt != null && !now.isBefore(restartedAt.plus(healthBackAfter))) return 200;
      return 503;
    });
    world.statuses.put("http://svc/alert", now ->
        killedAt != null && !now.isBefore(killedAt.plusSeconds(60)) ? 200 : 404);
  }

  /** Every event goes to the fake world (for the run's own logic) and to a real journal file. */
  private record Tee(Journal file, FakeWorld world) implements Journal {
    @Override
    public void record(JournalEvent event) {
      world.record(event);
      file.record(event);
    }

    @Override
    public void close() {
      file.close();
    }
  }

  private RunEngine drill(Plan p, Journal journal, Responder responder) {
    Bindings bindings = new Bindings(Map.of("host", "svc"), Map.of("token", "s3cret-token"));
    return new RunEngine(p, new RunEngine.Services(world.clock, world, world, responder, journal,
        new FakeWorld.SameThread()),
        new RunEngine.Settings(bindings, Map.of("host", "svc"), true, "/drills", "journal.jsonl", "results", roster));
  }

  private Path run(Plan p, Responder responder, java.util.function.Consumer<RunEngine> before) throws IOException {
    Path file = dir.resolve("journal.jsonl");
    Bindings bindings = new Bindings(Map.of("host", "svc"), Map.of("token", "s3cret-token"));
    try (Journal journal = new Tee(live(JsonlJournal.create(file, bindings::redact)), world)) {
      RunEngine run = drill(p, journal, responder);
      before.accept(run);
      run.run(world.now(), arming);
    }
    return file;
  }

  private Journal live(Journal file) {
    return new LiveLines(file, plan, new PrintWriter(console, true));
  }

  private Path run() throws IOException {
    return run(plan, world, r -> { });
  }

  private void assertGolden(String name, Path journal) throws Exception {
    Golden.assertMatches(GOLDEN.resolve(name + ".console.txt"), console.toString());
    String bytes = Files.readString(journal, StandardCharsets.UTF_8);
    Golden.assertMatches(GOLDEN.resolve(name + ".journal.jsonl"),
        bytes.replaceAll(",\"pid\":\\d+,\"host\":\"[^\"]*\"", ",\"pid\":1,\"host\":\"host\""));
    RunReports.Rebuilt report = RunReports.rebuild(journal);
    assertEquals(0, report.skippedLines(), report.describeSkipped());
    Golden.assertMatches(GOLDEN.resolve(name + ".report.md"), report.markdown());
    Golden.assertMatches(GOLDEN.resolve(name + ".report.html"), report.html());
  }

  @Test
  void aPassedRun() throws Exception {
    assertGolden("passed", run());
  }

  /** Alice is the operator, nobody the liaison the notification is for: the journal, console and report say so. */
  @Test
  void aRunWithARoster() throws Exception {
    roster = new Roster(Map.of("operator", "alice"));
    assertGolden("roster", run());
  }

  /** The verify never holds, replay is skipped, the steady state does not return, the notification is late. */
  @Test
  void aFailedRun() throws Exception {
    healthBackAfter = Duration.ofHours(5);
    world.answerAfter = Duration.ofMinutes(11);
    assertGolden("failed", run());
  }

  @Test
  void aRunAbortedByItsAbortCondition() throws Exception {
    world.statuses.put("http://svc/orders", now -> killedAt != null && !now.isBefore(killedAt.plusSeconds(60)) ? 500 : 200);
    healthBackAfter = Duration.ofHours(5);
    assertGolden("aborted", run());
  }

  /** The first recovery step is done by hand and confirmed with a note; the verify holds. */
  @Test
  void aRunWithAManualStep() throws Exception {
    world.commandEffects.put("kill svc", () -> {
      killedAt = world.now();
      restartedAt = killedAt.plusSeconds(90);
    });
    world.note = java.util.Optional.of("restarted from the console");
    assertGolden("manual", run(Plans.withManualFirstStep(plan, "Restart ${host} by hand"), world, r -> { }));
  }

  /** Armed at 10:00 for 10:00-12:00 UTC (not 11:00-11:30): the fault at 11:40, the timebox from then. */
  @Test
  void anUnannouncedRun() throws Exception {
    arming = java.util.Optional.of(new Arming(StartWindow.within(Duration.ofHours(2), world.now(),
        java.util.List.of(ClockRange.parse("11:00-11:30").orElseThrow()), java.time.ZoneId.of("UTC")),
        world.now().plus(Duration.ofMinutes(100)), 42));
    assertGolden("unannounced", run());
  }

  /** Armed for two hours, Ctrl-C after twenty minutes: disarmed, nothing injected, teardown. */
  @Test
  void aDisarmedRun() throws Exception {
    Instant pressed = world.now().plus(Duration.ofMinutes(20));
    arming = java.util.Optional.of(new Arming(StartWindow.within(Duration.ofHours(2), world.now(), List.of(),
        java.time.ZoneId.of("UTC")), world.now().plus(Duration.ofMinutes(100)), 42));
    RunEngine[] run = new RunEngine[1];
    world.statuses.put("http://svc/orders", now -> {
      if (!now.isBefore(pressed)) {
        run[0].interrupt("SIGINT", "interrupted (Ctrl-C)");
      }
      return 200;
    });
    assertGolden("disarmed", run(plan, world, r -> run[0] = r));
  }

  /** Ctrl-C as the first question is asked (the notification due at T0); Ctrl-C and SIGTERM again during the undo. */
  @Test
  void aRunStoppedBySignals() throws Exception {
    RunEngine[] run = new RunEngine[1];
    Responder pressesCtrlC = question -> {
      run[0].interrupt("SIGINT", "interrupted (Ctrl-C)");
      return new java.util.concurrent.CompletableFuture<>();
    };
    world.commandEffects.put("start svc", () -> {
      run[0].interrupt("SIGINT", "interrupted (Ctrl-C)");
      run[0].interrupt("SIGTERM", "terminated (SIGTERM)");
    });
    assertGolden("stopped", run(Plans.withManualFirstStep(plan, "Restart ${host} by hand"), pressesCtrlC,
        r -> run[0] = r));
  }

  /**
   * A run killed in the middle of its restart step, a note from a second terminal, then drill
   * rollback finishing the rollback in the same journal.
   */
  @Test
  void aKilledRunRolledBack() throws Exception {
    Path full = run();
    List<String> kept = new ArrayList<>();
    for (String line : Files.readAllLines(full, StandardCharsets.UTF_8)) {
      kept.add(line);
      if (line.contains("\"event\":\"action-started\",\"phase\":\"recover\",\"step\":\"restart\"")) {
        break;
      }
    }
    Path killed = dir.resolve("killed.jsonl");
    Files.write(killed, kept, StandardCharsets.UTF_8);
    Instant killedAt = JournalReader.read(killed).events().get(kept.size() - 1).at();
    JournalNotes.append(killed, "the runner's terminal was closed by mistake", JournalNotes.BY_DRILL_NOTE,
        killedAt.plus(Duration.ofMinutes(5)));
    List<JournalEvent> events = JournalReader.read(killed).events();
    world = new FakeWorld();
    world.clock.sleepUntil(killedAt.plus(Duration.ofMinutes(20)));
    Bindings bindings = new Bindings(Map.of("host", "svc"), Map.of("token", "s3cret-token"));
    console.getBuffer().setLength(0);
    try (Journal journal = live(JsonlJournal.appendTo(killed, bindings::redact))) {
      drill(plan, journal, world).finishRollback(Leftover.inJournal(events, plan));
    }
    assertEquals(List.of("start svc", "cleanup svc"), world.commandsRun);
    assertGolden("rolled-back", killed);
  }
}
