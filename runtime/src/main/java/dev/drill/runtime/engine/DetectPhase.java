package dev.drill.runtime.engine;

import dev.drill.plan.Phase;
import dev.drill.plan.PlanText;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.journal.ProbeRole;
import dev.drill.runtime.journal.Recorder;
import dev.drill.runtime.journal.RunPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Detection, DESIGN.md §6.4: every signal polled concurrently from the fault (a manual one
 * asked of a person), each signal's time-to-detect recorded; {@code all} or {@code any}
 * decides when detection is met. Past the budget detection is missed, a finding, and the
 * drill goes on.
 */
final class DetectPhase {

  private final Phase.Detect detect;
  private final Poller poller;
  private final Watches watches;
  private final Questions questions;
  private final Recorder recorder;
  private final Clock clock;
  private final Consumer<String> failures;

  DetectPhase(Phase.Detect detect, Poller poller, Watches watches, Questions questions, Recorder recorder,
      Clock clock, Consumer<String> failures) {
    this.detect = detect;
    this.poller = poller;
    this.watches = watches;
    this.questions = questions;
    this.recorder = recorder;
    this.clock = clock;
    this.failures = failures;
  }

  /** @return time-to-detect, when detection was met */
  Optional<Duration> run(Instant faultAt) throws Abort, InterruptedException {
    recorder.phaseStarted(RunPhase.DETECT);
    Instant deadline = Watches.min(faultAt.plus(detect.budget()), watches.timeboxEnd());
    Map<String, PollState> automatic = new LinkedHashMap<>();
    Map<String, CompletableFuture<Questions.Given>> manual = new LinkedHashMap<>();
    Map<String, Instant> fired = new LinkedHashMap<>();
    for (Phase.Signal signal : detect.signals()) {
      Optional<String> question = Questions.of(signal.probe());
      if (question.isPresent()) {
        manual.put(signal.id(), questions.ask(question.get()));
      } else {
        automatic.put(signal.id(), new PollState(signal.polling(), faultAt));
      }
    }
    Optional<Duration> timeToDetect;
    while (true) {
      watches.service();
      for (Phase.Signal signal : detect.signals()) {
        CompletableFuture<Questions.Given> answer = manual.get(signal.id());
        if (!fired.containsKey(signal.id()) && answer != null && answer.isDone()) {
          Questions.Given given = Questions.given(answer);
          questions.answered(Questions.of(signal.probe()).orElseThrow(), given.answer());
          if (given.answer().yes()) {
            fire(signal, faultAt, given.at(), fired);
          } else {
            manual.remove(signal.id());
          }
        }
      }
      List<Poller.Poll> polls = new ArrayList<>();
      for (Phase.Signal signal : detect.signals()) {
        if (automatic.containsKey(signal.id()) && !fired.containsKey(signal.id())) {
          polls.add(new Poller.Poll(ProbeRole.SIGNAL, signal.id(), signal.probe(), signal.polling(),
              automatic.get(signal.id())));
        }
      }
      poller.pollDue(polls, deadline);
      for (Phase.Signal signal : detect.signals()) {
        PollState state = automatic.get(signal.id());
        if (state != null && state.metAt().isPresent() && !fired.containsKey(signal.id())) {
          fire(signal, faultAt, state.metAt().get(), fired);
        }
      }
      if (met(fired)) {
        Instant at = detect.mode() == Phase.DetectMode.ALL
            ? Collections.max(fired.values()) : Collections.min(fired.values());
        timeToDetect = Optional.of(Duration.between(faultAt, at));
        recorder.detection(detect.mode(), true, timeToDetect, detect.budget(), new ArrayList<>(fired.keySet()),
            missing(fired));
        break;
      }
      if (poller.over(deadline, automatic.values())) {
        timeToDetect = Optional.empty();
        failures.accept("detection missed: " + (detect.mode() == Phase.DetectMode.ALL ? "not all" : "none")
            + " of the signals fired within " + PlanText.duration(detect.budget())
            + " (missing: " + String.join(", ", missing(fired)) + ")");
        recorder.detection(detect.mode(), false, Optional.empty(), detect.budget(), new ArrayList<>(fired.keySet()),
            missing(fired));
        break;
      }
      watches.sleepUntil(poller.wakeForLooks(Poller.nextLook(automatic.values(), deadline), deadline));
    }
    automatic.values().forEach(PollState::stopLooking);
    manual.values().forEach(f -> f.cancel(true));
    recorder.phaseEnded(RunPhase.DETECT, timeToDetect.isPresent(), timeToDetect.isPresent() ? Optional.empty()
        : Optional.of("missed within " + PlanText.duration(detect.budget())));
    return timeToDetect;
  }

  private boolean met(Map<String, Instant> fired) {
    return detect.mode() == Phase.DetectMode.ALL ? fired.size() == detect.signals().size() : !fired.isEmpty();
  }

  private void fire(Phase.Signal signal, Instant faultAt, Instant at, Map<String, Instant> fired) {
    fired.put(signal.id(), at);
    Duration since = Duration.ofMillis(Duration.between(faultAt, at).toMillis());
    recorder.signalFired(signal.id(), signal.title(), since, detect.budget(),
        since.toMillis() <= detect.budget().toMillis());
  }

  private List<String> missing(Map<String, Instant> fired) {
    List<String> missing = new ArrayList<>();
    detect.signals().forEach(s -> {
      if (!fired.containsKey(s.id())) {
        missing.add(s.id());
      }
    });
    return missing;
  }
}
