package dev.drill.runtime.console;

import dev.drill.runtime.Responder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The person at the terminal. Questions are answered one at a time, oldest first:
 * {@code y [note]} done or seen, {@code f [note]} failed or not seen; {@code n <text>}
 * adds an observer's note at any time. Reads standard input, so it can be scripted.
 *
 * <p>When the input ends (a closed pipe, {@code </dev/null} in CI), nobody can answer any
 * more: every question asked, and every one asked later, fails with
 * {@link Responder.NoOneToAnswer}, naming {@code --auto}, so the run stops at once instead of
 * waiting out its budgets.
 */
public final class ConsoleResponder implements Responder {

  private final PrintWriter out;
  private final Consumer<String> notes;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final CountDownLatch inputClosed = new CountDownLatch(1);

  private record Pending(String question, CompletableFuture<Answer> answer) {}

  public ConsoleResponder(InputStream in, PrintWriter out, Consumer<String> notes) {
    this.out = out;
    this.notes = notes;
    Thread reader = new Thread(() -> read(in), "drill-console");
    reader.setDaemon(true);
    reader.start();
  }

  /** Whether the input has ended, waiting up to {@code wait} for the reader to find out. */
  public boolean inputClosed(Duration wait) throws InterruptedException {
    return inputClosed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public CompletableFuture<Answer> ask(String question) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    synchronized (pending) {
      if (inputClosed.getCount() == 0) {
        answer.completeExceptionally(noOneToAnswer());
        return answer;
      }
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
    synchronized (pending) {
      inputClosed.countDown();
      for (Pending waiting : pending) {
        waiting.answer().completeExceptionally(noOneToAnswer());
      }
      pending.clear();
    }
  }

  private static Responder.NoOneToAnswer noOneToAnswer() {
    return new Responder.NoOneToAnswer("no one can answer: the terminal's input is closed; run with --auto to"
        + " confirm every manual step and signal without a person (rehearsals, CI)");
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
