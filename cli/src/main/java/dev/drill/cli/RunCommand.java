package dev.drill.cli;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.DrillFiles;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanFingerprint;
import dev.drill.plan.PlanFormatException;
import dev.drill.plan.PlanJson;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.DrillRun;
import dev.drill.runtime.DryRun;
import dev.drill.runtime.Responder;
import dev.drill.runtime.RunInputs;
import dev.drill.runtime.RunOutcome;
import dev.drill.runtime.action.Actions;
import dev.drill.runtime.action.HttpRunner;
import dev.drill.runtime.clock.SystemClock;
import dev.drill.runtime.console.AutoResponder;
import dev.drill.runtime.console.ConsoleResponder;
import dev.drill.runtime.console.LiveLines;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalRead;
import dev.drill.runtime.journal.JournalReader;
import dev.drill.runtime.journal.JsonlJournal;
import dev.drill.runtime.probe.WorldProbes;
import dev.drill.runtime.report.ReportRenderer;
import dev.drill.runtime.report.ResultFiles;
import dev.drill.runtime.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a drill: setup, steady state, inject the fault, watch the signals against their"
          + " budgets, walk responders through recovery, check the steady state again;"
          + " abort conditions, the timebox and Ctrl-C stop it at any time; rollback and"
          + " teardown always run. Commands run in the drill file's directory.",
      "",
      "Answer questions with y (done/seen) or f (failed/not seen), an optional note after;"
          + " type n <text> to add an observer's note at any time. The journal, the report"
          + " and the run result are written as the run goes and at its end."
    })
final class RunCommand implements Callable<Integer> {

  /** How often the run says where it stands, between events. */
  private static final java.time.Duration STATUS_EVERY = java.time.Duration.ofSeconds(10);
  /** How long drill waits at the end for a cancelled step to finish killing its processes. */
  private static final java.time.Duration WORKERS_END = java.time.Duration.ofSeconds(10);

  private static final DateTimeFormatter RUN_DIR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "a .drill file, or a compiled plan (.json)")
  Path file;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a param's value (repeatable)")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--env", paramLabel = "NAME", description = "the environment this run targets (default: ${DEFAULT-VALUE})")
  String environment = "staging";

  @Option(names = "--allow-production", description = "allow a run against production; nothing else does")
  boolean allowProduction;

  @Option(names = "--dry-run", description = "print what the run would do, in order, and touch nothing")
  boolean dryRun;

  @Option(names = "--auto", description = "confirm every manual step and manual signal at once (rehearsals, CI)")
  boolean auto;

  @Option(names = "--journal", paramLabel = "DIR", description = "where runs are recorded (default: ${DEFAULT-VALUE})")
  Path journals = Path.of("drill-runs");

  @Option(names = "--results", paramLabel = "DIR", description = "where run results go (default: ${DEFAULT-VALUE})")
  Path results = Path.of("drill-results");

  @Option(names = "--prometheus", paramLabel = "URL",
      description = "Prometheus for probes without 'at' (default: $DRILL_PROMETHEUS_URL)")
  String prometheus = System.getenv("DRILL_PROMETHEUS_URL");

  @Option(names = "--force", description = "run a plan whose fingerprint does not match its content (edited by hand)")
  boolean force;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(file)) {
      err.println("drill run: no such file: " + file);
      return Main.USAGE;
    }
    Optional<Plan> loaded = load(err);
    if (loaded.isEmpty()) {
      return problem;
    }
    Plan plan = loaded.get();
    RunInputs.Bound bound = RunInputs.bind(plan, set, System::getenv);
    bound.problems().forEach(p -> err.println("drill run: " + p));
    Optional<Bindings> bindings = bound.bindings();
    if (bindings.isEmpty()) {
      return Main.USAGE;
    }
    Optional<String> refused = RunInputs.guard(plan, environment, allowProduction);
    if (refused.isPresent()) {
      err.println("drill run: " + refused.get());
      return Main.USAGE;
    }
    if (dryRun) {
      out.print(DryRun.of(plan, bindings.get()));
      out.flush();
      return Main.OK;
    }
    return run(plan, bindings.get(), out, err);
  }

  private int problem = Main.USAGE;

  private Optional<Plan> load(PrintWriter err) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String shown = DrillFiles.display(file);
    if (shown.endsWith(".json")) {
      try {
        Plan plan = PlanJson.read(new String(bytes, StandardCharsets.UTF_8));
        if (!PlanFingerprint.matches(plan) && !force) {
          err.println("drill run: " + shown + " was edited by hand: its fingerprint " + plan.fingerprint()
              + " does not match its content (" + PlanFingerprint.of(plan) + "); recompile the drill, or run it"
              + " anyway with --force");
          return Optional.empty();
        }
        return Optional.of(plan);
      } catch (PlanFormatException e) {
        err.println("drill run: " + shown + ": " + e.getMessage());
        return Optional.empty();
      }
    }
    CompileResult compiled = DrillCompiler.compile(shown, bytes);
    compiled.diagnostics().forEach(d -> err.print(DiagnosticRenderer.render(d, compiled.source())));
    if (compiled.plan().isEmpty()) {
      problem = Main.FINDINGS;
    }
    return compiled.plan();
  }

  private int run(Plan plan, Bindings bindings, PrintWriter out, PrintWriter err) throws IOException {
    Instant started = Instant.now();
    Path dir = journals.resolve(plan.id()).resolve(RUN_DIR.format(started));
    Path journalFile = dir.resolve("journal.jsonl");
    JsonlJournal jsonl = JsonlJournal.create(journalFile, bindings::redact);
    LiveLines journal = new LiveLines(jsonl, err);
    SystemClock clock = new SystemClock();
    Responder responder = auto ? new AutoResponder(err)
        : new ConsoleResponder(System.in, err,
            text -> journal.record(JournalEvent.of(clock.now(), "note", "text", bindings.redact(text), "by", "terminal")));
    Path workdir = file.toAbsolutePath().getParent();
    HttpClient http = HttpRunner.newClient();
    ExecutorService workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "drill-worker");
      t.setDaemon(true);
      return t;
    });
    DrillRun run = new DrillRun(plan,
        new DrillRun.Services(clock, WorldProbes.of(bindings, workdir, http, Optional.ofNullable(prometheus)),
            Actions.of(bindings, workdir, http), responder, journal, workers),
        new DrillRun.Settings(bindings, publicParams(plan, bindings), auto, DrillFiles.display(journalFile),
            DrillFiles.display(results)));
    CountDownLatch finished = new CountDownLatch(1);
    Thread status = new Thread(() -> {
      try {
        while (!finished.await(STATUS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
          String line = journal.status(clock.now());
          if (!line.isEmpty()) {
            err.println(line);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "drill-status");
    status.setDaemon(true);
    status.start();
    Thread hook = new Thread(() -> {
      run.requestAbort("interrupted (Ctrl-C)");
      try {
        // Rollback, journal, report and result first; then leave with "aborted".
        finished.await(15, TimeUnit.MINUTES);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(Main.FINDINGS);
    }, "drill-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    RunOutcome outcome;
    try {
      outcome = run.run();
    } finally {
      journal.close();
      // A step cancelled by Ctrl-C may still be killing its process tree on a worker
      // (SIGTERM, a grace period, SIGKILL): drill must not exit and leave it behind.
      workers.shutdownNow();
      awaitWorkers(workers, err);
    }
    try {
      JournalRead read = JournalReader.read(journalFile);
      Path report = dir.resolve("report.md");
      Files.writeString(report, new ReportRenderer().render(RunReport.of(read)), StandardCharsets.UTF_8);
      Optional<Path> result = ResultFiles.write(read.events(), results)
          .map(r -> results.resolve(r.relativePath()));
      err.println("journal: " + DrillFiles.display(journalFile));
      err.println("report:  " + DrillFiles.display(report));
      result.ifPresent(r -> err.println("result:  " + DrillFiles.display(r)));
      out.println(outcome.outcome().keyword());
      out.flush();
    } catch (Exception e) {
      err.println("drill run: the run ended (" + outcome.outcome().keyword() + ") but its report could not be"
          + " written: " + e.getMessage() + "; rebuild it with drill report " + DrillFiles.display(journalFile));
    } finally {
      finished.countDown();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C came: the hook ends the process once it sees the latch.
    }
    return outcome.outcome() == RunOutcome.Outcome.PASSED ? Main.OK : Main.FINDINGS;
  }

  /** Param values as the journal may show them: a param whose value holds a secret is hidden. */
  private static Map<String, String> publicParams(Plan plan, Bindings bindings) {
    Map<String, String> shown = new LinkedHashMap<>();
    plan.params().forEach(p -> shown.put(p.name(), bindings.redact(bindings.render("${" + p.name() + "}"))));
    return shown;
  }

  private static void awaitWorkers(ExecutorService workers, PrintWriter err) {
    try {
      if (!workers.awaitTermination(WORKERS_END.toMillis(), TimeUnit.MILLISECONDS)) {
        err.println("drill: a step or probe did not end within " + WORKERS_END.toSeconds() + "s of the run");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
