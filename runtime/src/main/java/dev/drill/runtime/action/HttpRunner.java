package dev.drill.runtime.action;

import dev.drill.plan.Action;
import dev.drill.plan.NumberExpectation;
import dev.drill.plan.Header;
import dev.drill.plan.PlanText;
import dev.drill.runtime.Bindings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends the requests of {@code http} actions and probes with the JDK client. URL, headers
 * and body are rendered with the run's bindings (a header may carry a secret). What the
 * network does is a reply, never an exception: a refused connection has no status.
 */
public final class HttpRunner {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client;
  private final Bindings bindings;

  public HttpRunner(HttpClient client, Bindings bindings) {
    this.client = client;
    this.bindings = bindings;
  }

  /** The client a run shares among its actions and probes; redirects are not followed, so a status is what the server said. */
  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Sends the action's request within its own timeout, or else the one given; ok when the status matches its expectation, by default 2xx. */
  ActionResult perform(Action.Http http, Duration timeout) throws InterruptedException {
    HttpReply reply = exchange(http.method(), http.url(), http.headers(), http.body(), http.timeout().orElse(timeout));
    if (reply.status().isEmpty()) {
      return new ActionResult(false, reply.detail(), reply.body());
    }
    boolean ok = statusHolds(reply.status().getAsInt(), http.expectStatus());
    String detail = ok ? reply.detail()
        : reply.detail() + " (expected " + http.expectStatus().map(PlanText::expectation).orElse("2xx") + ")";
    return new ActionResult(ok, detail, reply.body());
  }

  /** With no expectation, a 2xx status holds. */
  public static boolean statusHolds(int status, Optional<NumberExpectation> expectation) {
    return expectation.map(e -> e.holds(BigDecimal.valueOf(status))).orElse(status >= 200 && status < 300);
  }

  /**
   * One request and its response, all within the timeout.
   *
   * @throws InterruptedException when interrupted; the exchange is cancelled first
   */
  public HttpReply exchange(String method, String url, List<Header> headers, Optional<String> body,
      Duration timeout) throws InterruptedException {
    HttpRequest request;
    try {
      request = request(method, url, headers, body, timeout);
    } catch (IllegalArgumentException e) {
      return HttpReply.failed(bindings.redact("bad request: " + e.getMessage()));
    }
    HeadBuffer received = new HeadBuffer();
    CompletableFuture<HttpResponse<Void>> future =
        client.sendAsync(request, info -> HttpResponse.BodySubscribers.ofByteArrayConsumer(received::accept));
    try {
      HttpResponse<Void> response = future.get(ProcessRunner.millis(timeout), TimeUnit.MILLISECONDS);
      String text = OutputText.head(received.kept(), received.total(), bindings);
      return new HttpReply(OptionalInt.of(response.statusCode()), "status " + response.statusCode(), text);
    } catch (TimeoutException e) {
      future.cancel(true);
      return HttpReply.failed("timed out after " + PlanText.duration(timeout));
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      return HttpReply.failed(bindings.redact(failure(e.getCause(), request, timeout)));
    }
  }

  private HttpRequest request(String method, String url, List<Header> headers, Optional<String> body,
      Duration timeout) {
    HttpRequest.BodyPublisher publisher = body
        .map(b -> HttpRequest.BodyPublishers.ofString(bindings.render(b)))
        .orElse(HttpRequest.BodyPublishers.noBody());
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(bindings.render(url)))
        .timeout(timeout.isNegative() || timeout.isZero() ? Duration.ofMillis(1) : timeout)
        .method(method, publisher);
    for (Header header : headers) {
      builder.header(header.name(), bindings.render(header.value()));
    }
    return builder.build();
  }

  private static String failure(Throwable cause, HttpRequest request, Duration timeout) {
    if (cause instanceof HttpConnectTimeoutException) {
      return "no connection: timed out connecting";
    }
    if (cause instanceof HttpTimeoutException) {
      return "timed out after " + PlanText.duration(timeout);
    }
    if (causedBy(cause, UnresolvedAddressException.class) || causedBy(cause, UnknownHostException.class)) {
      return "no connection: unknown host '" + request.uri().getHost() + "'";
    }
    if (causedBy(cause, ConnectException.class)) {
      // JDK 17 reports a refused connection as a ConnectException without a message.
      return "no connection: " + message(cause).orElse("Connection refused");
    }
    if (cause instanceof IOException) {
      return "no response: " + message(cause).orElse(cause.getClass().getSimpleName());
    }
    return "failed: " + message(cause).orElse(cause.getClass().getSimpleName());
  }

  private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The most specific message in the chain: the client wraps the socket's exception, often without one of its own. */
  private static Optional<String> message(Throwable thrown) {
    Optional<String> message = Optional.empty();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = Optional.of(t.getMessage());
      }
    }
    return message;
  }

  /** The first {@link OutputText#KEPT} bytes of a body, and how many came in all. */
  private static final class HeadBuffer {

    private final byte[] kept = new byte[OutputText.KEPT];
    private int size;
    private long total;

    synchronized void accept(Optional<byte[]> chunk) {
      chunk.ifPresent(bytes -> {
        int n = Math.min(bytes.length, kept.length - size);
        System.arraycopy(bytes, 0, kept, size, n);
        size += n;
        total += bytes.length;
      });
    }

    synchronized byte[] kept() {
      return java.util.Arrays.copyOf(kept, size);
    }

    synchronized long total() {
      return total;
    }
  }
}
