package dev.drill.runtime.probe;

import dev.drill.plan.Comparator;
import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.action.HttpOutcome;
import dev.drill.runtime.action.HttpRunner;
import dev.drill.runtime.action.ProcessGroups;
import dev.drill.runtime.action.ProcessOutcome;
import dev.drill.runtime.action.ProcessRunner;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The probes that look at the world: http, command, log and prometheus. Every detail is
 * redacted. Keeps state between looks only for log probes (where it got to in each file).
 */
public final class WorldProbes implements ProbeRunner {

  private final Bindings bindings;
  private final Path directory;
  private final ProcessRunner processes;
  private final HttpRunner http;
  private final PrometheusProbe prometheus;
  private final LogWatch logs = new LogWatch();

  /** @param directory where commands run and relative log paths start: the drill file's directory */
  public WorldProbes(Bindings bindings, Path directory, ProcessRunner processes, HttpRunner http,
      PrometheusProbe prometheus) {
    this.bindings = bindings;
    this.directory = directory;
    this.processes = processes;
    this.http = http;
    this.prometheus = prometheus;
  }

  /**
   * Probes for a run with these bindings, sharing the client; {@code prometheusServer} for
   * probes without {@code at}; commands in {@code groups}.
   */
  public static WorldProbes of(Bindings bindings, Path directory, HttpClient client, Optional<String> prometheusServer,
      ProcessGroups groups) {
    return new WorldProbes(bindings, directory, new ProcessRunner(bindings, directory, groups),
        new HttpRunner(client, bindings), new PrometheusProbe(client, bindings, prometheusServer));
  }

  /** @throws IllegalArgumentException for a manual probe, which is a question for the responder */
  @Override
  public Observation observe(Probe probe, Duration timeout) throws InterruptedException {
    if (probe instanceof Probe.Http) {
      return http((Probe.Http) probe, timeout);
    }
    if (probe instanceof Probe.Command) {
      return command((Probe.Command) probe, timeout);
    }
    if (probe instanceof Probe.Log) {
      return log((Probe.Log) probe, timeout);
    }
    if (probe instanceof Probe.PrometheusQuery) {
      return prometheus.query((Probe.PrometheusQuery) probe, timeout);
    }
    if (probe instanceof Probe.PrometheusAlert) {
      return prometheus.alert((Probe.PrometheusAlert) probe, timeout);
    }
    throw new IllegalArgumentException("not a probe of the world: " + probe.getClass().getSimpleName());
  }

  /** No response means no status: only {@code !=} holds then, since a dead service is not a 200. */
  private Observation http(Probe.Http probe, Duration timeout) throws InterruptedException {
    HttpOutcome outcome = http.exchange(probe.method(), probe.url(), probe.headers(), probe.body(), timeout);
    if (outcome.status().isEmpty()) {
      boolean holds = probe.expectBodyContains().isEmpty()
          && probe.expectStatus().map(e -> e.op() == Comparator.NE).orElse(false);
      return observation(holds, outcome.detail());
    }
    int status = outcome.status().getAsInt();
    // With only a body expectation, any status will do: the body decides.
    boolean statusHolds = probe.expectStatus().isEmpty() && probe.expectBodyContains().isPresent()
        || HttpRunner.statusHolds(status, probe.expectStatus());
    if (!statusHolds) {
      return observation(false, outcome.detail());
    }
    Optional<String> missing = missing(outcome.body(), probe.expectBodyContains());
    return missing.isEmpty()
        ? observation(true, outcome.detail())
        : observation(false, outcome.detail() + "; body does not contain \"" + missing.get() + "\"");
  }

  private Observation command(Probe.Command probe, Duration timeout) throws InterruptedException {
    ProcessOutcome outcome = processes.execute(probe.command(), timeout);
    if (outcome.exit().isEmpty()) {
      return observation(false, outcome.detail());
    }
    if (!probe.expectExit().holds(BigDecimal.valueOf(outcome.exit().getAsInt()))) {
      return observation(false, outcome.detail());
    }
    Optional<String> missing = missing(outcome.output(), probe.expectOutputContains());
    return missing.isEmpty()
        ? observation(true, outcome.detail())
        : observation(false, outcome.detail() + "; output does not contain \"" + missing.get() + "\"");
  }

  private Observation log(Probe.Log probe, Duration timeout) throws InterruptedException {
    String shown = bindings.render(probe.path());
    Pattern pattern;
    try {
      pattern = Pattern.compile(bindings.render(probe.pattern()));
    } catch (PatternSyntaxException e) {
      return observation(false, "bad pattern: " + e.getDescription());
    }
    Path path = directory.resolve(shown).toAbsolutePath().normalize();
    return redacted(logs.look(path, shown, pattern, timeout));
  }

  /**
   * The expected text when the (redacted) text lacks it. The expected text is redacted too,
   * so one naming a secret is still found where the secret was.
   */
  private Optional<String> missing(String text, Optional<String> expected) {
    return expected.map(e -> bindings.redact(bindings.render(e))).filter(e -> !text.contains(e));
  }

  private Observation observation(boolean holds, String detail) {
    return new Observation(holds, bindings.redact(detail));
  }

  private Observation redacted(Observation observation) {
    return observation(observation.holds(), observation.detail());
  }
}
