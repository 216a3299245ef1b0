package dev.drill.runtime.engine;

import dev.drill.plan.CommsDuty;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.journal.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The comms checkpoints, DESIGN.md §6.6: each duty's checkpoints from the fault on (a
 * notification once, an update every period until recovery's budget ends), each asked when
 * due, recorded when answered: done, late, or not done (a finding).
 */
final class CommsCheckpoints {

  /**
   * One checkpoint: asked at {@code asked}; due at {@code due}, the moment the report shows
   * (a notification by the end of its {@code within}, an update at its interval); late when
   * answered after {@code lateAfter}.
   */
  private static final class Checkpoint {
    final CommsDuty duty;
    final Instant asked;
    final Instant due;
    final Instant lateAfter;
    CompletableFuture<Questions.Given> answer;
    boolean recorded;

    Checkpoint(CommsDuty duty, Instant asked, Instant due, Instant lateAfter) {
      this.duty = duty;
      this.asked = asked;
      this.due = due;
      this.lateAfter = lateAfter;
    }
  }

  /** How the journal, the findings and the question name a duty. */
  private record Words(String duty, String finding, String done) {}

  private final Plan plan;
  private final Bindings bindings;
  private final Questions questions;
  private final Recorder recorder;
  private final Consumer<String> failures;
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private Instant faultAt;

  /** @param failures where a duty not done or done late goes */
  CommsCheckpoints(Plan plan, Bindings bindings, Questions questions, Recorder recorder, Consumer<String> failures) {
    this.plan = plan;
    this.bindings = bindings;
    this.questions = questions;
    this.recorder = recorder;
    this.failures = failures;
  }

  /** The checkpoints of every duty, counted from the fault; none past the timebox. */
  void schedule(Instant faultAt, Instant timeboxEnd) {
    this.faultAt = faultAt;
    for (CommsDuty duty : plan.phase(Phase.Comms.class).map(Phase.Comms::duties).orElse(List.of())) {
      if (duty instanceof CommsDuty.Notify notify) {
        Instant due = faultAt.plus(notify.within());
        checkpoints.add(new Checkpoint(duty, faultAt, due, due));
      } else if (duty instanceof CommsDuty.Update update) {
        Duration every = update.every();
        Instant end = plan.phase(Phase.Recover.class).flatMap(Phase.Recover::budget)
            .map(b -> faultAt.plus(plan.phase(Phase.Detect.class).map(Phase.Detect::budget).orElse(Duration.ZERO))
                .plus(b))
            .orElse(timeboxEnd);
        for (Instant due = faultAt.plus(every); due.isBefore(end) && due.isBefore(timeboxEnd); due = due.plus(every)) {
          checkpoints.add(new Checkpoint(duty, due, due, due.plus(every)));
        }
      } else {
        throw new IllegalArgumentException("a kind of comms duty drill does not know: " + duty);
      }
    }
  }

  /** Asks the checkpoints that are due and records those answered; stops the run when nobody can answer. */
  void service(Instant now) throws Abort {
    for (Checkpoint checkpoint : checkpoints) {
      if (checkpoint.answer == null && !now.isBefore(checkpoint.asked)) {
        String audience = bindings.render(checkpoint.duty.audience());
        checkpoint.answer = questions.ask(checkpoint.duty.role() + ": has " + audience + " been "
            + words(checkpoint.duty).done() + "?");
      }
      if (checkpoint.answer != null && checkpoint.answer.isDone() && !checkpoint.recorded) {
        record(checkpoint, Questions.given(checkpoint.answer));
      }
    }
  }

  /** The soonest checkpoint not asked yet, or {@code bound} when none is sooner. */
  Instant nextDue(Instant bound) {
    Instant next = bound;
    for (Checkpoint checkpoint : checkpoints) {
      if (checkpoint.answer == null && checkpoint.asked.isBefore(next)) {
        next = checkpoint.asked;
      }
    }
    return next;
  }

  /**
   * Checkpoints already asked are waited for at the end of recovery (the people are told so);
   * unasked ones are not due.
   */
  void awaitAnswers(Watches watches) throws Abort, InterruptedException {
    if (checkpoints.stream().anyMatch(c -> c.answer != null && !c.answer.isDone())) {
      questions.awaiting("the answers to its comms checkpoints");
    }
    for (Checkpoint checkpoint : checkpoints) {
      if (checkpoint.answer != null && !checkpoint.recorded) {
        record(checkpoint, watches.await(checkpoint.answer));
      }
    }
  }

  private void record(Checkpoint checkpoint, Questions.Given given) {
    checkpoint.recorded = true;
    boolean late = given.at().isAfter(checkpoint.lateAfter);
    boolean done = given.answer().yes();
    CommsDuty duty = checkpoint.duty;
    Words words = words(duty);
    recorder.comms(words.duty(), bindings.render(duty.audience()), duty.role(), Duration.between(faultAt, checkpoint.due),
        done, late, given.answer().note());
    if (!done || late) {
      failures.accept(words.finding() + " of " + bindings.render(duty.audience()) + " by " + duty.role()
          + (done ? " was late" : " was not done"));
    }
  }

  private static Words words(CommsDuty duty) {
    if (duty instanceof CommsDuty.Update) {
      return new Words("update", "update", "updated");
    }
    if (duty instanceof CommsDuty.Notify) {
      return new Words("notify", "notification", "notified");
    }
    throw new IllegalArgumentException("a kind of comms duty drill does not know: " + duty);
  }
}
