package dev.drill.runtime.engine;

import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.Responder;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.journal.Recorder;
import dev.drill.runtime.probe.ProbeVisitor;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The run's questions to the people at the terminal (manual steps and signals, comms
 * checkpoints): asked without blocking the run, redacted, each answer timed when it was
 * given. When nobody can answer any more, the run stops.
 */
final class Questions {

  /** An answer and the moment it was given (not the moment the run noticed it). */
  record Given(Responder.Answer answer, Instant at) {}

  private final Responder responder;
  private final Clock clock;
  private final Bindings bindings;
  private final Recorder recorder;

  Questions(Responder responder, Clock clock, Bindings bindings, Recorder recorder) {
    this.responder = responder;
    this.clock = clock;
    this.bindings = bindings;
    this.recorder = recorder;
  }

  /** Asks; the answer wakes the run. Cancelling the answer withdraws the question. */
  CompletableFuture<Given> ask(String question) {
    CompletableFuture<Responder.Answer> asked = responder.ask(bindings.redact(question));
    CompletableFuture<Given> given = asked.thenApply(a -> new Given(a, clock.now()));
    given.whenComplete((a, e) -> {
      if (given.isCancelled()) {
        asked.cancel(true);
      }
      clock.wake();
    });
    return given;
  }

  /** The run waits for the open questions, {@code what} they are: the people are told. */
  void awaiting(String what) {
    responder.awaiting(what);
  }

  /** An answer that is in; the run stops when nobody can answer any more. */
  static Given given(CompletableFuture<Given> answer) throws Abort {
    try {
      return answer.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Responder.NoOneToAnswer) {
        throw new Abort(e.getCause().getMessage());
      }
      throw e;
    }
  }

  /** Records a person's answer to a manual step or signal. */
  void answered(String question, Responder.Answer answer) {
    recorder.answer(question, answer.yes(), answer.note());
  }

  /** The question a probe asks a person, if it is one; other probes look at the world. */
  static Optional<String> of(Probe probe) {
    return ProbeVisitor.visit(probe, new ProbeVisitor<Optional<String>, RuntimeException>() {
      @Override
      public Optional<String> http(Probe.Http probe) {
        return Optional.empty();
      }

      @Override
      public Optional<String> command(Probe.Command probe) {
        return Optional.empty();
      }

      @Override
      public Optional<String> prometheusQuery(Probe.PrometheusQuery probe) {
        return Optional.empty();
      }

      @Override
      public Optional<String> prometheusAlert(Probe.PrometheusAlert probe) {
        return Optional.empty();
      }

      @Override
      public Optional<String> log(Probe.Log probe) {
        return Optional.empty();
      }

      @Override
      public Optional<String> manual(Probe.Manual probe) {
        return Optional.of(probe.question());
      }
    });
  }
}
