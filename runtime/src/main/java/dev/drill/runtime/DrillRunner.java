package dev.drill.runtime;

import dev.drill.plan.Action;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanText;
import dev.drill.plan.PlanWalk;
import dev.drill.plan.Probe;
import dev.drill.runtime.action.HttpRunner;
import dev.drill.runtime.action.ProcessGroups;
import dev.drill.runtime.action.WorldActions;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.clock.SystemClock;
import dev.drill.runtime.console.AutoResponder;
import dev.drill.runtime.console.ConsoleResponder;
import dev.drill.runtime.console.LiveLines;
import dev.drill.runtime.engine.Leftover;
import dev.drill.runtime.engine.RunEngine;
import dev.drill.runtime.engine.RunOutcome;
import dev.drill.runtime.journal.Event;
import dev.drill.runtime.journal.Fact;
import dev.drill.runtime.journal.JournalContents;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalPlan;
import dev.drill.runtime.journal.JournalReader;
import dev.drill.runtime.journal.JsonlJournal;
import dev.drill.runtime.journal.Recorder;
import dev.drill.runtime.probe.WorldProbes;
import dev.drill.runtime.start.Arming;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one drill for real, and owns what must always happen around it: the run directory
 * and its journal, commands in process groups of their own under a watchdog, the stop
 * signals (Ctrl-C, SIGTERM, SIGHUP: recorded, then rollback, which nothing but SIGKILL
 * stops), the console, and at the end the report and the run result. The command line only
 * parses arguments and prints what this returns.
 */
public final class DrillRunner {

  /** What a run needs: the plan, its bound values, where its commands run, where it writes, who holds which role. */
  public record Request(
      Plan plan, Bindings bindings, Path workdir, boolean auto, Path journals, Path results,
      Optional<String> prometheus, Roster roster) {

    /** A run without a roster. */
    public Request(Plan plan, Bindings bindings, Path workdir, boolean auto, Path journals, Path results,
        Optional<String> prometheus) {
      this(plan, bindings, workdir, auto, journals, results, prometheus, Roster.nobody());
    }
  }

  /** How a run ended and where it wrote; {@code problem} when its report or result could not be written. */
  public record Finished(RunOutcome outcome, Path journal, Path report, Optional<Path> result, Optional<String> problem) {}

  /** How often the run says where it stands, between events. */
  private static final Duration STATUS_EVERY = Duration.ofSeconds(10);
  /** How long drill waits at the end for a cancelled step to finish killing its processes. */
  private static final Duration WORKERS_END = Duration.ofSeconds(10);
  /** How long the console's reader is given to find its input closed before the run starts. */
  private static final Duration INPUT_CHECK = Duration.ofMillis(200);

  private static final DateTimeFormatter RUN_DIR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Request request;
  private final PrintWriter console;
  private final Responder responder;
  private final Clock clock;

  /**
   * A run about to start; with {@code auto} false, the console's reader starts reading
   * {@code in} now, so that a closed input is known before anything runs.
   *
   * @param console where the run's lines and questions go (standard error)
   */
  public DrillRunner(Request request, InputStream in, PrintWriter console) {
    this(request, in, console, new SystemClock());
  }

  /** As {@link #DrillRunner(Request, InputStream, PrintWriter)}, on the given clock (tests). */
  DrillRunner(Request request, InputStream in, PrintWriter console, Clock clock) {
    this.request = request;
    this.console = console;
    this.clock = clock;
    this.responder = request.auto() ? new AutoResponder(console) : new ConsoleResponder(in, console, this::note);
  }

  /** Where notes typed at the terminal go, once the run has started. */
  private volatile Recorder notes;

  /**
   * Why nobody can answer this run's questions, if that is so: it asks people (manual steps
   * or signals, comms checkpoints) without {@code --auto}, and the console's input is closed.
   */
  public Optional<String> unanswerable() throws InterruptedException {
    if (!(responder instanceof ConsoleResponder terminal) || !asksPeople(request.plan())) {
      return Optional.empty();
    }
    if (terminal.inputClosed(INPUT_CHECK)) {
      return Optional.of("this drill asks people to confirm steps and signals, but the terminal's input is"
          + " closed, so no one can answer; run it with --auto to confirm everything without a person"
          + " (rehearsals, CI)");
    }
    return Optional.empty();
  }

  /**
   * What can be known to be wrong before anything runs ({@link Preflight}): programs, host
   * names, Prometheus servers. Touches nothing; for {@code --dry-run} too.
   */
  public static Preflight.Checklist preflight(Request request) {
    return Preflight.of(request.plan(), request.bindings(), request.prometheus(), System::getenv,
        HttpRunner.newClient());
  }

  /** As {@link #preflight(Request)}, and whether someone can answer the run's questions. */
  public Preflight.Checklist preflight() throws InterruptedException {
    Preflight.Checklist environment = preflight(request);
    if (!asksPeople(request.plan())) {
      return environment;
    }
    List<Preflight.Check> checks = new ArrayList<>(environment.checks());
    checks.add(new Preflight.Check(request.auto() ? "answers to the drill's questions (--auto)"
        : "someone at the terminal to answer the drill's questions", unanswerable()));
    return new Preflight.Checklist(checks);
  }

  /** Runs the drill: always rolls back, always leaves a journal; a report and result when they can be written. */
  public Finished run() throws IOException {
    return run(Optional.empty(), false, journal -> { });
  }

  /**
   * As {@link #run()}; armed, the fault starts at the arming's moment, which this console
   * shows, with a countdown, only when {@code reveal}: responders may be watching it. {@code
   * journalCreated} is told where the journal is as soon as it exists, before its first event
   * (the live board follows it from there).
   */
  public Finished run(Optional<Arming> arming, boolean reveal, Consumer<Path> journalCreated) throws IOException {
    Plan plan = request.plan();
    Bindings bindings = request.bindings();
    // One moment names the run's directory and is its start, which names its result file.
    Instant started = clock.now();
    Path dir = RunFiles.directory(request.journals(), plan.id(), RUN_DIR.format(started));
    Path journalFile = dir.resolve("journal.jsonl");
    LiveLines journal = new LiveLines(JsonlJournal.create(journalFile, bindings::redact), plan, console);
    journalCreated.accept(journalFile);
    notes = new Recorder(journal, clock::now, bindings::redact);
    HttpClient http = HttpRunner.newClient();
    ExecutorService workers = newWorkers();
    RunOutcome outcome;
    try (ProcessGroups groups = ProcessGroups.watched()) {
      RunEngine run = new RunEngine(plan,
          new RunEngine.Services(clock,
              WorldProbes.of(bindings, request.workdir(), http, request.prometheus(), groups),
              WorldActions.of(bindings, request.workdir(), http, groups), responder, journal, workers),
          new RunEngine.Settings(bindings, publicParams(plan, bindings), request.auto(),
              request.workdir().toAbsolutePath().toString(), RunFiles.display(journalFile),
              request.results().toAbsolutePath().normalize().toString(), request.roster()));
      CountDownLatch finished = new CountDownLatch(1);
      Optional<Arming> revealed = arming.filter(a -> reveal);
      revealed.ifPresent(a -> console.println("armed: the fault starts at " + a.moment().atZone(a.window().zone())
          .toLocalTime().withNano(0) + " (" + a.window().zone().getId() + "), in " + countdown(a, started)));
      startStatusLine(journal, clock, finished, revealed);
      try (StopSignals signals = StopSignals.install(run::interrupt)) {
        outcome = run.run(started, arming);
      } finally {
        finished.countDown();
        journal.close();
        // A step cancelled by a stop signal may still be killing its process tree on a
        // worker (SIGTERM, a grace period, SIGKILL): drill must not exit and leave it behind.
        workers.shutdownNow();
        awaitWorkers(workers, console);
      }
    }
    return RunFiles.writeReportAndResult(outcome, journalFile, request.results());
  }

  /** What {@link #rollback} did: refused (and why; nothing ran), or finished the rollback. */
  public sealed interface Rollback {
    record Refused(String reason) implements Rollback {}

    record Done(Finished finished) implements Rollback {}
  }

  /**
   * {@code drill rollback JOURNAL}: finishes the rollback of a run that was killed before it
   * could (SIGKILL, a crash, a machine that went down): runs the undo actions and teardown
   * its journal does not show done, with the run's own values (secrets again from the
   * environment; {@code set} overrides a param), in the run's directory, recording them in
   * the same journal; then writes the report, and the run result if it is missing.
   * Refuses when the run still goes, or when nothing is left to roll back.
   */
  public static Rollback rollback(Path journalFile, Map<String, String> set, Function<String, String> environment,
      boolean auto, InputStream in, PrintWriter console) throws IOException, InterruptedException {
    JournalContents read = JournalReader.read(journalFile);
    Optional<JournalEvent> started = read.events().stream().findFirst().filter(e -> e.is(Event.RUN_STARTED));
    if (started.isEmpty()) {
      return new Rollback.Refused(RunFiles.display(journalFile) + " is not a drill journal: it does not start with"
          + " a run-started event");
    }
    Optional<Plan> plan = JournalPlan.of(started.get());
    if (plan.isEmpty()) {
      return new Rollback.Refused("the journal " + RunFiles.display(journalFile) + " holds no readable plan, so"
          + " drill cannot tell what to undo; undo the fault by hand (see its report)");
    }
    if (PlanLoader.checked(RunFiles.display(journalFile), plan.get()) instanceof PlanLoader.Loaded.Refused refused) {
      return new Rollback.Refused("the plan in " + refused.reason());
    }
    Optional<String> alive = stillRunning(started.get());
    if (alive.isPresent()) {
      return new Rollback.Refused(alive.get());
    }
    Leftover left = Leftover.inJournal(read.events(), plan.get());
    if (left.isEmpty()) {
      return new Rollback.Refused("nothing to roll back in " + RunFiles.display(journalFile) + ": every undo of"
          + " what was injected and every teardown action ended well");
    }
    Map<String, String> values = new LinkedHashMap<>();
    started.get().get(Fact.PARAMS).orElse(Map.of()).forEach((name, value) -> {
      if (!value.contains(Bindings.REDACTED)) {
        values.put(name, value);
      }
    });
    values.putAll(set);
    RunInputs.Bound bound = RunInputs.bind(plan.get(), values, environment);
    if (bound.bindings().isEmpty()) {
      return new Rollback.Refused(String.join("\n", bound.problems()));
    }
    Path workdir = started.get().get(Fact.WORKDIR).map(Path::of)
        .orElseGet(() -> Path.of(started.get().text(Fact.SOURCE).orElse("x")).toAbsolutePath().getParent());
    Path results = started.get().get(Fact.RESULTS).map(Path::of).orElseGet(() -> RunPlaces.defaultResults(workdir));
    Bindings bindings = bound.bindings().get();
    Responder responder = auto ? new AutoResponder(console) : new ConsoleResponder(in, console, text -> { });
    LiveLines journal = new LiveLines(JsonlJournal.appendTo(journalFile, bindings::redact), plan.get(), console);
    ExecutorService workers = newWorkers();
    RunOutcome outcome;
    try (ProcessGroups groups = ProcessGroups.watched()) {
      HttpClient http = HttpRunner.newClient();
      RunEngine run = new RunEngine(plan.get(),
          new RunEngine.Services(new SystemClock(),
              WorldProbes.of(bindings, workdir, http, Optional.empty(), groups),
              WorldActions.of(bindings, workdir, http, groups), responder, journal, workers),
          new RunEngine.Settings(bindings, publicParams(plan.get(), bindings), auto, workdir.toString(),
              RunFiles.display(journalFile), results.toString()));
      try (StopSignals signals = StopSignals.install(run::interrupt)) {
        outcome = run.finishRollback(left);
      } finally {
        journal.close();
        workers.shutdownNow();
        awaitWorkers(workers, console);
      }
    }
    return new Rollback.Done(RunFiles.writeReportAndMissingResult(outcome, journalFile, results));
  }

  /** Why the journal's run may still be going: its process is alive on this machine. */
  private static Optional<String> stillRunning(JournalEvent started) {
    Optional<Long> pid = started.get(Fact.PID);
    if (pid.isEmpty() || !started.get(Fact.HOST).equals(Optional.of(RunHost.name()))) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid.get())
        .filter(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains("java")).orElse(true))
        .map(p -> "the run is still going (process " + pid.get() + "): stop it with Ctrl-C, which rolls back;"
            + " drill rollback is for a run that was killed");
  }

  private void note(String text) {
    Recorder recorder = notes;
    if (recorder != null) {
      recorder.note(text, "terminal");
    } else {
      console.println("  (the run has not started yet; the note was not recorded)");
    }
  }

  private static String countdown(Arming arming, Instant now) {
    Duration left = Duration.between(now, arming.moment());
    return PlanText.duration(Duration.ofSeconds(Math.max(0, left.getSeconds())));
  }

  private void startStatusLine(LiveLines journal, Clock clock, CountDownLatch finished, Optional<Arming> revealed) {
    Thread status = new Thread(() -> {
      try {
        while (!finished.await(STATUS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
          Instant now = clock.now();
          String line = journal.status(now);
          if (!line.isEmpty()) {
            console.println(line + revealed.filter(a -> now.isBefore(a.moment()))
                .map(a -> ", the fault in " + countdown(a, now)).orElse(""));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "drill-status");
    status.setDaemon(true);
    status.start();
  }

  /** The threads that run actions and looks: daemons, so a stuck one never keeps drill alive. */
  private static ExecutorService newWorkers() {
    return Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "drill-worker");
      t.setDaemon(true);
      return t;
    });
  }

  private static void awaitWorkers(ExecutorService workers, PrintWriter console) {
    try {
      if (!workers.awaitTermination(WORKERS_END.toMillis(), TimeUnit.MILLISECONDS)) {
        console.println("drill: a step or probe did not end within " + WORKERS_END.toSeconds() + "s of the run");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Param values as the journal may show them: a param whose value holds a secret is hidden. */
  private static Map<String, String> publicParams(Plan plan, Bindings bindings) {
    Map<String, String> shown = new LinkedHashMap<>();
    plan.params().forEach(p -> shown.put(p.name(), bindings.redact(bindings.render("${" + p.name() + "}"))));
    return shown;
  }

  /** Whether a run of the plan asks people anything (without --auto): manual actions or probes, comms. */
  static boolean asksPeople(Plan plan) {
    return plan.phase(Phase.Comms.class).map(c -> !c.duties().isEmpty()).orElse(false)
        || PlanWalk.actions(plan).stream().anyMatch(a -> a.item() instanceof Action.Manual)
        || PlanWalk.probes(plan).stream().anyMatch(p -> p.item() instanceof Probe.Manual);
  }
}
