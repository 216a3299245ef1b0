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

  CompletableFuture<Answer> ask(String question);
}
