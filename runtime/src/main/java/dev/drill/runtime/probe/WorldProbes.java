package dev.drill.runtime.probe;

import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.action.HttpRunner;
import dev.drill.runtime.action.ProcessGroups;
import dev.drill.runtime.action.ProcessRunner;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The probes that look at the world, each kind to its own class: {@link HttpProbe},
 * {@link CommandProbe}, {@link LogProbe}, {@link PrometheusProbe}. This only dispatches.
 * Manual probes are questions for a person: the run asks them.
 */
public final class WorldProbes implements ProbeRunner {

  private final HttpProbe http;
  private final CommandProbe commands;
  private final LogProbe logs;
  private final PrometheusProbe prometheus;

  WorldProbes(HttpProbe http, CommandProbe commands, LogProbe logs, PrometheusProbe prometheus) {
    this.http = http;
    this.commands = commands;
    this.logs = logs;
    this.prometheus = prometheus;
  }

  /**
   * Probes for a run with these bindings, sharing the client; commands run and relative log
   * paths start in {@code directory} (the drill file's); {@code prometheusServer} for probes
   * without {@code at}; commands in {@code groups}.
   */
  public static WorldProbes of(Bindings bindings, Path directory, HttpClient client, Optional<String> prometheusServer,
      ProcessGroups groups) {
    return new WorldProbes(new HttpProbe(new HttpRunner(client, bindings), bindings),
        new CommandProbe(new ProcessRunner(bindings, directory, groups), bindings), new LogProbe(bindings, directory),
        new PrometheusProbe(client, bindings, prometheusServer));
  }

  /** @throws IllegalArgumentException for a manual probe, which is a question for the responder */
  @Override
  public Observation observe(Probe probe, Duration timeout) throws InterruptedException {
    return ProbeVisitor.visit(probe, new ProbeVisitor<Observation, InterruptedException>() {
      @Override
      public Observation http(Probe.Http probe) throws InterruptedException {
        return http.observe(probe, timeout);
      }

      @Override
      public Observation command(Probe.Command probe) throws InterruptedException {
        return commands.observe(probe, timeout);
      }

      @Override
      public Observation prometheusQuery(Probe.PrometheusQuery probe) throws InterruptedException {
        return prometheus.query(probe, timeout);
      }

      @Override
      public Observation prometheusAlert(Probe.PrometheusAlert probe) throws InterruptedException {
        return prometheus.alert(probe, timeout);
      }

      @Override
      public Observation log(Probe.Log probe) throws InterruptedException {
        return logs.observe(probe, timeout);
      }

      @Override
      public Observation manual(Probe.Manual probe) {
        throw new IllegalArgumentException("not a probe of the world: " + probe.getClass().getSimpleName());
      }
    });
  }
}
