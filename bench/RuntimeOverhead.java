// The runtime's own overhead: a real drill run (SystemClock, RunEngine, JSON Lines journal,
// live lines, the status line) with 200 signals each polled every second, whose probes cost
// nothing, so that all the CPU the process uses is the runtime's. Measures process CPU time
// over a window after a warm-up; the target is under 5% of one core. Prints one line on
// stdout (overhead cpu_ms=... wall_ms=... percent_of_core=... polls=...), a summary and
// the CPU by thread on stderr.
// Run by bench/runtime-overhead:
//   java -cp runtime/target/classes:plan/target/classes:cli/target/lib/* bench/RuntimeOverhead.java [SECONDS] [WARMUP]
import com.sun.management.OperatingSystemMXBean;
import dev.drill.plan.Comparator;
import dev.drill.plan.DrillKind;
import dev.drill.plan.Expectation;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.Polling;
import dev.drill.plan.Probe;
import dev.drill.plan.RunResult;
import dev.drill.plan.SourceSpan;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.clock.SystemClock;
import dev.drill.runtime.console.AutoResponder;
import dev.drill.runtime.console.LiveLines;
import dev.drill.runtime.engine.RunEngine;
import dev.drill.runtime.engine.RunOutcome;
import dev.drill.runtime.journal.JsonlJournal;
import dev.drill.runtime.probe.Observation;
import dev.drill.runtime.probe.ProbeRunner;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

public class RuntimeOverhead {
  static final int SIGNALS = 200;
  static final Duration EVERY = Duration.ofSeconds(1);
  static final SourceSpan SPAN = SourceSpan.at("overhead.drill", 1, 1);

  /** Answers at once: "not yet" until told the measurement is over, then every signal holds. */
  static final class FreeProbes implements ProbeRunner {
    final AtomicLong looks = new AtomicLong();
    volatile boolean firing;

    @Override
    public Observation observe(Probe probe, Duration timeout) {
      looks.incrementAndGet();
      return firing ? new Observation(true, "status 503") : new Observation(false, "status 200");
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path dir = Files.createTempDirectory("drill-overhead");
    Path journalFile = dir.resolve("journal.jsonl");
    PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true);
    FreeProbes probes = new FreeProbes();

    // Wired as RunCommand wires a real run: live lines over the journal, a cached pool of
    // daemon workers, a status line every 10 s.
    SystemClock clock = new SystemClock();
    Plan plan = plan(Duration.ofSeconds(warmup + seconds + 30));
    LiveLines journal = new LiveLines(JsonlJournal.create(journalFile), plan, nowhere);
    ExecutorService workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "drill-worker");
      t.setDaemon(true);
      return t;
    });
    Bindings bindings = new Bindings(Map.of(), Map.of());
    RunEngine run = new RunEngine(plan,
        new RunEngine.Services(clock, probes, (action, timeout) -> {
          throw new IllegalStateException("the overhead drill has no actions");
        }, new AutoResponder(nowhere), journal, workers),
        new RunEngine.Settings(bindings, Map.of(), true, dir.toString(), journalFile.toString(), dir.resolve("results").toString()));
    CountDownLatch finished = new CountDownLatch(1);
    Thread status = new Thread(() -> {
      try {
        while (!finished.await(10, TimeUnit.SECONDS)) {
          nowhere.println(journal.status(clock.now()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "drill-status");
    status.setDaemon(true);
    status.start();

    RunOutcome[] outcome = new RunOutcome[1];
    Thread runner = new Thread(() -> outcome[0] = run.run(), "drill-run");
    runner.start();

    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Thread.sleep(warmup * 1000L);
    Map<String, Long> threads0 = cpuByThread();
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    long looks0 = probes.looks.get();
    Thread.sleep(seconds * 1000L);
    long cpu1 = os.getProcessCpuTime();
    long wall1 = System.nanoTime();
    long looks1 = probes.looks.get();
    Map<String, Long> threads1 = cpuByThread();

    probes.firing = true;
    runner.join();
    finished.countDown();
    journal.close();
    workers.shutdownNow();
    if (outcome[0].outcome() != RunResult.Outcome.PASSED) {
      throw new IllegalStateException("the overhead drill did not pass: " + outcome[0].reasons());
    }

    double cpuMs = (cpu1 - cpu0) / 1e6;
    double wallMs = (wall1 - wall0) / 1e6;
    long polls = looks1 - looks0;
    double percent = 100 * cpuMs / wallMs;
    double pollsPerSecond = polls / (wallMs / 1000);
    System.out.printf("overhead cpu_ms=%.0f wall_ms=%.0f percent_of_core=%.2f polls=%d polls_per_s=%.1f signals=%d journal_bytes=%d%n",
        cpuMs, wallMs, percent, polls, pollsPerSecond, SIGNALS, Files.size(journalFile));
    System.err.printf("runtime overhead: %d signals polled every %ds, %d looks in %.1f s (%.1f/s): %.0f ms of CPU, %.2f%% of one core (target < 5%%: %s)%n",
        SIGNALS, EVERY.toSeconds(), polls, wallMs / 1000, pollsPerSecond, cpuMs, percent, percent < 5 ? "met" : "missed");
    StringBuilder split = new StringBuilder("cpu by thread (ms):");
    long javaThreads = 0;
    for (Map.Entry<String, Long> t : threads1.entrySet()) {
      long used = t.getValue() - threads0.getOrDefault(t.getKey(), 0L);
      javaThreads += used;
      if (used >= 1_000_000) {
        split.append(' ').append(t.getKey()).append('=').append(used / 1_000_000);
      }
    }
    split.append(" jvm-internal(jit,gc)=").append(Math.max(0, (cpu1 - cpu0 - javaThreads) / 1_000_000));
    System.err.println(split);
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  /** CPU time of the live Java threads, summed by name (the workers share one). */
  static Map<String, Long> cpuByThread() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> byName = new TreeMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      long cpu = info == null ? -1 : mx.getThreadCpuTime(info.getThreadId());
      if (cpu > 0) {
        byName.merge(info.getThreadName(), cpu, Long::sum);
      }
    }
    return byName;
  }

  /** A drill of 200 signals, each "http GET ... expect status != 200 every 1s", all of which must fire. */
  static Plan plan(Duration budget) {
    List<Phase.Signal> signals = new ArrayList<>();
    for (int i = 1; i <= SIGNALS; i++) {
      Probe.Http health = new Probe.Http("GET", "http://svc-" + i + ".staging.internal/health", List.of(),
          Optional.empty(), Optional.of(new Expectation(Comparator.NE, BigDecimal.valueOf(200))), Optional.empty());
      signals.add(new Phase.Signal("svc-" + i + "-down", "Service " + i + " reports failure", health,
          new Polling(EVERY, Polling.DEFAULT_TIMEOUT, Optional.empty()), SPAN));
    }
    return new Plan(Plan.CURRENT_VERSION, "runtime-overhead", "Runtime overhead", Optional.empty(), "bench",
        DrillKind.TECHNICAL, List.of(), "staging", Optional.of(budget.plusMinutes(1)), Optional.empty(),
        Duration.ofDays(30), "runtime-overhead.md", SPAN, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(new Phase.Detect(Phase.DetectMode.ALL, budget, signals, SPAN)), "").withFingerprint();
  }
}
