package dev.drill.runtime.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.runtime.Responder;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The person at the terminal, scripted through standard input. */
class ConsoleResponderTest {

  private final PipedOutputStream typed = new PipedOutputStream();
  private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
  private final List<String> notes = new CopyOnWriteArrayList<>();
  private ConsoleResponder console;
  private PrintStream keyboard;

  @BeforeEach
  void terminal() throws Exception {
    console = new ConsoleResponder(new PipedInputStream(typed),
        new java.io.PrintWriter(new java.io.OutputStreamWriter(shown, StandardCharsets.UTF_8), true), notes::add);
    keyboard = new PrintStream(typed, true, StandardCharsets.UTF_8);
  }

  private String screen() {
    return shown.toString(StandardCharsets.UTF_8);
  }

  private void awaitScreen(String text) throws InterruptedException {
    for (int i = 0; i < 500 && !screen().contains(text); i++) {
      Thread.sleep(10);
    }
    assertTrue(screen().contains(text), screen());
  }

  /** The last line starting with "  ? " on the screen: the question a bare y or f answers. */
  private String lastQuestionShown() {
    List<String> questions = screen().lines().filter(l -> l.startsWith("  ? ")).toList();
    return questions.get(questions.size() - 1);
  }

  /**
   * Two questions open: each is shown, numbered, when asked; a bare answer goes to the one
   * shown last, says which it answered, and the one still open is shown again, last.
   */
  @Test
  void aBareAnswerGoesToTheQuestionShownLast() throws Exception {
    CompletableFuture<Responder.Answer> first = console.ask("liaison: has execs been notified?");
    CompletableFuture<Responder.Answer> second = console.ask("Restart the engine by hand");
    assertTrue(lastQuestionShown().startsWith("  ? [2] Restart the engine by hand"), screen());
    assertTrue(lastQuestionShown().contains("1 other question open: answer one with its number first, e.g. 1 y"),
        screen());
    keyboard.println("n the dashboard lagged by a minute");
    keyboard.println("maybe");
    keyboard.println("y restarted from the console");

    assertEquals(new Responder.Answer(true, Optional.of("restarted from the console")),
        second.get(5, TimeUnit.SECONDS));
    assertFalse(first.isDone(), "the older question is still open");
    assertTrue(screen().contains("  [2] answered: yes (restarted from the console)\n"), screen());
    assertTrue(lastQuestionShown().startsWith("  ? [1] liaison: has execs been notified?  [y = done/seen"),
        "shown again, last: " + screen());
    keyboard.println("f the unit name is wrong in the guide");
    assertEquals(new Responder.Answer(false, Optional.of("the unit name is wrong in the guide")),
        first.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("the dashboard lagged by a minute"), notes);
    assertTrue(screen().contains("answer y or f"), "an unclear answer is explained: " + screen());
  }

  @Test
  void aNumberAnswersThatQuestion() throws Exception {
    CompletableFuture<Responder.Answer> first = console.ask("liaison: has execs been notified?");
    CompletableFuture<Responder.Answer> second = console.ask("Restart the engine by hand");
    keyboard.println("7 y");
    keyboard.println("1 y sent at 10:04");
    assertEquals(new Responder.Answer(true, Optional.of("sent at 10:04")), first.get(5, TimeUnit.SECONDS));
    assertFalse(second.isDone());
    assertTrue(screen().contains("  no question [7] is open; open: [1], [2]"), screen());
    assertTrue(screen().contains("  [1] answered: yes (sent at 10:04)"), screen());
    assertTrue(lastQuestionShown().startsWith("  ? [2] "), "still the last one shown: " + screen());
    keyboard.println("y");
    assertEquals(new Responder.Answer(true, Optional.empty()), second.get(5, TimeUnit.SECONDS));
  }

  /** A question the run stopped asking (detection decided without a manual signal) takes no answer meant for another. */
  @Test
  void aWithdrawnQuestionTakesNoAnswer() throws Exception {
    CompletableFuture<Responder.Answer> signal = console.ask("Has the on-call engineer acknowledged the page?");
    CompletableFuture<Responder.Answer> step = console.ask("Restart the engine by hand");
    step.cancel(true);
    assertTrue(screen().contains("  [2] no longer asked: Restart the engine by hand"), screen());
    assertTrue(lastQuestionShown().startsWith("  ? [1] Has the on-call"), screen());
    signal.cancel(true);
    keyboard.println("y");
    awaitScreen("nothing is being asked");
    CompletableFuture<Responder.Answer> next = console.ask("liaison: has execs been notified?");
    keyboard.println("y noted");
    assertEquals(new Responder.Answer(true, Optional.of("noted")), next.get(5, TimeUnit.SECONDS));
    assertTrue(screen().contains("nothing is being asked"), "the first y found nothing open: " + screen());
  }

  @Test
  void waitingForAnswersIsSaid() {
    console.awaiting("the answers to its comms checkpoints");
    assertEquals("", screen(), "nothing open, nothing said");
    console.ask("liaison: has execs been updated?");
    console.awaiting("the answers to its comms checkpoints");
    assertTrue(screen().contains("  the run waits for the answers to its comms checkpoints before it rolls back"
        + " (Ctrl-C rolls back now):\n  ? [1] liaison: has execs been updated?"), screen());
  }

  @Test
  void whenTheInputEndsEveryQuestionFailsAtOnceNamingAuto() throws Exception {
    PipedOutputStream typed = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(typed);
    java.io.StringWriter shown = new java.io.StringWriter();
    ConsoleResponder console = new ConsoleResponder(in, new java.io.PrintWriter(shown, true), note -> { });
    CompletableFuture<Responder.Answer> waiting = console.ask("Has the page been acknowledged?");
    assertFalse(console.inputClosed(java.time.Duration.ofMillis(50)), "a terminal nobody typed at yet is open");
    typed.close();
    ExecutionException pending = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
    assertTrue(pending.getCause() instanceof Responder.NoOneToAnswer, pending.toString());
    assertTrue(pending.getCause().getMessage().contains("--auto"), pending.getCause().getMessage());
    assertTrue(console.inputClosed(java.time.Duration.ofSeconds(5)));
    ExecutionException later = assertThrows(ExecutionException.class,
        () -> console.ask("Restart the engine by hand").get(1, TimeUnit.SECONDS));
    assertTrue(later.getCause() instanceof Responder.NoOneToAnswer);
  }
}
