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
import org.junit.jupiter.api.Test;

/** The person at the terminal, scripted through standard input. */
class ConsoleResponderTest {

  @Test
  void questionsAreAnsweredInOrderAndNotesGoAside() throws Exception {
    PipedOutputStream typed = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(typed);
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    List<String> notes = new CopyOnWriteArrayList<>();
    ConsoleResponder console = new ConsoleResponder(in, new java.io.PrintWriter(new java.io.OutputStreamWriter(shown, StandardCharsets.UTF_8), true), notes::add);

    CompletableFuture<Responder.Answer> first = console.ask("Has the page been acknowledged?");
    CompletableFuture<Responder.Answer> second = console.ask("Restart the engine by hand");
    PrintStream keyboard = new PrintStream(typed, true, StandardCharsets.UTF_8);
    keyboard.println("n the dashboard lagged by a minute");
    keyboard.println("maybe");
    keyboard.println("y acked by Sam");
    keyboard.println("f the unit name is wrong in the guide");

    assertEquals(new Responder.Answer(true, Optional.of("acked by Sam")), first.get(5, TimeUnit.SECONDS));
    assertEquals(new Responder.Answer(false, Optional.of("the unit name is wrong in the guide")),
        second.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("the dashboard lagged by a minute"), notes);
    String screen = shown.toString(StandardCharsets.UTF_8);
    assertTrue(screen.contains("? Has the page been acknowledged?"), screen);
    assertTrue(screen.contains("answer y or f"), "an unclear answer is explained: " + screen);
    assertTrue(screen.indexOf("? Restart the engine by hand") > screen.indexOf("? Has the page"), "one at a time");
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
