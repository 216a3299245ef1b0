package dev.drill.board;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drill.runtime.journal.JournalFormatException;
import dev.drill.runtime.journal.JournalNotes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The board's routes: {@code /} the page, {@code /events} its updates (server-sent events),
 * {@code /notes} a note from the observer's form. Every response says what it may load
 * (Content-Security-Policy: its own nonce-marked script and style, nothing from elsewhere).
 */
final class BoardServer {

  /** How long an event stream stays silent before a comment keeps it open through proxies. */
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  /** How long a browser waits before it reconnects a dropped stream. */
  private static final int RECONNECT_MS = 2000;
  /** Boards open at once; more get 503 (each stream holds a thread). */
  private static final int MAX_STREAMS = 64;
  private static final int MAX_FORM_BYTES = 16 * 1024;
  static final int MAX_NOTE_CHARS = 4000;
  static final int MAX_AUTHOR_CHARS = 80;

  private final BoardTokens tokens;
  private final BoardFeed feed;
  private final JournalFollower follower;
  private final String page;
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger streams = new AtomicInteger();

  private BoardServer(BoardTokens tokens, BoardFeed feed, JournalFollower follower) {
    this.tokens = tokens;
    this.feed = feed;
    this.follower = follower;
    this.page = resource("board.html");
  }

  static void routes(HttpServer server, BoardTokens tokens, BoardFeed feed, JournalFollower follower) {
    BoardServer board = new BoardServer(tokens, feed, follower);
    server.createContext("/", exchange -> board.handle(exchange, board::page));
    server.createContext("/events", exchange -> board.handle(exchange, board::events));
    server.createContext("/notes", exchange -> board.handle(exchange, board::note));
  }

  private interface Route {
    void serve(HttpExchange exchange, String nonce) throws IOException;
  }

  private void handle(HttpExchange exchange, Route route) throws IOException {
    try (exchange) {
      String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(18));
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-"
          + nonce + "'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'none'");
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      headers.set("X-Frame-Options", "DENY");
      headers.set("Cache-Control", "no-store");
      route.serve(exchange, nonce);
    } catch (IOException e) {
      // The browser went away mid-answer: nothing to tell it.
    }
  }

  private void page(HttpExchange exchange, String nonce) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/")) {
      text(exchange, 404, "not found");
      return;
    }
    if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
      text(exchange, 405, "only GET here");
      return;
    }
    Map<String, String> query = form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
    Optional<BoardTokens.Access> access = access(query);
    if (access.isEmpty()) {
      text(exchange, 403, "this board needs the link drill printed (board: or board (read-only):)");
      return;
    }
    boolean observer = access.get() == BoardTokens.Access.OBSERVER;
    String credential = observer ? "token=" + tokens.observer() : "view=" + tokens.readOnly();
    String html = page.replace("{{nonce}}", nonce)
        .replace("{{credential}}", Html.escape(credential))
        .replace("{{access}}", observer ? "observer" : "read-only")
        .replace("{{form}}", observer ? noteForm(credential) : "");
    send(exchange, 200, "text/html; charset=utf-8", html);
  }

  private static String noteForm(String credential) {
    return "<form id=\"note\" method=\"post\" action=\"/notes?" + Html.escape(credential) + "\">"
        + "<label>Name <input name=\"author\" maxlength=\"" + MAX_AUTHOR_CHARS + "\" autocomplete=\"name\"></label>"
        + "<label class=\"grow\">Note <input name=\"text\" maxlength=\"" + MAX_NOTE_CHARS + "\" required></label>"
        + "<button type=\"submit\">Add note</button></form>";
  }

  private void events(HttpExchange exchange, String nonce) throws IOException {
    Map<String, String> query = form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
    if (access(query).isEmpty()) {
      text(exchange, 403, "this board needs the link drill printed");
      return;
    }
    if (streams.incrementAndGet() > MAX_STREAMS) {
      streams.decrementAndGet();
      text(exchange, 503, "too many boards open");
      return;
    }
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(("retry: " + RECONNECT_MS + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      long seen = 0;
      while (true) {
        Optional<BoardFeed.Snapshot> next = feed.after(seen, KEEP_ALIVE);
        if (next.isPresent()) {
          seen = next.get().version();
          out.write(("data: " + next.get().json() + "\n\n").getBytes(StandardCharsets.UTF_8));
        } else if (feed.closed()) {
          out.write("event: closed\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          return;
        } else {
          out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      streams.decrementAndGet();
    }
  }

  private void note(HttpExchange exchange, String nonce) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      text(exchange, 405, "notes are posted");
      return;
    }
    Map<String, String> query = form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
    if (access(query).filter(a -> a == BoardTokens.Access.OBSERVER).isEmpty()) {
      text(exchange, 403, "only the observer's link adds notes");
      return;
    }
    if (!sameOrigin(exchange)) {
      text(exchange, 403, "a note comes from the board's own page");
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_FORM_BYTES + 1);
    }
    if (body.length > MAX_FORM_BYTES) {
      text(exchange, 413, "a note is at most " + MAX_NOTE_CHARS + " characters");
      return;
    }
    Map<String, String> fields = form(new String(body, StandardCharsets.UTF_8));
    String text = fields.getOrDefault("text", "").strip();
    String author = fields.getOrDefault("author", "").strip();
    if (text.isEmpty() || text.length() > MAX_NOTE_CHARS || author.length() > MAX_AUTHOR_CHARS) {
      text(exchange, 400, "a note needs a text of at most " + MAX_NOTE_CHARS + " characters, and a name of at most "
          + MAX_AUTHOR_CHARS);
      return;
    }
    if (follower.journal().isEmpty()) {
      text(exchange, 409, "the run has not started yet: there is no journal to write to");
      return;
    }
    try {
      JournalNotes.append(follower.journal().get(), text, author.isEmpty() ? "board" : author, Instant.now(),
          System::getenv);
    } catch (JournalFormatException | IOException e) {
      text(exchange, 409, "the note could not be written: " + e.getMessage());
      return;
    }
    exchange.getResponseHeaders().set("Location", "/?token=" + tokens.observer());
    exchange.sendResponseHeaders(303, -1);
  }

  /** A browser says where a form was posted from: it must be this board, not a page elsewhere. */
  private static boolean sameOrigin(HttpExchange exchange) {
    String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("");
    Optional<String> origin = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Origin"))
        .filter(o -> !o.equals("null"));
    return origin.map(o -> o.equals("http://" + host)).orElse(true);
  }

  private Optional<BoardTokens.Access> access(Map<String, String> query) {
    return tokens.access(Optional.ofNullable(query.get("token")), Optional.ofNullable(query.get("view")));
  }

  /** The fields of a query or an urlencoded form; a name given twice keeps its first value. */
  static Map<String, String> form(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        // A malformed escape: the field is left out, as if not given.
      }
    }
    return fields;
  }

  private static void text(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", message + "\n");
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String resource(String name) {
    try (InputStream in = BoardServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the board's " + name + " is missing from drill's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
