package dev.drill.runtime.console;

import dev.drill.runtime.Responder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The person at the terminal. Several questions can be open at once (a comms checkpoint
 * falls due while a manual step waits), so every question is shown with a number when it is
 * asked, and what an answer answers is never a guess: {@code y [note]} (done or seen) and
 * {@code f [note]} (failed or not seen) answer the question shown last; {@code 2 y [note]}
 * answers question 2. After each answer the console says which question it answered and, if
 * others are still open, shows the newest of them again, so the last question on the screen
 * is always the one a bare {@code y} answers. A question the run no longer needs (a manual
 * signal once detection is decided) is withdrawn and said so. {@code n <text>} adds an
 * observer's note at any time. Reads standard input, so it can be scripted.
 *
 * <p>When the input ends (a closed pipe, {@code </dev/null} in CI), nobody can answer any
 * more: every question asked, and every one asked later, fails with
 * {@link Responder.NoOneToAnswer}, naming {@code --auto}, so the run stops at once instead of
 * waiting out its budgets.
 */
public final class ConsoleResponder implements Responder {

  private final PrintWriter out;
  private final Consumer<String> notes;
  /** The open questions, in the order asked; guarded by itself. */
  private final List<Pending> open = new ArrayList<>();
  private final CountDownLatch inputClosed = new CountDownLatch(1);
  private int asked;
  /** The question whose prompt was printed last: what a bare answer answers. */
  private Pending shownLast;

  private record Pending(int number, String question, CompletableFuture<Answer> answer) {}

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
    synchronized (open) {
      if (inputClosed.getCount() == 0) {
        answer.completeExceptionally(noOneToAnswer());
        return answer;
      }
      Pending pending = new Pending(++asked, question, answer);
      open.add(pending);
      prompt(pending);
    }
    answer.whenComplete((a, e) -> {
      if (answer.isCancelled()) {
        withdrawn(answer);
      }
    });
    return answer;
  }

  /** The run waits for the open questions before it goes on: they are shown again, and why. */
  @Override
  public void awaiting(String what) {
    synchronized (open) {
      if (open.isEmpty()) {
        return;
      }
      out.println("  the run waits for " + what + " before it rolls back (Ctrl-C rolls back now):");
      open.forEach(this::prompt);
    }
  }

  private void prompt(Pending pending) {
    int others = open.size() - 1;
    out.println("  ? [" + pending.number() + "] " + pending.question()
        + "  [y = done/seen, f = failed/not seen, optional note after"
        + (others == 0 ? "]"
            : "; " + others + " other question" + (others == 1 ? "" : "s") + " open: answer one with its number"
                + " first, e.g. " + open.get(0).number() + " y]"));
    shownLast = pending;
  }

  /** A question the run no longer needs: no answer can reach it any more. */
  private void withdrawn(CompletableFuture<Answer> answer) {
    synchronized (open) {
      Optional<Pending> gone = open.stream().filter(p -> p.answer() == answer).findFirst();
      if (gone.isEmpty()) {
        return;
      }
      open.remove(gone.get());
      out.println("  [" + gone.get().number() + "] no longer asked: " + gone.get().question());
      showNewestAgain(gone.get());
    }
  }

  /** After {@code done} left, the last question on the screen must be an open one: the newest. */
  private void showNewestAgain(Pending done) {
    if (shownLast == done && !open.isEmpty()) {
      prompt(open.get(open.size() - 1));
    }
  }

  private void read(InputStream in) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        handle(line.strip());
      }
    } catch (IOException e) {
      out.println("  (the terminal's input closed: " + e.getMessage() + ")");
    }
    synchronized (open) {
      inputClosed.countDown();
      List<Pending> waiting = new ArrayList<>(open);
      open.clear();
      waiting.forEach(p -> p.answer().completeExceptionally(noOneToAnswer()));
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
    String[] words = line.split("\\s+", 2);
    Optional<Integer> number = words[0].matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(words[0]))
        : Optional.empty();
    String answer = number.isPresent() ? (words.length > 1 ? words[1] : "") : line;
    String[] parts = answer.split("\\s+", 2);
    String word = parts[0].toLowerCase(Locale.ROOT);
    Optional<String> rest = parts.length > 1 ? Optional.of(parts[1].strip()).filter(r -> !r.isEmpty())
        : Optional.empty();
    if (number.isEmpty() && (word.equals("n") || word.equals("note"))) {
      rest.ifPresentOrElse(notes, () -> out.println("  a note needs text: n <what you saw>"));
      return;
    }
    boolean yes = word.equals("y") || word.equals("yes") || word.equals("done");
    boolean no = word.equals("f") || word.equals("failed") || word.equals("no");
    if (!yes && !no) {
      out.println("  answer y or f (with an optional note), 2 y to answer question 2, or n <text> for a note");
      return;
    }
    synchronized (open) {
      Optional<Pending> target = number.isPresent()
          ? open.stream().filter(p -> p.number() == number.get()).findFirst()
          : Optional.ofNullable(shownLast).filter(open::contains);
      if (target.isEmpty()) {
        out.println(open.isEmpty() ? "  nothing is being asked; n <text> adds a note"
            : "  no question [" + number.orElse(0) + "] is open; open: "
                + String.join(", ", open.stream().map(p -> "[" + p.number() + "]").toList()));
        return;
      }
      Pending answered = target.get();
      open.remove(answered);
      out.println("  [" + answered.number() + "] answered: " + (yes ? "yes" : "no") + rest.map(r -> " (" + r + ")")
          .orElse(""));
      showNewestAgain(answered);
      answered.answer().complete(new Answer(yes, rest));
    }
  }
}
