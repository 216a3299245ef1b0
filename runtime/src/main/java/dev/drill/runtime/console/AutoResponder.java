package dev.drill.runtime.console;

import dev.drill.runtime.Responder;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code --auto}: every manual step is done and every manual signal seen, at once (rehearsals, CI). */
public final class AutoResponder implements Responder {

  private final PrintWriter out;

  public AutoResponder(PrintWriter out) {
    this.out = out;
  }

  @Override
  public CompletableFuture<Answer> ask(String question) {
    out.println("  ? " + question + " -> yes (--auto)");
    return CompletableFuture.completedFuture(new Answer(true, Optional.of("confirmed by --auto")));
  }
}
