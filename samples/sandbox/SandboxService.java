import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The drill sandbox: a small local service that sample drills start, break and repair for
 * real. One file, JDK only, no build step:
 *
 * <pre>
 *   java SandboxService.java [--port 18080] [--state DIR] [--disk-quota 5MB]
 * </pre>
 *
 * It listens on 127.0.0.1 only. In its state directory it keeps
 * <ul>
 *   <li>{@code sandbox.pid} — its pid, written once it is listening, removed on a clean stop;
 *   <li>{@code sandbox.log} — one line per request, plus {@code ERROR ...} lines for failures;
 *   <li>{@code data/} — its "disk": everything in it counts against {@code --disk-quota}.
 * </ul>
 *
 * Endpoints:
 * <pre>
 *   GET  /health                  200 {"status":"ok"}; 500 in errors mode; never answers in
 *                                 hang mode; 507 {"status":"disk full"} when data/ is full
 *   GET  /metrics                 Prometheus text format (sandbox_up, sandbox_requests_total,
 *                                 sandbox_errors_total, sandbox_disk_used_bytes, ...)
 *   POST /admin/break?mode=M      crash | hang | errors | fill-disk
 *   POST /admin/repair?mode=M     errors | hang (the disk is repaired by deleting data/ballast.bin)
 *   GET  /api/v1/query?query=NAME a tiny stand-in for Prometheus' instant-query API, for the
 *   GET  /api/v1/alerts           sandbox's own metrics and alerts (SandboxErrors, SandboxDiskFull)
 * </pre>
 *
 * SIGTERM (or Ctrl-C) stops it cleanly; {@code break crash} stops it the hard way, like
 * {@code kill -9}: exit status 137, pid file left behind.
 */
public final class SandboxService {

  enum Mode { OK, ERRORS, HANG }

  private static final String BALLAST = "ballast.bin";
  private static final long HANG_LIMIT_MS = 10 * 60 * 1000;

  private final int port;
  private final Path state;
  private final Path data;
  private final long quota;
  private final long pid = ProcessHandle.current().pid();
  private final Object modeLock = new Object();
  private volatile Mode mode = Mode.OK;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final Writer log;
  private HttpServer server;

  private SandboxService(int port, Path state, long quota) throws IOException {
    this.port = port;
    this.state = state;
    this.data = state.resolve("data");
    this.quota = quota;
    Files.createDirectories(data);
    this.log = Files.newBufferedWriter(state.resolve("sandbox.log"), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  public static void main(String[] args) {
    int port = 18080;
    String tmp = System.getenv().getOrDefault("TMPDIR", "/tmp");
    Path state = Path.of(tmp.isEmpty() ? "/tmp" : tmp, "drill-sandbox");
    long quota = 5L * 1024 * 1024;
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("-h") || arg.equals("--help")) {
          System.out.println("usage: java SandboxService.java [--port 18080] [--state DIR] [--disk-quota 5MB]");
          return;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("unknown or incomplete option: " + arg);
        }
        String value = args[++i];
        switch (arg) {
          case "--port": port = Integer.parseInt(value); break;
          case "--state": state = Path.of(value); break;
          case "--disk-quota": quota = parseSize(value); break;
          default: throw new IllegalArgumentException("unknown option: " + arg);
        }
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("sandbox: " + e.getMessage());
      System.err.println("usage: java SandboxService.java [--port 18080] [--state DIR] [--disk-quota 5MB]");
      System.exit(2);
    }
    try {
      new SandboxService(port, state.toAbsolutePath(), quota).start();
    } catch (BindException e) {
      System.err.println("sandbox: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
          + " (is another sandbox or program using the port?)");
      System.exit(1);
    } catch (IOException | IllegalStateException e) {
      System.err.println("sandbox: " + e.getMessage());
      System.exit(1);
    }
  }

  /** "5MB", "5m", "512k", "1048576": binary units. */
  static long parseSize(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
    long unit = 1;
    if (t.endsWith("k")) unit = 1024;
    if (t.endsWith("m")) unit = 1024 * 1024;
    if (t.endsWith("g")) unit = 1024 * 1024 * 1024;
    if (unit > 1) t = t.substring(0, t.length() - 1);
    try {
      long n = Long.parseLong(t) * unit;
      if (n <= 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a size: " + text + " (e.g. 5MB, 512k, 1048576)");
    }
  }

  private void start() throws IOException {
    Path pidFile = state.resolve("sandbox.pid");
    refuseIfRunning(pidFile);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sandbox-request");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
    // Written only once the server listens: a pid file means "answering".
    Path tmp = state.resolve("sandbox.pid.tmp");
    Files.writeString(tmp, pid + "\n");
    Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(pidFile), "sandbox-stop"));
    log("INFO", "started pid " + pid + " on http://127.0.0.1:" + port + ", state " + state
        + ", disk quota " + quota + " bytes");
    System.out.println("sandbox: listening on http://127.0.0.1:" + port + " (pid " + pid + ", state " + state + ")");
  }

  private void refuseIfRunning(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String text = Files.readString(pidFile).trim();
    try {
      long other = Long.parseLong(text);
      boolean running = ProcessHandle.of(other).filter(ProcessHandle::isAlive)
          .map(p -> p.info().commandLine().map(c -> c.contains("SandboxService")).orElse(true))
          .orElse(false);
      if (running && other != pid) {
        throw new IllegalStateException("already running with pid " + other + " for state " + state
            + " (stop it with bin/stop, or remove " + pidFile + " if that is not the sandbox)");
      }
    } catch (NumberFormatException e) {
      // garbage in the pid file: a stale file, overwritten below
    }
  }

  private void stop(Path pidFile) {
    log("INFO", "stopping (signal)");
    server.stop(0);
    try {
      if (Files.exists(pidFile) && Files.readString(pidFile).trim().equals(Long.toString(pid))) {
        Files.delete(pidFile);
      }
    } catch (IOException e) {
      log("WARN", "could not remove " + pidFile + ": " + e.getMessage());
    }
    log("INFO", "stopped");
  }

  // ---- requests ----

  private void handle(HttpExchange ex) throws IOException {
    long started = System.nanoTime();
    requests.incrementAndGet();
    String method = ex.getRequestMethod();
    URI uri = ex.getRequestURI();
    String path = uri.getPath();
    Reply reply;
    try (InputStream in = ex.getRequestBody()) {
      in.readAllBytes();
      if (path.equals("/health") || path.equals("/")) {
        reply = get(method) ? health(method + " " + path) : notAllowed("GET");
      } else if (path.equals("/metrics")) {
        reply = get(method) ? new Reply(200, "text/plain; version=0.0.4", metrics()) : notAllowed("GET");
      } else if (path.equals("/admin/break")) {
        reply = method.equals("POST") ? breakIt(query(uri).get("mode"), ex) : notAllowed("POST");
      } else if (path.equals("/admin/repair")) {
        reply = method.equals("POST") ? repair(query(uri).get("mode")) : notAllowed("POST");
      } else if (path.equals("/api/v1/query")) {
        reply = get(method) ? promQuery(query(uri).get("query")) : notAllowed("GET");
      } else if (path.equals("/api/v1/alerts")) {
        reply = get(method) ? promAlerts() : notAllowed("GET");
      } else {
        reply = json(404, "{\"error\":\"not found\"}");
      }
    } catch (RuntimeException e) {
      reply = json(500, "{\"error\":" + quote(String.valueOf(e)) + "}");
      log("ERROR", "serving 500 for " + method + " " + path + ": " + e);
    }
    if (reply.status >= 500) {
      errors.incrementAndGet();
    }
    byte[] body = reply.body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", reply.type);
    boolean empty = body.length == 0 || method.equals("HEAD");
    ex.sendResponseHeaders(reply.status, empty ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      if (!empty) {
        out.write(body);
      }
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    log(reply.status >= 500 ? "WARN" : "INFO", method + " " + uri + " " + reply.status + " " + ms + "ms");
    if (reply.after != null) {
      reply.after.run();
    }
  }

  private static boolean get(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  private Reply health(String request) {
    if (mode == Mode.HANG) {
      log("WARN", "hanging " + request + " (hang mode)");
      long until = System.currentTimeMillis() + HANG_LIMIT_MS;
      synchronized (modeLock) {
        while (mode == Mode.HANG && System.currentTimeMillis() < until) {
          try {
            modeLock.wait(1000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
    }
    if (mode == Mode.ERRORS) {
      log("ERROR", "serving 500 for " + request + " (errors mode)");
      return json(500, "{\"status\":\"error\"}");
    }
    long used = diskUsed();
    if (used >= quota) {
      log("ERROR", "disk full: " + used + " of " + quota + " bytes used in " + data);
      return json(507, "{\"status\":\"disk full\"}");
    }
    return json(200, "{\"status\":\"ok\"}");
  }

  private Reply breakIt(String what, HttpExchange ex) {
    if (what == null) {
      return json(400, "{\"error\":\"mode is required: crash, hang, errors or fill-disk\"}");
    }
    switch (what) {
      case "crash":
        log("WARN", "break crash: exiting hard with status 137 (like kill -9)");
        Reply r = json(202, "{\"status\":\"crashing\"}");
        r.after = () -> {
          try {
            log.flush();
          } catch (IOException ignored) {
            // exiting anyway
          }
          Runtime.getRuntime().halt(137);
        };
        return r;
      case "hang":
      case "errors":
        setMode(what.equals("hang") ? Mode.HANG : Mode.ERRORS);
        log("WARN", "break " + what + ": /health now " + (what.equals("hang") ? "hangs" : "fails with 500"));
        return json(200, "{\"status\":\"broken\",\"mode\":\"" + what + "\"}");
      case "fill-disk":
        return fillDisk();
      default:
        return json(400, "{\"error\":" + quote("unknown mode " + what + ": crash, hang, errors or fill-disk") + "}");
    }
  }

  private Reply repair(String what) {
    if ("errors".equals(what) || "hang".equals(what)) {
      Mode target = what.equals("hang") ? Mode.HANG : Mode.ERRORS;
      synchronized (modeLock) {
        boolean was = mode == target;
        if (was) {
          setMode(Mode.OK);
        }
        log("INFO", "repair " + what + (was ? ": back to normal" : ": was not broken that way, nothing to do"));
        return json(200, "{\"status\":\"" + (was ? "repaired" : "not broken") + "\",\"mode\":\"" + what + "\"}");
      }
    }
    if ("fill-disk".equals(what)) {
      return json(400, "{\"error\":" + quote("the disk is repaired by deleting " + data.resolve(BALLAST)) + "}");
    }
    return json(400, "{\"error\":\"mode is required: errors or hang\"}");
  }

  private void setMode(Mode m) {
    synchronized (modeLock) {
      mode = m;
      modeLock.notifyAll();
    }
  }

  /** Real disk use: a ballast file in data/ grows until the quota is reached. */
  private synchronized Reply fillDisk() {
    Path ballast = data.resolve(BALLAST);
    long missing = quota - diskUsed();
    try {
      if (missing > 0) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(ballast, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
          while (missing > 0) {
            int n = (int) Math.min(chunk.length, missing);
            out.write(chunk, 0, n);
            missing -= n;
          }
        }
      }
    } catch (IOException e) {
      log("ERROR", "fill-disk: " + e);
      return json(500, "{\"error\":" + quote("fill-disk failed: " + e.getMessage()) + "}");
    }
    long used = diskUsed();
    log("WARN", "break fill-disk: wrote " + ballast);
    log("ERROR", "disk full: " + used + " of " + quota + " bytes used in " + data);
    return json(200, "{\"status\":\"broken\",\"mode\":\"fill-disk\",\"ballast\":" + quote(ballast.toString())
        + ",\"used\":" + used + ",\"quota\":" + quota + "}");
  }

  private long diskUsed() {
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0; // deleted meanwhile
        }
      }).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  // ---- metrics ----

  private Map<String, Double> values() {
    Map<String, Double> v = new TreeMap<>();
    v.put("sandbox_up", 1.0);
    v.put("sandbox_requests_total", (double) requests.get());
    v.put("sandbox_errors_total", (double) errors.get());
    v.put("sandbox_disk_used_bytes", (double) diskUsed());
    v.put("sandbox_disk_quota_bytes", (double) quota);
    return v;
  }

  private String metrics() {
    Map<String, Double> v = values();
    StringBuilder out = new StringBuilder();
    metric(out, "sandbox_up", "gauge", "1 while the sandbox process runs", v);
    metric(out, "sandbox_requests_total", "counter", "Requests served since start", v);
    metric(out, "sandbox_errors_total", "counter", "Responses with a 5xx status since start", v);
    metric(out, "sandbox_disk_used_bytes", "gauge", "Bytes used in the data directory", v);
    metric(out, "sandbox_disk_quota_bytes", "gauge", "Size of the data directory's quota", v);
    out.append("# HELP sandbox_broken 1 for the mode the sandbox is broken in\n");
    out.append("# TYPE sandbox_broken gauge\n");
    for (Mode m : new Mode[] {Mode.ERRORS, Mode.HANG}) {
      out.append("sandbox_broken{mode=\"").append(m.name().toLowerCase(Locale.ROOT)).append("\"} ")
          .append(mode == m ? 1 : 0).append('\n');
    }
    return out.toString();
  }

  private static void metric(StringBuilder out, String name, String type, String help, Map<String, Double> v) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    out.append(name).append(' ').append(v.get(name).longValue()).append('\n');
  }

  private Reply promQuery(String q) {
    String name = q == null ? "" : q.trim();
    Double value = values().get(name);
    String result = value == null ? "" : "{\"metric\":{\"__name__\":\"" + name + "\"},\"value\":["
        + now() + ",\"" + value.longValue() + "\"]}";
    if (value == null && !name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      return json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
          + quote("the sandbox answers only bare metric names, e.g. sandbox_errors_total") + "}");
    }
    return json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}");
  }

  private Reply promAlerts() {
    StringBuilder alerts = new StringBuilder();
    if (mode == Mode.ERRORS) {
      alert(alerts, "SandboxErrors", "the sandbox serves 500s");
    }
    if (diskUsed() >= quota) {
      alert(alerts, "SandboxDiskFull", "the sandbox's data directory is full");
    }
    return json(200, "{\"status\":\"success\",\"data\":{\"alerts\":[" + alerts + "]}}");
  }

  private static void alert(StringBuilder out, String name, String summary) {
    if (out.length() > 0) out.append(',');
    out.append("{\"labels\":{\"alertname\":\"").append(name).append("\",\"severity\":\"page\"},")
        .append("\"annotations\":{\"summary\":").append(quote(summary)).append("},")
        .append("\"state\":\"firing\",\"activeAt\":\"").append(Instant.now()).append("\",\"value\":\"1e+00\"}");
  }

  private static String now() {
    return String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0);
  }

  // ---- plumbing ----

  private static final class Reply {
    final int status;
    final String type;
    final String body;
    Runnable after;

    Reply(int status, String type, String body) {
      this.status = status;
      this.type = type;
      this.body = body;
    }
  }

  private static Reply json(int status, String body) {
    return new Reply(status, "application/json", body + "\n");
  }

  private static Reply notAllowed(String allowed) {
    return json(405, "{\"error\":\"method not allowed, use " + allowed + "\"}");
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new TreeMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        params.put(java.net.URLDecoder.decode(k, StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(v, StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  private void log(String level, String message) {
    synchronized (log) {
      try {
        log.write(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + " " + String.format("%-5s", level) + " " + message + "\n");
        log.flush();
      } catch (IOException e) {
        System.err.println("sandbox: cannot write sandbox.log: " + e.getMessage());
      }
    }
  }
}
