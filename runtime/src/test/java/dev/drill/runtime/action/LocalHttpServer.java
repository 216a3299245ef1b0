package dev.drill.runtime.action;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for tests. {@code /status/N} answers N; {@code /echo}
 * answers 200 with what it received; {@code /body} answers 200 with the request's body alone; {@code /big/N} answers N bytes; {@code /hang}
 * never answers (until the server closes).
 */
public final class LocalHttpServer implements AutoCloseable {

  /** A request as the server saw it. */
  public record Seen(String method, String path, Map<String, List<String>> headers, String body) {}

  private final HttpServer server;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  public LocalHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** A port nothing listens on: connections to it are refused. */
  public static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(new Seen(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
    try {
      if (path.startsWith("/status/")) {
        respond(exchange, Integer.parseInt(path.substring(8)), "status " + path.substring(8));
      } else if (path.equals("/echo")) {
        respond(exchange, 200, exchange.getRequestMethod() + " " + exchange.getRequestURI()
            + "\nauthorization: " + exchange.getRequestHeaders().getFirst("Authorization") + "\n" + body);
      } else if (path.equals("/body")) {
        respond(exchange, 200, body);
      } else if (path.startsWith("/big/")) {
        respond(exchange, 200, "b".repeat(Integer.parseInt(path.substring(5))));
      } else if (path.equals("/hang")) {
        closing.await();
      } else {
        respond(exchange, 404, "no such thing");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, status == 204 || status == 304 ? -1 : bytes.length);
    if (status != 204 && status != 304) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
