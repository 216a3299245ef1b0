package dev.drill.runtime.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.plan.Expectation;
import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Prometheus probes through its HTTP API: an instant query compared with a number, or an
 * alert firing. Whatever goes wrong on the way (no server, no connection, an error from
 * Prometheus, an answer that is not Prometheus') is an observation that does not hold.
 */
final class PrometheusProbe {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How many samples of a vector the detail shows. */
  private static final int SHOWN = 5;

  private final HttpClient http;
  private final Bindings bindings;
  private final Optional<String> defaultServer;

  /**
   * @param defaultServer the server for probes without {@code at}: {@code --prometheus URL}
   *     or the {@code DRILL_PROMETHEUS_URL} environment variable
   */
  PrometheusProbe(HttpClient http, Bindings bindings, Optional<String> defaultServer) {
    this.http = http;
    this.bindings = bindings;
    this.defaultServer = defaultServer;
  }

  /**
   * Holds when the instant query returns a number that meets the expectation: the scalar, or
   * any sample of the vector. An empty vector is {@code no data}; NaN meets no expectation.
   */
  Observation query(Probe.PrometheusQuery probe, Duration timeout) throws InterruptedException {
    String query = bindings.render(probe.query());
    Answer answer = get(probe.server(), "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), timeout);
    if (answer.failure != null) {
      return answer.failure;
    }
    JsonNode data = answer.data;
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    switch (type) {
      case "scalar":
        return compare(List.of(Sample.of(result, "")), probe.expect());
      case "vector":
        if (result.size() == 0) {
          return new Observation(false, "no data");
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode series : result) {
          samples.add(Sample.of(series.path("value"), labels(series.path("metric"))));
        }
        return compare(samples, probe.expect());
      case "matrix":
        return new Observation(false, "a range vector is not a number: query an instant vector");
      case "string":
        return new Observation(false, "not a number: string \"" + result.path(1).asText() + "\"");
      default:
        return new Observation(false, "bad answer from Prometheus: result type '" + type + "'");
    }
  }

  /** Holds when an alert with that {@code alertname} is firing; pending is not firing yet. */
  Observation alert(Probe.PrometheusAlert probe, Duration timeout) throws InterruptedException {
    String name = bindings.render(probe.alert());
    Answer answer = get(probe.server(), "/api/v1/alerts", timeout);
    if (answer.failure != null) {
      return answer.failure;
    }
    JsonNode alerts = answer.data.path("alerts");
    if (!alerts.isArray()) {
      return new Observation(false, "bad answer from Prometheus: no list of alerts");
    }
    List<JsonNode> firing = new ArrayList<>();
    List<JsonNode> pending = new ArrayList<>();
    for (JsonNode alert : alerts) {
      if (name.equals(alert.path("labels").path("alertname").asText(null))) {
        String state = alert.path("state").asText();
        if (state.equals("firing")) {
          firing.add(alert);
        } else if (state.equals("pending")) {
          pending.add(alert);
        }
      }
    }
    if (!firing.isEmpty()) {
      return new Observation(true, "firing since " + since(firing));
    }
    if (!pending.isEmpty()) {
      return new Observation(false, "pending since " + since(pending));
    }
    return new Observation(false, "not firing");
  }

  private static Observation compare(List<Sample> samples, Expectation expect) {
    boolean holds = samples.stream().anyMatch(s -> s.meets(expect));
    String shown = samples.stream().limit(SHOWN).map(s -> s.show(samples.size() > 1)).collect(Collectors.joining(", "));
    String more = samples.size() > SHOWN ? " and " + (samples.size() - SHOWN) + " more" : "";
    return new Observation(holds, (samples.size() == 1 ? "value " : "values ") + shown + more);
  }

  /** The earliest activeAt of the alerts, to the second, and how many there are when more than one. */
  private static String since(List<JsonNode> alerts) {
    String earliest = alerts.stream().map(a -> a.path("activeAt").asText("?")).map(PrometheusProbe::toSecond)
        .min(Comparator.naturalOrder()).orElse("?");
    return alerts.size() == 1 ? earliest : earliest + " (" + alerts.size() + " alerts)";
  }

  private static String toSecond(String timestamp) {
    try {
      return Instant.parse(timestamp).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return timestamp;
    }
  }

  private static String labels(JsonNode metric) {
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> label : metric.properties()) {
      pairs.add(label.getKey() + "=\"" + label.getValue().asText() + "\"");
    }
    return pairs.isEmpty() ? "" : "{" + String.join(", ", pairs) + "}";
  }

  /** Either the {@code data} of a successful answer, or the observation saying what went wrong. */
  private static final class Answer {
    final JsonNode data;
    final Observation failure;

    private Answer(JsonNode data, Observation failure) {
      this.data = data;
      this.failure = failure;
    }

    static Answer failed(String detail) {
      return new Answer(null, new Observation(false, detail));
    }
  }

  private Answer get(Optional<String> at, String path, Duration timeout) throws InterruptedException {
    Optional<String> server = at.map(bindings::render).or(() -> defaultServer).map(String::strip).filter(s -> !s.isEmpty());
    if (server.isEmpty()) {
      return Answer.failed("no Prometheus server: give 'at' or --prometheus");
    }
    String base = server.get();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(base + path);
    } catch (IllegalArgumentException e) {
      return Answer.failed("bad Prometheus URL '" + base + "': " + e.getMessage());
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      return Answer.failed("bad Prometheus URL '" + base + "': give http://host:port");
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
    HttpResponse<String> response;
    CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      // The request timeout stops at the headers; the whole look, body included, is bounded here.
      response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return Answer.failed("timed out after " + show(timeout) + " (" + base + ")");
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      return Answer.failed(failure(e.getCause(), base, timeout));
    }
    return answer(response);
  }

  private static Answer answer(HttpResponse<String> response) {
    int status = response.statusCode();
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      String text = firstLine(response.body());
      return Answer.failed(status / 100 == 2
          ? "bad answer from Prometheus: not JSON (HTTP " + status + (text.isEmpty() ? ")" : ": " + text + ")")
          : "HTTP " + status + (text.isEmpty() ? "" : ": " + text));
    }
    if ("error".equals(body.path("status").asText())) {
      return Answer.failed("Prometheus error (HTTP " + status + ", " + body.path("errorType").asText("?") + "): "
          + body.path("error").asText("no message"));
    }
    if (status / 100 != 2) {
      return Answer.failed("HTTP " + status + ": " + firstLine(response.body()));
    }
    if (!"success".equals(body.path("status").asText()) || !body.path("data").isObject()) {
      return Answer.failed("bad answer from Prometheus: no 'status: success' with data");
    }
    return new Answer(body.path("data"), null);
  }

  private static String failure(Throwable error, String server, Duration timeout) {
    if (error instanceof HttpTimeoutException) {
      return "timed out after " + show(timeout) + " (" + server + ")";
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException) {
        return "no connection to " + server + ": unknown host";
      }
    }
    if (error instanceof ConnectException) {
      String message = deepestMessage(error);
      return "no connection to " + server + (message == null ? "" : ": " + message);
    }
    if (error instanceof IOException) {
      String message = deepestMessage(error);
      return "no answer from " + server + ": " + (message == null ? "the connection failed" : message);
    }
    // Never a Java type name: the message alone, or that the request failed.
    String message = deepestMessage(error);
    return "no answer from " + server + ": " + (message == null ? "the request failed" : message);
  }

  private static String deepestMessage(Throwable error) {
    String message = null;
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    return message;
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static String show(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /** One value as Prometheus wrote it ({@code "0.27"}, {@code "NaN"}, {@code "+Inf"}), with its series' labels. */
  private record Sample(String text, String labels) {

    /** {@code pair} is Prometheus' {@code [timestamp, "value"]}. */
    static Sample of(JsonNode pair, String labels) {
      return new Sample(pair.path(1).asText("?"), labels);
    }

    boolean meets(Expectation expect) {
      switch (text) {
        case "NaN":
          return false;
        // Infinity is past every number, so compare with one just past the expected value.
        case "+Inf":
          return expect.holds(expect.value().add(BigDecimal.ONE));
        case "-Inf":
          return expect.holds(expect.value().subtract(BigDecimal.ONE));
        default:
          try {
            return expect.holds(new BigDecimal(text));
          } catch (NumberFormatException e) {
            return false;
          }
      }
    }

    String show(boolean withLabels) {
      return withLabels && !labels.isEmpty() ? text + " " + labels : text;
    }
  }
}
