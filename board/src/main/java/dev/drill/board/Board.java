package dev.drill.board;

import com.sun.net.httpserver.HttpServer;
import dev.drill.runtime.journal.Event;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live drill board: a small web server that follows a run's journal and shows the room
 * where the drill stands, updated as events are written. Two links: the observer's (it can
 * add notes to the journal) and a read-only one; each carries a random token of its own, and
 * a request with neither is refused. {@code drill run --board} and {@code drill board} both
 * use it; see docs/board.md.
 */
public final class Board implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads;
  private final BoardFeed feed;
  private final JournalFollower follower;
  private final URI observer;
  private final URI readOnly;

  private Board(HttpServer server, ExecutorService threads, BoardFeed feed, JournalFollower follower,
      URI observer, URI readOnly) {
    this.server = server;
    this.threads = threads;
    this.feed = feed;
    this.follower = follower;
    this.observer = observer;
    this.readOnly = readOnly;
  }

  /**
   * Starts serving on {@code address}, showing a run that has not started until
   * {@link #follow} names its journal.
   *
   * @throws IOException when the address cannot be bound (taken, not this machine's)
   */
  public static Board start(BoardAddress address) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address.host()),
        address.port()), 16);
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "drill-board");
      t.setDaemon(true);
      return t;
    });
    BoardFeed feed = new BoardFeed();
    JournalFollower follower = new JournalFollower(feed);
    BoardTokens tokens = new BoardTokens(token(), token());
    BoardServer.routes(server, tokens, feed, follower);
    server.setExecutor(threads);
    server.start();
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName()
        : bound.getAddress().getHostAddress();
    String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/";
    return new Board(server, threads, feed, follower, URI.create(base + "?token=" + tokens.observer()),
        URI.create(base + "?view=" + tokens.readOnly()));
  }

  /** Why {@code journal} cannot be shown, if so: it cannot be read, or does not start with {@code run-started}. */
  public static Optional<String> unreadable(Path journal) {
    try {
      List<JournalEvent> events = JournalReader.read(journal).events();
      return events.isEmpty() || events.get(0).is(Event.RUN_STARTED) ? Optional.empty()
          : Optional.of(journal + " is not a drill journal: it does not start with a run-started event");
    } catch (IOException e) {
      return Optional.of("cannot read " + journal + ": " + e.getMessage());
    }
  }

  /** The observer's link: the page with the note form. */
  public URI observerLink() {
    return observer;
  }

  /** The link for those who only watch: the same page, no form, and writes refused. */
  public URI readOnlyLink() {
    return readOnly;
  }

  /** Follows {@code journal} from now on: as it grows (the run, notes), every open board updates. */
  public void follow(Path journal) {
    follower.start(journal);
  }

  /** Shows every open board the journal's last state, then stops serving. */
  @Override
  public void close() {
    follower.stop();
    feed.close();
    server.stop(1);
    threads.shutdownNow();
  }

  /** 32 random bytes, URL-safe. */
  private static String token() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
