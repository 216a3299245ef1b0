package dev.drill.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drill.plan.Action;
import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.Polling;
import dev.drill.plan.Probe;
import dev.drill.plan.RunResult;
import dev.drill.plan.SourceSpan;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.action.HttpRunner;
import dev.drill.runtime.action.ProcessGroups;
import dev.drill.runtime.action.WorldActions;
import dev.drill.runtime.clock.SystemClock;
import dev.drill.runtime.console.AutoResponder;
import dev.drill.runtime.journal.JournalContents;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalReader;
import dev.drill.runtime.journal.JsonlJournal;
import dev.drill.runtime.probe.WorldProbes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's times are the real ones, to 250 ms even on a loaded machine (a few ms when it
 * is quiet: docs/benchmarks.md), well under the second DESIGN.md asks: a real drill on the wall clock against
 * a local service whose alert starts firing at a moment the service itself records. The
 * fault is an HTTP call to that service, which records when it arrived.
 */
class TimingAccuracyTest {

  // Loose enough for a shared CI machine under load (162 ms was seen there); the benchmark reports the real figure.
  private static final Duration TOLERANCE = Duration.ofMillis(250);
  private static final Duration POLL_EVERY = Duration.ofSeconds(1);
  /** Between two polls, so that detection has to wait for the next look. */
  private static final Duration ALERT_DELAY = Duration.ofMillis(1500);
  private static final SourceSpan SPAN = SourceSpan.at("accuracy.drill", 1, 1);
  /** Longer than the alert's delay: a look at it that held up the others would be seen. */
  private static final Duration SLOW_ANSWER = Duration.ofMillis(2800);

  @TempDir Path dir;

  private HttpServer server;
  private ExecutorService serverThreads;
  private final AtomicReference<Instant> faultReceived = new AtomicReference<>();
  private final AtomicReference<Instant> firstFiringAnswer = new AtomicReference<>();

  /** {@code POST /fault} arms the alert; {@code GET /alert} answers 503 until it fires, then 200. */
  @BeforeEach
  void startService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newCachedThreadPool();
    server.setExecutor(serverThreads);
    server.createContext("/fault", exchange -> {
      faultReceived.compareAndSet(null, Instant.now());
      answer(exchange, 200);
    });
    server.createContext("/alert", exchange -> {
      Instant now = Instant.now();
      Instant fault = faultReceived.get();
      boolean firing = fault != null && !now.isBefore(fault.plus(ALERT_DELAY));
      if (firing) {
        firstFiringAnswer.compareAndSet(null, now);
      }
      answer(exchange, firing ? 200 : 503);
    });
    server.createContext("/slow", exchange -> {
      try {
        Thread.sleep(SLOW_ANSWER.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(exchange, 503);
    });
    server.start();
  }

  @AfterEach
  void stopService() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Test
  void theJournalRecordsTheFaultAndTheDetectionWellUnderASecondFromWhenTheyHappened() throws Exception {
    assertDetectedOnTime(List.of());
  }

  /** A signal whose probe answers only after 2.8 s does not delay the look that sees the alert. */
  @Test
  void aSlowProbeDoesNotHoldUpTheOtherSignals() throws Exception {
    Probe.Http slow = new Probe.Http("GET", "${base}/slow", List.of(), Optional.empty(),
        Optional.of(new Expectation(Comparator.EQ, BigDecimal.valueOf(200))), Optional.empty());
    assertDetectedOnTime(List.of(new Phase.Signal("slow-dashboard", "A slow dashboard turns red", slow,
        new Polling(Duration.ofSeconds(3), Duration.ofSeconds(3), Optional.empty()), SPAN)));
  }

  private void assertDetectedOnTime(List<Phase.Signal> otherSignals) throws Exception {
    Path journalFile = dir.resolve("journal.jsonl");
    RunOutcome outcome = run(journalFile, otherSignals);
    assertEquals(RunResult.Outcome.PASSED, outcome.outcome(), outcome.reasons().toString());

    JournalContents read = JournalReader.read(journalFile);
    assertEquals(0, read.skipped(), read.describeSkipped());
    Instant faultAt = only(read, "fault-active").at();
    long firedSinceFault = ((Number) only(read, "signal-fired").facts().get("sinceFaultMs")).longValue();
    Instant detectedAt = faultAt.plusMillis(firedSinceFault);
    Instant received = faultReceived.get();
    Instant served = firstFiringAnswer.get();
    assertNotNull(served, "the alert was never seen firing");
    Instant firedAt = received.plus(ALERT_DELAY);

    assertWithin(received, faultAt, "fault-active against the moment the service received the fault");
    assertWithin(served, detectedAt, "the signal's time against the service's first firing answer");
    // sinceFaultMs is in whole milliseconds: the recorded moment may read up to 1 ms early.
    assertFalse(detectedAt.isBefore(firedAt.minus(Duration.ofMillis(1))),
        "detected at " + detectedAt + ", before the alert fired at " + firedAt);
    assertFalse(detectedAt.isAfter(firedAt.plus(POLL_EVERY).plus(TOLERANCE)),
        "detected at " + detectedAt + ", more than a poll after the alert fired at " + firedAt);
    assertEquals(Optional.of(firedSinceFault), outcome.timeToDetect().map(Duration::toMillis));
  }

  private RunOutcome run(Path journalFile, List<Phase.Signal> otherSignals) throws IOException {
    Bindings bindings = new Bindings(Map.of("base", "http://127.0.0.1:" + server.getAddress().getPort()), Map.of());
    HttpClient client = HttpRunner.newClient();
    ExecutorService workers = Executors.newCachedThreadPool();
    ProcessGroups groups = ProcessGroups.unwatched();
    try (JsonlJournal journal = JsonlJournal.create(journalFile, bindings::redact)) {
      RunEngine run = new RunEngine(plan(otherSignals), new RunEngine.Services(new SystemClock(),
          WorldProbes.of(bindings, dir, client, Optional.empty(), groups), WorldActions.of(bindings, dir, client, groups),
          new AutoResponder(new PrintWriter(new StringWriter())), journal, workers),
          new RunEngine.Settings(bindings, Map.of(), true, dir.toString(), journalFile.toString(), dir.resolve("results").toString()));
      return run.run();
    } finally {
      workers.shutdownNow();
    }
  }

  /**
   * Steady state (the alert is quiet; this first look also warms up the HTTP client), the
   * fault by HTTP, the alert's signal polled every second; detected when it fires.
   */
  private static Plan plan(List<Phase.Signal> otherSignals) {
    Probe.Http alert = new Probe.Http("GET", "${base}/alert", List.of(), Optional.empty(),
        Optional.of(new Expectation(Comparator.EQ, BigDecimal.valueOf(200))), Optional.empty());
    Probe.Http quiet = new Probe.Http("GET", "${base}/alert", List.of(), Optional.empty(),
        Optional.of(new Expectation(Comparator.NE, BigDecimal.valueOf(200))), Optional.empty());
    Polling polling = new Polling(POLL_EVERY, Duration.ofSeconds(1), Optional.empty());
    List<Phase.Signal> signals = new ArrayList<>(otherSignals);
    signals.add(new Phase.Signal("alert-firing", "The alert fires", alert, polling, SPAN));
    Action fault = new Action.Http("POST", "${base}/fault", List.of(), Optional.empty(),
        Optional.of(new Expectation(Comparator.EQ, BigDecimal.valueOf(200))), SPAN);
    return Plans.only(RunEngineTimingTest.timingPlan(), List.of(
        new Phase.Steady(List.of(new Phase.Check("quiet", "The alert is quiet", quiet, polling, SPAN)), SPAN),
        new Phase.Inject(List.of(new Phase.InjectStep("break", "Break the service", List.of(fault), List.of(), SPAN))),
        new Phase.Detect(Phase.DetectMode.ANY, Duration.ofSeconds(10), signals, SPAN)));
  }

  private static JournalEvent only(JournalContents read, String event) {
    List<JournalEvent> found = read.events().stream().filter(e -> e.event().equals(event)).collect(Collectors.toList());
    assertEquals(1, found.size(), "one '" + event + "' in " + read.events());
    return found.get(0);
  }

  private static void assertWithin(Instant real, Instant recorded, String what) {
    Duration off = Duration.between(real, recorded).abs();
    assertTrue(off.compareTo(TOLERANCE) <= 0, what + ": recorded " + recorded + ", real " + real + ", off by "
        + off.toMillis() + " ms");
  }
}
