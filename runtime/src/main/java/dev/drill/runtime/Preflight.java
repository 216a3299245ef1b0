package dev.drill.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.plan.Action;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanWalk;
import dev.drill.plan.Probe;
import dev.drill.plan.shell.ShellScript;
import dev.drill.runtime.probe.ProbeVisitor;
import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What can be known to be wrong before anything runs, all at once: the programs the
 * commands start are on PATH (where a command starts with a plain program name), every URL
 * is well-formed and its host name resolves, every Prometheus server the probes use is
 * configured and answers. What setup may create (a service, a log file, a port that opens)
 * is not required to exist yet, so no endpoint is asked to answer and no file to exist.
 * Values (params and secrets) are checked when they are bound, before this.
 */
public final class Preflight {

  /** One thing looked at, and what is wrong with it, if anything. */
  public record Check(String what, Optional<String> problem) {}

  /** Every check, in plan order. */
  public record Checklist(List<Check> checks) {
    public Checklist {
      checks = List.copyOf(checks);
    }

    public boolean ok() {
      return checks.stream().allMatch(c -> c.problem().isEmpty());
    }

    public List<String> problems() {
      List<String> problems = new ArrayList<>();
      checks.forEach(c -> c.problem().ifPresent(p -> problems.add(c.what() + ": " + p)));
      return problems;
    }

    /** The checks as lines for a person: {@code ok} or {@code FAIL} each, then a count. */
    public String render(Bindings bindings) {
      StringBuilder out = new StringBuilder("preflight\n");
      for (Check check : checks) {
        out.append(check.problem().isEmpty() ? "  ok    " : "  FAIL  ").append(check.what())
            .append(check.problem().map(p -> ": " + p).orElse("")).append('\n');
      }
      long failed = checks.stream().filter(c -> c.problem().isPresent()).count();
      out.append(failed == 0 ? "preflight: all " + checks.size() + " checks passed\n"
          : "preflight: " + failed + (failed == 1 ? " problem" : " problems") + " in " + checks.size() + " checks\n");
      return bindings.redact(out.toString());
    }
  }

  private static final Duration LOOKUP = Duration.ofSeconds(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Plan plan;
  private final Bindings bindings;
  private final Optional<String> prometheus;
  private final Function<String, String> environment;
  private final HttpClient http;

  private Preflight(Plan plan, Bindings bindings, Optional<String> prometheus, Function<String, String> environment,
      HttpClient http) {
    this.plan = plan;
    this.bindings = bindings;
    this.prometheus = prometheus;
    this.environment = environment;
    this.http = http;
  }

  /**
   * @param prometheus the server for probes without {@code at}
   * @param environment reads an environment variable: {@code PATH} for the programs
   */
  public static Checklist of(Plan plan, Bindings bindings, Optional<String> prometheus,
      Function<String, String> environment, HttpClient http) {
    return new Preflight(plan, bindings, prometheus, environment, http).run();
  }

  private Checklist run() {
    List<Check> checks = new ArrayList<>();
    programs(checks);
    ExecutorService lookups = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "drill-preflight");
      t.setDaemon(true);
      return t;
    });
    try {
      hosts(checks, lookups);
      prometheusServers(checks, lookups);
    } finally {
      lookups.shutdownNow();
    }
    return new Checklist(checks);
  }

  // ---- programs ----

  private void programs(List<Check> checks) {
    Map<String, String> firstUse = new LinkedHashMap<>();
    for (PlanCommands.Command command : PlanCommands.of(plan)) {
      for (String program : ShellScript.parse(command.text()).programs()) {
        firstUse.putIfAbsent(program, command.where().description());
      }
    }
    String path = Optional.ofNullable(environment.apply("PATH")).orElse("");
    firstUse.forEach((program, where) -> checks.add(new Check("program '" + program + "' (" + where + ")",
        onPath(program, path) ? Optional.empty() : Optional.of("not found on PATH"))));
  }

  private static boolean onPath(String program, String path) {
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return true;
      }
    }
    return false;
  }

  // ---- URLs and host names ----

  /** Every url of the plan (http actions and probes), with where it is first used. */
  private Map<String, String> urls() {
    Map<String, String> urls = new LinkedHashMap<>();
    for (PlanWalk.Located<Action> action : PlanWalk.actions(plan)) {
      if (action.item() instanceof Action.Http http) {
        urls.putIfAbsent(bindings.render(http.url()), action.place().description());
      }
    }
    forEachProbe((needs, where) -> needs.url().ifPresent(url -> urls.putIfAbsent(bindings.render(url), where)));
    return urls;
  }

  private void hosts(List<Check> checks, ExecutorService lookups) {
    Map<String, String> hostUse = new LinkedHashMap<>();
    for (Map.Entry<String, String> url : urls().entrySet()) {
      Optional<String> problem = malformed(url.getKey());
      if (problem.isPresent()) {
        checks.add(new Check("url " + url.getKey() + " (" + url.getValue() + ")", problem));
      } else {
        hostUse.putIfAbsent(URI.create(url.getKey()).getHost(), url.getValue());
      }
    }
    for (String server : servers().keySet()) {
      if (malformed(server).isEmpty()) {
        hostUse.putIfAbsent(URI.create(server).getHost(), "Prometheus server");
      }
    }
    Map<String, CompletableFuture<Optional<String>>> resolved = new LinkedHashMap<>();
    hostUse.keySet().forEach(host -> resolved.put(host, CompletableFuture.supplyAsync(() -> resolve(host), lookups)));
    hostUse.forEach((host, where) -> checks.add(new Check("host " + host + " (" + where + ")", await(
        resolved.get(host), "its name did not resolve within " + LOOKUP.toSeconds() + "s"))));
  }

  private static Optional<String> malformed(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        return Optional.of("not an http:// or https:// url");
      }
      if (uri.getHost() == null) {
        return Optional.of("has no host name");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("malformed: " + e.getReason() + " at character " + (e.getIndex() + 1));
    }
  }

  private static Optional<String> resolve(String host) {
    try {
      InetAddress.getAllByName(host);
      return Optional.empty();
    } catch (java.net.UnknownHostException e) {
      return Optional.of("its name does not resolve");
    } catch (SecurityException e) {
      return Optional.of("its name cannot be looked up: " + e.getMessage());
    }
  }

  private static Optional<String> await(CompletableFuture<Optional<String>> check, String late) {
    try {
      return check.get(LOOKUP.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Optional.of(late);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("not checked: interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      return Optional.of("not checked: " + e.getCause());
    }
  }

  // ---- Prometheus ----

  /** Every Prometheus server the probes use, with the probe that uses it first; a probe without a server is a problem. */
  private Map<String, String> servers() {
    Map<String, String> servers = new LinkedHashMap<>();
    forEachProbe((needs, where) -> needs.prometheus().ifPresent(at -> at.map(bindings::render).or(() -> prometheus)
        .ifPresent(server -> servers.putIfAbsent(server, where))));
    return servers;
  }

  private void prometheusServers(List<Check> checks, ExecutorService lookups) {
    forEachProbe((needs, where) -> {
      boolean unset = needs.prometheus().map(Optional::isEmpty).orElse(false);
      if (unset && prometheus.isEmpty()) {
        checks.add(new Check("Prometheus for " + where, Optional.of("no server: the probe has no 'at', and neither"
            + " --prometheus URL nor DRILL_PROMETHEUS_URL gives one")));
      }
    });
    Map<String, CompletableFuture<Optional<String>>> answers = new LinkedHashMap<>();
    servers().keySet().forEach(server -> answers.put(server, malformed(server).isPresent()
        ? CompletableFuture.completedFuture(malformed(server))
        : CompletableFuture.supplyAsync(() -> answers(server), lookups)));
    servers().forEach((server, where) -> checks.add(new Check("Prometheus " + server + " (" + where + ")",
        await(answers.get(server), "it did not answer within " + LOOKUP.toSeconds() + "s"))));
  }

  /** Whether the server answers as Prometheus does: its build information, status success. */
  private Optional<String> answers(String server) {
    String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/status/buildinfo"))
          .timeout(LOOKUP).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.of("answered status " + response.statusCode() + ", not as Prometheus does");
      }
      JsonNode body = JSON.readTree(response.body());
      return "success".equals(body.path("status").asText()) ? Optional.empty()
          : Optional.of("answered, but not as Prometheus does");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("not checked: interrupted");
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.of("does not answer: " + (e.getMessage() == null || e.getMessage().isBlank()
          ? (e instanceof java.net.ConnectException ? "no connection" : "the request failed") : e.getMessage()));
    }
  }

  /**
   * What a probe needs from the world that can be checked before the run: a url to resolve,
   * a Prometheus server (its {@code at}, empty for the default one). A command's program is
   * checked with the commands; a log file and a person's answer may come later.
   */
  private record Needs(Optional<String> url, Optional<Optional<String>> prometheus) {
    static final Needs NOTHING = new Needs(Optional.empty(), Optional.empty());
  }

  private static final ProbeVisitor<Needs, RuntimeException> NEEDS = new ProbeVisitor<>() {
    @Override
    public Needs http(Probe.Http probe) {
      return new Needs(Optional.of(probe.url()), Optional.empty());
    }

    @Override
    public Needs command(Probe.Command probe) {
      return Needs.NOTHING;
    }

    @Override
    public Needs prometheusQuery(Probe.PrometheusQuery probe) {
      return new Needs(Optional.empty(), Optional.of(probe.server()));
    }

    @Override
    public Needs prometheusAlert(Probe.PrometheusAlert probe) {
      return new Needs(Optional.empty(), Optional.of(probe.server()));
    }

    @Override
    public Needs log(Probe.Log probe) {
      return Needs.NOTHING;
    }

    @Override
    public Needs manual(Probe.Manual probe) {
      return Needs.NOTHING;
    }
  };

  private void forEachProbe(BiConsumer<Needs, String> each) {
    PlanWalk.probes(plan).forEach(probe -> each.accept(ProbeVisitor.visit(probe.item(), NEEDS),
        probe.place().description()));
  }
}
