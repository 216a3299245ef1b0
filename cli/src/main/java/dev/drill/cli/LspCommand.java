package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.lsp.DrillLanguageServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

final class LspCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("lsp",
        "Run the drill language server: the Language Server Protocol over stdin and stdout, for an editor to start.",
        "It publishes the compiler's diagnostics as you type and answers formatting, symbols, folding,"
            + " definition, references, hover, rename and completion. Logs go to stderr.",
        "Exit code 0 when the client asked for shutdown before exit, 1 otherwise.");
  }

  @Override
  public Integer call() {
    // Stdout is the protocol: anything else printed there would corrupt it, so it goes to stderr.
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
    System.setOut(System.err);
    return DrillLanguageServer.run(System.in, protocol);
  }
}
