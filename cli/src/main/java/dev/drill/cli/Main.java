package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Parsed;
import dev.drill.cli.args.Parser;
import dev.drill.cli.args.Values;
import dev.drill.compiler.DrillCompiler;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The {@code drill} command: reads the command line (see {@link dev.drill.cli.args}) and runs the command it names. */
public final class Main {

  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 3;

  /** The subcommands, in the order help lists them. */
  private static final String[] COMMANDS = {
    "new", "compile", "fmt", "guide", "check", "run", "rollback", "list", "roster", "report", "note", "board",
    "import", "export", "lsp", "help"
  };

  private static final String EXIT_CODES = "\nExit codes:\n"
      + "   0   Success.\n"
      + "   1   Findings: compile errors, a failed check, a failed or aborted drill.\n"
      + "   2   Usage error: unknown option, missing file, unknown plan version.\n"
      + "   3   Internal error in drill itself (a bug: please report it), or out of\n"
      + "         memory.\n";

  public static void main(String[] args) {
    // A thread of a run (a watch, an output pump) that runs out of heap ends drill as the main thread would.
    Thread.setDefaultUncaughtExceptionHandler(new OutOfMemoryExit());
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; the exit code is returned, never thrown. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    int exit;
    try {
      exit = execute(args, out, err);
    } catch (OutOfMemoryError e) {
      out.flush();
      err.println(outOfMemory());
      exit = INTERNAL;
    } catch (Exception e) {
      err.println("drill: internal error: " + e
          + "\nThis is a bug in drill; please report it with the input that caused it.");
      exit = INTERNAL;
    }
    // Commands print diagnostics with print(), which autoflush does not cover: nothing may be lost at exit.
    out.flush();
    err.flush();
    return exit;
  }

  private static int execute(String[] args, PrintWriter out, PrintWriter err) throws Exception {
    Parsed parsed = Parser.parse(root(args), args);
    if (parsed instanceof Parsed.Refused refused) {
      err.println(refused.line());
      return USAGE;
    }
    if (parsed instanceof Parsed.Help help) {
      out.print(help.usage());
      return OK;
    }
    if (parsed instanceof Parsed.Run run) {
      DrillCompiler.warmUp();
      if (run.command().equals("drill")) {
        // drill alone: the usage, and a usage error's exit code (it did nothing).
        err.print(run.usage());
        return USAGE;
      }
      return command(run.command(), run.values(), out, err).call();
    }
    out.println(version());
    return OK;
  }

  /** One line: the heap is the JVM's, and the launcher passes DRILL_JAVA_OPTS to it. */
  static String outOfMemory() {
    long mib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return "drill: out of memory (the Java heap of " + mib + " MiB is full); give drill more with"
        + " DRILL_JAVA_OPTS=-Xmx" + 2 * mib + "m";
  }

  private static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return "drill " + (version == null ? "(development build)" : version);
  }

  /**
   * The drill command with only the subcommand being run, when the first argument names
   * one: a cold start then loads no other command's class. Anything else (help, a typo that
   * deserves a suggestion, no command at all) gets every subcommand; the version needs none.
   */
  private static CommandSpec root(String[] args) {
    CommandSpec root = CommandSpec.command("drill",
        "Emergency-response drills as code: compile, check and run drill scenarios.").footer(EXIT_CODES);
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return root;
    }
    // "help" needs the others to describe them.
    Optional<CommandSpec> named = args.length > 0 && !args[0].equals("help") ? spec(args[0]) : Optional.empty();
    if (named.isPresent()) {
      return root.subcommand(named.get());
    }
    for (String name : COMMANDS) {
      root.subcommand(spec(name).orElseThrow());
    }
    return root;
  }

  private static Optional<CommandSpec> spec(String name) {
    switch (name) {
      case "new": return Optional.of(NewCommand.spec());
      case "compile": return Optional.of(CompileCommand.spec());
      case "fmt": return Optional.of(FmtCommand.spec());
      case "guide": return Optional.of(GuideCommand.spec());
      case "check": return Optional.of(CheckCommand.spec());
      case "run": return Optional.of(RunCommand.spec());
      case "rollback": return Optional.of(RollbackCommand.spec());
      case "list": return Optional.of(ListCommand.spec());
      case "roster": return Optional.of(RosterCommand.spec());
      case "report": return Optional.of(ReportCommand.spec());
      case "note": return Optional.of(NoteCommand.spec());
      case "board": return Optional.of(BoardCommand.spec());
      case "import": return Optional.of(ImportCommand.spec());
      case "export": return Optional.of(ExportCommand.spec());
      case "lsp": return Optional.of(LspCommand.spec());
      case "help": return Optional.of(CommandSpec.helpCommand());
      default: return Optional.empty();
    }
  }

  /** The command to run for a parsed command line; each reads its values in its constructor. */
  private static Callable<Integer> command(String name, Values values, PrintWriter out, PrintWriter err) {
    switch (name) {
      case "drill new": return new NewCommand(values, out, err);
      case "drill compile": return new CompileCommand(values, out, err);
      case "drill fmt": return new FmtCommand(values, out, err);
      case "drill guide": return new GuideCommand(values, err);
      case "drill check": return new CheckCommand(values, out, err);
      case "drill run": return new RunCommand(values, out, err);
      case "drill rollback": return new RollbackCommand(values, out, err);
      case "drill list": return new ListCommand(values, out, err);
      case "drill roster": return new RosterCommand(values, out, err);
      case "drill report": return new ReportCommand(values, out, err);
      case "drill note": return new NoteCommand(values, err);
      case "drill board": return new BoardCommand(values, err);
      case "drill import": return new ImportCommand(err);
      case "drill import ctk": return new ImportCommand.Ctk(values, out, err);
      case "drill export": return new ExportCommand(err);
      case "drill export ctk": return new ExportCommand.Ctk(values, out, err);
      case "drill lsp": return new LspCommand();
      default: throw new IllegalStateException("no command " + name);
    }
  }

  /** A thread of a run that runs out of heap ends drill with the one line; anything else is that thread's trace. */
  private static final class OutOfMemoryExit implements Thread.UncaughtExceptionHandler {
    @Override
    public void uncaughtException(Thread thread, Throwable e) {
      if (e instanceof OutOfMemoryError) {
        System.err.println(outOfMemory());
        System.exit(INTERNAL);
      }
      e.printStackTrace();
    }
  }
}
