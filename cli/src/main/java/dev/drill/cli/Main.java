package dev.drill.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code drill} command. */
@Command(
    name = "drill",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Emergency-response drills as code: compile, check and run drill scenarios.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:Success.",
      " 1:Findings: compile errors, a failed check, a failed or aborted drill.",
      " 2:Usage error: unknown option, missing file, unknown plan version.",
      " 3:Internal error in drill itself (a bug: please report it), or out of memory."
    })
public final class Main implements Callable<Integer> {

  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 3;

  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> COMMANDS = List.of(
      NewCommand.class, CompileCommand.class, FmtCommand.class, GuideCommand.class, CheckCommand.class,
      RunCommand.class, RollbackCommand.class, ListCommand.class, RosterCommand.class, ReportCommand.class, NoteCommand.class,
      BoardCommand.class, ImportCommand.class, ExportCommand.class, LspCommand.class, CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // A thread of a run (a watch, an output pump) that runs out of heap ends drill as the main thread would.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (e instanceof OutOfMemoryError) {
        System.err.println(outOfMemory());
        System.exit(INTERNAL);
      }
      e.printStackTrace();
    });
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; the exit code is returned, never thrown. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    addSubcommands(cli, args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("drill: internal error: " + e
          + "\nThis is a bug in drill; please report it with the input that caused it.");
      return INTERNAL;
    });
    int exit;
    try {
      exit = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands only exceptions to the handler above; an error passes through it.
      out.flush();
      err.println(outOfMemory());
      exit = INTERNAL;
    }
    // Commands print diagnostics with print(), which autoflush does not cover: nothing may be lost at exit.
    out.flush();
    err.flush();
    return exit;
  }

  /** One line: the heap is the JVM's, and the launcher passes DRILL_JAVA_OPTS to it. */
  static String outOfMemory() {
    long mib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return "drill: out of memory (the Java heap of " + mib + " MiB is full); give drill more with"
        + " DRILL_JAVA_OPTS=-Xmx" + 2 * mib + "m";
  }

  /**
   * Registers only the subcommand being run, when the first argument names one: picocli
   * builds a command's model by reflection when it is registered, and building all of them
   * would be a third of a cold {@code drill check}. Anything else (help, a typo that
   * deserves a suggestion, no command at all) gets every subcommand; the version needs none.
   */
  private static void addSubcommands(CommandLine cli, String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return;
    }
    // "help" needs the others registered to describe them.
    if (args.length > 0 && !args[0].equals("help")) {
      for (Class<?> command : COMMANDS) {
        if (args[0].equals(nameOf(command))) {
          cli.addSubcommand(command);
          return;
        }
      }
    }
    COMMANDS.forEach(cli::addSubcommand);
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /** {@code drill} alone: the usage, and a usage error's exit code (it did nothing). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"drill " + (version == null ? "(development build)" : version)};
    }
  }
}
