package dev.drill.runtime.engine;

import dev.drill.plan.Action;
import dev.drill.plan.Probe;
import dev.drill.runtime.Responder;
import dev.drill.runtime.action.ActionResult;
import dev.drill.runtime.action.ActionRunner;
import dev.drill.runtime.journal.Journal;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.probe.Observation;
import dev.drill.runtime.probe.ProbeRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A world on the virtual clock: endpoints whose status depends on time and on what the
 * drill did, commands that take time and change the world, people who answer at once
 * (or never). Everything runs on the calling thread, so a run is deterministic.
 */
final class FakeWorld implements ProbeRunner, ActionRunner, Responder, Journal {

  final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-20T10:00:00Z"));
  final Map<String, Function<Instant, Integer>> statuses = new HashMap<>();
  final Map<String, Duration> commandTakes = new HashMap<>();
  final Map<String, Runnable> commandEffects = new HashMap<>();
  final List<String> commandsRun = new ArrayList<>();
  final List<JournalEvent> journal = new ArrayList<>();
  boolean answer = true;
  boolean neverAnswer;
  Duration answerAfter = Duration.ZERO;
  Optional<String> note = Optional.empty();

  /** A status that becomes {@code to} at {@code at} (virtual time). */
  void statusChanges(String url, int from, Instant at, int to) {
    statuses.put(url, now -> now.isBefore(at) ? from : to);
  }

  Instant now() {
    return clock.now();
  }

  @Override
  public Observation observe(Probe probe, Duration timeout) {
    if (!(probe instanceof Probe.Http http)) {
      throw new IllegalArgumentException("the fake world answers http probes only: " + probe);
    }
    String url = http.url().replace("${host}", "svc");
    int status = statuses.getOrDefault(url, t -> 200).apply(clock.now());
    boolean holds = http.expectStatus().map(e -> e.holds(java.math.BigDecimal.valueOf(status))).orElse(status < 300);
    return new Observation(holds, "status " + status);
  }

  @Override
  public ActionResult perform(Action action, Duration timeout) {
    if (!(action instanceof Action.Run run)) {
      throw new IllegalArgumentException("the fake world runs commands only: " + action);
    }
    String command = run.command().replace("${host}", "svc").replace(" --token ${token}", "");
    commandsRun.add(command);
    Duration takes = commandTakes.getOrDefault(command, Duration.ofSeconds(1));
    if (takes.compareTo(timeout) > 0) {
      clock.sleepUntil(clock.now().plus(timeout));
      return new ActionResult(false, "timed out after " + timeout.toSeconds() + "s", "");
    }
    clock.sleepUntil(clock.now().plus(takes));
    Optional.ofNullable(commandEffects.get(command)).ifPresent(Runnable::run);
    return new ActionResult(true, "exit 0", "");
  }

  @Override
  public CompletableFuture<Answer> ask(String question) {
    if (neverAnswer) {
      return new CompletableFuture<>();
    }
    clock.sleepUntil(clock.now().plus(answerAfter));
    return CompletableFuture.completedFuture(new Answer(answer, note));
  }

  @Override
  public void record(JournalEvent event) {
    journal.add(event);
  }

  @Override
  public void close() {}

  List<JournalEvent> events(String name) {
    return journal.stream().filter(e -> e.event().equals(name)).collect(Collectors.toList());
  }

  JournalEvent event(String name) {
    List<JournalEvent> found = events(name);
    if (found.isEmpty()) {
      throw new AssertionError("no '" + name + "' event in " + journal.stream().map(JournalEvent::event).collect(Collectors.toList()));
    }
    return found.get(0);
  }

  /** Runs tasks on the caller's thread: the virtual clock stays consistent. */
  static final class SameThread extends AbstractExecutorService {
    private boolean shutdown;

    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
