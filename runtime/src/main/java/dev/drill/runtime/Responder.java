package dev.drill.runtime;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The people at the terminal: they confirm manual steps and manual signals, and answer
 * comms checkpoints. Asking never blocks the runner, which keeps watching abort
 * conditions and the clock while a person thinks.
 */
public interface Responder {

  /** A person's answer: yes (done, seen) or no (failed, not seen), with an optional note. */
  record Answer(boolean yes, Optional<String> note) {}

  /**
   * The answer, in time. When no person can answer any more (the terminal's input has
   * closed), the future fails with {@link NoOneToAnswer} and the run stops.
   */
  CompletableFuture<Answer> ask(String question);

  /**
   * The run now waits for the questions still open ({@code what} they are) before it goes
   * on: a person must be told, not left looking at a run that has gone quiet.
   */
  default void awaiting(String what) {}

  /** Nobody is there to answer: the input closed. The message says what to do instead. */
  final class NoOneToAnswer extends RuntimeException {
    public NoOneToAnswer(String message) {
      super(message, null, false, false);
    }
  }
}
