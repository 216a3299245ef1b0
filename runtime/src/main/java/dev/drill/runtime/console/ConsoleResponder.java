package dev.drill.runtime.console;

import dev.drill.runtime.Responder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The person at the terminal. Questions are answered one at a time, oldest first:
 * {@code y [note]} done or seen, {@code f [note]} failed or not seen; {@code n <text>}
 * adds an observer's note at any time. Reads standard input, so it can be scripted.
 */
public final class ConsoleResponder implements Responder {

  private final PrintWriter out;
  private final Consumer<String> notes;
  private final Deque<Pending> pending = new ArrayDeque<>();

  private record Pending(String question, CompletableFuture<Answer> answer) {}

  public ConsoleResponder(InputStream in, PrintWriter out, Consumer<String> notes) {
    this.out = out;
    this.notes = notes;
    Thread reader = new Thread(() -> read(in), "drill-console");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public CompletableFuture<Answer> ask(String question) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    synchronized (pending) {
      pending.addLast(new Pending(question, answer));
      if (pending.size() == 1) {
        prompt(question);
      }
    }
    return answer;
  }

  private void prompt(String question) {
    out.println("  ? " + question + "  [y = done/seen, f = failed/not seen, optional note after]");
  }

  private void read(InputStream in) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        handle(line.strip());
      }
    } catch (IOException e) {
      out.println("  (the terminal's input closed: " + e.getMessage() + ")");
    }
  }

  private void handle(String line) {
    if (line.isEmpty()) {
      return;
    }
    String word = line.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    Optional<String> rest = line.contains(" ") ? Optional.of(line.substring(line.indexOf(' ') + 1).strip()) : Optional.empty();
    if (word.equals("n") || word.equals("note")) {
      rest.ifPresentOrElse(notes, () -> out.println("  a note needs text: n <what you saw>"));
      return;
    }
    boolean yes = word.equals("y") || word.equals("yes") || word.equals("done");
    boolean no = word.equals("f") || word.equals("failed") || word.equals("no");
    if (!yes && !no) {
      out.println("  answer y or f (with an optional note), or n <text> for a note");
      return;
    }
    synchronized (pending) {
      Pending head = pending.pollFirst();
      if (head == null) {
        out.println("  nothing is being asked; n <text> adds a note");
        return;
      }
      head.answer().complete(new Answer(yes, rest));
      if (!pending.isEmpty()) {
        prompt(pending.peekFirst().question());
      }
    }
  }
}
