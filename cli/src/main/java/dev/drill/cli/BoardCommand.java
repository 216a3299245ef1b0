package dev.drill.cli;

import dev.drill.board.Board;
import dev.drill.board.BoardAddress;
import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

final class BoardCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("board",
            "Serve the live drill board of a run's journal until Ctrl-C: live while the run (or"
                + " drill note) still writes it, a replay once it has ended. Prints the observer's"
                + " link (it can add notes) and the read-only link; see docs/board.md.",
            "",
            "Example: drill board drill-runs/x/2026-11-20T140300Z/journal.jsonl --port 8787")
        .positional(Positional.one(Type.PATH, "JOURNAL", "the journal of the run (journal.jsonl)"))
        .option(Option.integer("--port", "PORT", "the port (default: ${DEFAULT-VALUE}; 0: any free port)")
            .withDefault("8787"))
        .option(Option.string("--host", "HOST", "the address to listen on (default: ${DEFAULT-VALUE}, this machine"
            + " only)").withDefault(BoardAddress.LOOPBACK));
  }

  private final PrintWriter err;
  private final Path journal;
  private final int port;
  private final String host;

  BoardCommand(Values args, PrintWriter err) {
    this.err = err;
    journal = args.path("JOURNAL").orElseThrow();
    port = args.integer("--port");
    host = args.string("--host").orElseThrow();
  }

  @Override
  public Integer call() throws InterruptedException {
    if (!Files.isRegularFile(journal)) {
      err.println("drill board: no such journal: " + journal);
      return Main.USAGE;
    }
    Optional<String> unreadable = Board.unreadable(journal);
    if (unreadable.isPresent()) {
      err.println("drill board: " + unreadable.get());
      return Main.USAGE;
    }
    if (port < 0 || port > 65535) {
      err.println("drill board: --port " + port + ": expected a port from 0 to 65535");
      return Main.USAGE;
    }
    Optional<Board> board = open(new BoardAddress(host, port), "drill board", err);
    if (board.isEmpty()) {
      return Main.USAGE;
    }
    board.get().follow(journal);
    Runtime.getRuntime().addShutdownHook(new Thread(board.get()::close, "drill-board-stop"));
    new CountDownLatch(1).await();
    return Main.OK;
  }

  /** The board started on {@code address}, its two links printed; empty (and why, printed) when it cannot be. */
  static Optional<Board> open(BoardAddress address, String command, PrintWriter err) {
    try {
      Board board = Board.start(address);
      err.println("board: " + board.observerLink());
      err.println("board (read-only): " + board.readOnlyLink());
      return Optional.of(board);
    } catch (IOException e) {
      err.println(command + ": cannot serve the board on " + address.host() + ":" + address.port() + ": "
          + e.getMessage());
      return Optional.empty();
    }
  }
}
