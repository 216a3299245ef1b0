import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Talks to the drill sandbox, so its scripts and drills need nothing but Java (no curl):
 *
 * <pre>
 *   java SandboxCtl.java health        [--port N] [--timeout 2s]
 *   java SandboxCtl.java wait-up       [--port N] [--timeout 20s] [--pid N]
 *   java SandboxCtl.java wait-healthy  [--port N] [--timeout 20s] [--pid N]
 *   java SandboxCtl.java break  crash|hang|errors|fill-disk [--port N]
 *   java SandboxCtl.java repair errors|hang                 [--port N]
 *   java SandboxCtl.java metrics       [--port N]
 * </pre>
 *
 * The port defaults to $SANDBOX_PORT, else 18080. {@code wait-up} waits until /health
 * answers at all, {@code wait-healthy} until it answers 200; with {@code --pid} both give
 * up as soon as that process is gone.
 *
 * Exit status: 0 as expected (2xx, or 200 for health); 1 an answer that is not; 2 usage;
 * 3 no answer at all (nothing listening, or no reply within the timeout).
 */
public final class SandboxCtl {

  static final int OK = 0, UNEXPECTED = 1, USAGE = 2, NO_ANSWER = 3;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    List<String> words = new ArrayList<>();
    String env = System.getenv("SANDBOX_PORT");
    int port = 18080;
    long timeoutMs = -1;
    long pid = -1;
    try {
      if (env != null && !env.isEmpty()) port = Integer.parseInt(env);
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port": port = Integer.parseInt(value(args, ++i, "--port")); break;
          case "--timeout": timeoutMs = millis(value(args, ++i, "--timeout")); break;
          case "--pid": pid = Long.parseLong(value(args, ++i, "--pid")); break;
          case "-h": case "--help": usage(); return OK;
          default:
            if (args[i].startsWith("--")) throw new IllegalArgumentException("unknown option " + args[i]);
            words.add(args[i]);
        }
      }
      if (words.isEmpty()) throw new IllegalArgumentException("no command given");
    } catch (IllegalArgumentException e) {
      System.err.println("sandboxctl: " + e.getMessage());
      usage();
      return USAGE;
    }
    String command = words.get(0);
    String mode = words.size() > 1 ? words.get(1) : null;
    int expectedWords = command.equals("break") || command.equals("repair") ? 2 : 1;
    if (words.size() != expectedWords) {
      System.err.println("sandboxctl: " + command + (expectedWords == 2 ? " takes a mode" : " takes no argument"));
      usage();
      return USAGE;
    }
    switch (command) {
      case "health":
        return once("GET", "/health", port, timeoutMs < 0 ? 2000 : timeoutMs, true);
      case "metrics":
        return once("GET", "/metrics", port, timeoutMs < 0 ? 2000 : timeoutMs, false);
      case "break":
        return once("POST", "/admin/break?mode=" + java.net.URLEncoder.encode(mode, StandardCharsets.UTF_8), port, timeoutMs < 0 ? 10000 : timeoutMs, false);
      case "repair":
        return once("POST", "/admin/repair?mode=" + java.net.URLEncoder.encode(mode, StandardCharsets.UTF_8), port, timeoutMs < 0 ? 10000 : timeoutMs, false);
      case "wait-up":
        return await(port, timeoutMs < 0 ? 20000 : timeoutMs, pid, false);
      case "wait-healthy":
        return await(port, timeoutMs < 0 ? 20000 : timeoutMs, pid, true);
      default:
        System.err.println("sandboxctl: unknown command " + command);
        usage();
        return USAGE;
    }
  }

  private static int once(String method, String path, int port, long timeoutMs, boolean need200) {
    try {
      Response r = request(method, path, port, timeoutMs);
      System.out.println(path.equals("/metrics") && r.status == 200 ? r.body.strip() : r.status + " " + r.body.strip());
      boolean ok = need200 ? r.status == 200 : r.status / 100 == 2;
      return ok ? OK : UNEXPECTED;
    } catch (IOException e) {
      System.out.println("no answer from 127.0.0.1:" + port + path + ": " + reason(e));
      return NO_ANSWER;
    }
  }

  private static int await(int port, long timeoutMs, long pid, boolean need200) {
    long start = System.nanoTime();
    long deadline = start + timeoutMs * 1_000_000;
    String last = "nothing tried";
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      try {
        Response r = request("GET", "/health", port, Math.max(100, Math.min(1000, left)));
        last = r.status + " " + r.body.strip();
        if (!need200 || r.status == 200) {
          System.out.printf(Locale.ROOT, "%s after %.1fs%n", last, (System.nanoTime() - start) / 1e9);
          return OK;
        }
      } catch (IOException e) {
        last = "no answer: " + reason(e);
      }
      if (pid > 0 && !alive(pid)) {
        System.out.println("the sandbox process (pid " + pid + ") is gone; last: " + last);
        return UNEXPECTED;
      }
      if (System.nanoTime() >= deadline) {
        System.out.printf(Locale.ROOT, "127.0.0.1:%d/health not %s within %.0fs; last: %s%n", port,
            need200 ? "healthy (200)" : "answering", timeoutMs / 1000.0, last);
        return UNEXPECTED;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return UNEXPECTED;
      }
    }
  }

  /** Alive and not a zombie (a child that died but was not yet reaped by the shell that started it). */
  private static boolean alive(long pid) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return true; // no /proc (macOS): isAlive is all we know
    }
  }

  // ---- a minimal HTTP/1.1 client: no java.net.http, so the JVM starts fast ----

  static final class Response {
    final int status;
    final String body;

    Response(int status, String body) {
      this.status = status;
      this.body = body;
    }
  }

  static Response request(String method, String path, int port, long timeoutMs) throws IOException {
    int timeout = (int) Math.max(1, timeoutMs);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeout);
      socket.setSoTimeout(timeout);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) >= 0; ) {
        all.write(buf, 0, n);
      }
      String text = all.toString(StandardCharsets.UTF_8);
      int lineEnd = text.indexOf("\r\n");
      String[] statusLine = (lineEnd < 0 ? text : text.substring(0, lineEnd)).split(" ");
      if (text.isEmpty()) {
        throw new IOException("connection closed without an answer");
      }
      if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP answer");
      }
      int headersEnd = text.indexOf("\r\n\r\n");
      String body = headersEnd < 0 ? "" : text.substring(headersEnd + 4);
      return new Response(Integer.parseInt(statusLine[1]), body);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof ConnectException) return "connection refused (is the sandbox running?)";
    if (e instanceof SocketTimeoutException) return "no reply in time (is it hanging?)";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  /** "20s", "500ms", "1m", or plain seconds. */
  static long millis(String text) {
    try {
      if (text.endsWith("ms")) return Long.parseLong(text.substring(0, text.length() - 2));
      if (text.endsWith("s")) return Long.parseLong(text.substring(0, text.length() - 1)) * 1000;
      if (text.endsWith("m")) return Long.parseLong(text.substring(0, text.length() - 1)) * 60_000;
      return Long.parseLong(text) * 1000;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration: " + text + " (e.g. 20s, 500ms, 1m)");
    }
  }

  private static void usage() {
    System.err.println(String.join("\n",
        "usage: java SandboxCtl.java health        [--port N] [--timeout 2s]",
        "       java SandboxCtl.java wait-up       [--port N] [--timeout 20s] [--pid N]",
        "       java SandboxCtl.java wait-healthy  [--port N] [--timeout 20s] [--pid N]",
        "       java SandboxCtl.java break  crash|hang|errors|fill-disk [--port N]",
        "       java SandboxCtl.java repair errors|hang                 [--port N]",
        "       java SandboxCtl.java metrics       [--port N]",
        "exit: 0 as expected, 1 an unexpected answer, 2 usage, 3 no answer"));
  }
}
