package dev.drill.cli;

import dev.drill.board.Board;
import dev.drill.board.BoardAddress;
import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.compiler.source.SourceReader;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import dev.drill.runtime.ArmingRequest;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.DrillRunner;
import dev.drill.runtime.DryRun;
import dev.drill.runtime.PlanLoader;
import dev.drill.runtime.Preflight;
import dev.drill.runtime.Roster;
import dev.drill.runtime.RunInputs;
import dev.drill.runtime.RunPlaces;
import dev.drill.runtime.engine.RunOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

final class RunCommand implements Callable<Integer> {

  static CommandSpec spec() {
    CommandSpec spec = CommandSpec.command("run",
            "Run a drill: setup, steady state, inject the fault, watch the signals against their"
                + " budgets, walk responders through recovery, check the steady state again;"
                + " abort conditions, the timebox and Ctrl-C stop it at any time; rollback and"
                + " teardown always run, and a further Ctrl-C does not stop them. Commands run in"
                + " the drill file's directory (for a plan, the one it was compiled from), each in a"
                + " process group of its own.",
            "",
            "Answer questions with y (done/seen) or f (failed/not seen), an optional note after;"
                + " type n <text> to add an observer's note at any time. The journal, the report"
                + " and the run result are written as the run goes and at its end. If drill is"
                + " killed (kill -9), drill rollback JOURNAL finishes the rollback.")
        .positional(Positional.one(Type.PATH, "FILE", "a .drill file, or a compiled plan (.json)"))
        .option(Option.string("--set", "NAME=VALUE", "a param's value, taken verbatim (repeatable)").repeatable())
        .option(Option.string("--role", "ROLE=NAME",
            "who holds a role of the drill during this run, for the journal, the report and the result"
                + " (repeatable; one person may hold several roles)").repeatable())
        .option(Option.path("--roster", "FILE",
            "who holds which role: a text file, one ROLE = NAME a line, # comments (--role wins over it)"))
        .option(Option.string("--env", "NAME", "the environment this run targets (default: ${DEFAULT-VALUE})")
            .withDefault("staging"))
        .option(Option.flag("--allow-production", "allow a run against production; nothing else does"))
        .option(Option.flag("--dry-run", "print what the run would do, in order, and touch nothing"))
        .option(Option.flag("--auto", "confirm every manual step and manual signal at once (rehearsals, CI)"))
        .option(Option.path("--journal", "DIR",
            "where runs are recorded (default: drill-runs/ at the drill's project root)"))
        .option(Option.path("--results", "DIR",
            "where run results go, created if need be (default: drill-results/ at the drill's project root)"))
        .option(Option.string("--prometheus", "URL",
            "Prometheus for probes without 'at' (default: $DRILL_PROMETHEUS_URL)"))
        .option(Option.flag("--force", "run a plan whose fingerprint does not match its content (edited by hand)"))
        .option(Option.flag("--preflight", "check, all at once, what the run needs (values, programs on PATH, host"
            + " names, Prometheus servers, someone to answer) and run nothing; every real run checks it first"))
        .option(Option.string("--board", "[HOST:]PORT", "serve the live drill board while the drill"
            + " runs, on 127.0.0.1 unless a host is given (port 0: any free port); prints the observer's link and the"
            + " read-only link (see docs/board.md)"));
    return StartOptions.addTo(spec);
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final Path file;
  private final List<String> set;
  private final List<String> roles;
  private final Path roster;
  private final String environment;
  private final boolean allowProduction;
  private final boolean dryRun;
  private final boolean auto;
  private final Path journals;
  private final Path results;
  private final String prometheus;
  private final boolean force;
  private final boolean preflight;
  private final String board;
  private final StartOptions start;

  RunCommand(Values args, PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    file = args.path("FILE").orElseThrow();
    set = args.strings("--set");
    roles = args.strings("--role");
    roster = args.path("--roster").orElse(null);
    environment = args.string("--env").orElseThrow();
    allowProduction = args.flag("--allow-production");
    dryRun = args.flag("--dry-run");
    auto = args.flag("--auto");
    journals = args.path("--journal").orElse(null);
    results = args.path("--results").orElse(null);
    prometheus = args.string("--prometheus").orElse(System.getenv("DRILL_PROMETHEUS_URL"));
    force = args.flag("--force");
    preflight = args.flag("--preflight");
    board = args.string("--board").orElse(null);
    start = new StartOptions(args);
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      err.println("drill run: no such file: " + file);
      return Main.USAGE;
    }
    Optional<Plan> loaded = load(err);
    if (loaded.isEmpty()) {
      return problem;
    }
    Plan plan = loaded.get();
    // Every problem with what was given at once: the --set values, the values, the environment.
    Inputs.Values values = Inputs.values("run", set, err);
    RunInputs.Bound bound = RunInputs.bind(plan, values.byName(), System::getenv);
    bound.problems().forEach(p -> err.println("drill run: " + p));
    Optional<String> refused = RunInputs.guard(plan, environment, allowProduction);
    refused.ifPresent(r -> err.println("drill run: " + r));
    RunPlaces.Found found = RunPlaces.of(file, DrillFiles.display(file), plan, Optional.ofNullable(journals),
        Optional.ofNullable(results));
    if (found instanceof RunPlaces.Found.Refused nowhere) {
      err.println("drill run: " + nowhere.reason());
    }
    Optional<Roster> people = RosterInputs.read("run", Optional.ofNullable(roster), roles, plan, err);
    ArmingRequest.Resolved armed = start.resolve(plan, Instant.now(), ZoneId.systemDefault());
    armed.problems().forEach(p -> err.println("drill run: " + p));
    Optional<Bindings> bindings = bound.bindings();
    Optional<BoardAddress> boardAddress = Optional.ofNullable(board).flatMap(BoardAddress::parse);
    if (board != null && boardAddress.isEmpty()) {
      err.println("drill run: --board " + board + ": expected [HOST:]PORT, such as 8787 or 0.0.0.0:8787");
    }
    if (values.malformed() || bindings.isEmpty() || refused.isPresent() || (board != null && boardAddress.isEmpty())
        || people.isEmpty() || !armed.problems().isEmpty()
        || !(found instanceof RunPlaces.Found.Ready located)) {
      return Main.USAGE;
    }
    if (!people.get().holders().isEmpty()) {
      people.get().unheld(plan).forEach(role -> err.println("drill run: warning: nobody holds role '" + role
          + "', which a recovery step or comms duty is for; name someone with --role " + role + "=NAME"));
    }
    RunPlaces.Places places = located.places();
    DrillRunner.Request request = new DrillRunner.Request(plan, bindings.get(), places.workdir(), auto,
        places.journals(), places.results(), Optional.ofNullable(prometheus), people.get());
    if (dryRun) {
      out.print(DryRun.of(plan, bindings.get()));
      armed.arming().ifPresent(a -> out.print("\n" + a.describe(start.reveal) + "\n"));
      out.print("\n" + DrillRunner.preflight(request).render(bindings.get()));
      out.flush();
      return Main.OK;
    }
    DrillRunner runner = new DrillRunner(request, System.in, err);
    if (preflight) {
      Preflight.Checklist report = runner.preflight();
      out.print(report.render(bindings.get()));
      out.flush();
      return report.ok() ? Main.OK : Main.FINDINGS;
    }
    Optional<String> unanswerable = runner.unanswerable();
    if (unanswerable.isPresent()) {
      err.println("drill run: " + unanswerable.get() + "; nothing was done");
      return Main.USAGE;
    }
    Preflight.Checklist ready = DrillRunner.preflight(request);
    if (!ready.ok()) {
      ready.problems().forEach(p -> err.println("drill run: preflight: " + bindings.get().redact(p)));
      err.println("drill run: nothing was done; drill run " + DrillFiles.display(file) + " --preflight lists every"
          + " check");
      return Main.FINDINGS;
    }
    if (boardAddress.isEmpty()) {
      return Finish.print(runner.run(armed.arming(), start.reveal, journal -> { }), out, err, "drill run");
    }
    Optional<Board> live = BoardCommand.open(boardAddress.get(), "drill run", err);
    if (live.isEmpty()) {
      return Main.USAGE;
    }
    DrillRunner.Finished finished;
    try (Board shown = live.get()) {
      finished = runner.run(armed.arming(), start.reveal, shown::follow);
    }
    return Finish.print(finished, out, err, "drill run");
  }

  private int problem = Main.USAGE;

  private Optional<Plan> load(PrintWriter err) throws IOException {
    String shown = DrillFiles.display(file);
    if (shown.endsWith(".json")) {
      // Read by size first, as a drill is: a plan is never near the limit, a runaway file may be.
      SourceReader.Result read = SourceReader.read(file, shown);
      if (read instanceof SourceReader.Refused refused) {
        err.print(DiagnosticRenderer.render(refused.diagnostic(), Optional.empty()));
        return Optional.empty();
      }
      return ready(PlanLoader.fromJson(shown, SourceReader.file(read).orElseThrow().text(), force), err);
    }
    CompileResult compiled = DrillCompiler.compile(file, shown);
    compiled.diagnostics().forEach(d -> err.print(DiagnosticRenderer.render(d, compiled.sourceOf(d.span().file()))));
    if (compiled.plan().isEmpty()) {
      problem = Main.FINDINGS;
      return Optional.empty();
    }
    return ready(PlanLoader.checked(shown, compiled.plan().get()), err);
  }

  private static Optional<Plan> ready(PlanLoader.Loaded loaded, PrintWriter err) {
    if (loaded instanceof PlanLoader.Loaded.Refused refused) {
      err.println("drill run: " + refused.reason());
    }
    return loaded instanceof PlanLoader.Loaded.Ready ready ? Optional.of(ready.plan()) : Optional.empty();
  }

  /** What a run or a finished rollback prints at its end, and its exit code. */
  static final class Finish {
    private Finish() {}

    static int print(DrillRunner.Finished finished, PrintWriter out, PrintWriter err, String command) {
      err.println("journal: " + DrillFiles.display(finished.journal()));
      if (finished.problem().isEmpty()) {
        err.println("report:  " + DrillFiles.display(finished.report()));
      }
      finished.result().ifPresent(r -> err.println("result:  " + DrillFiles.display(r)));
      finished.problem().ifPresent(p -> err.println(command + ": " + p));
      RunOutcome outcome = finished.outcome();
      out.println(outcome.outcome().keyword());
      out.flush();
      if (outcome.internalError().isPresent()) {
        err.println("drill: internal error: " + outcome.internalError().get() + " (the run was stopped and rolled"
            + " back)\nThis is a bug in drill; please report it with the input that caused it.");
        return Main.INTERNAL;
      }
      return outcome.outcome() == RunResult.Outcome.PASSED ? Main.OK : Main.FINDINGS;
    }
  }
}
