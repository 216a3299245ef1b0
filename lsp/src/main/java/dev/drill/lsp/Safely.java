package dev.drill.lsp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;

/**
 * Where a request's failure stops: logged to stderr (stdout is the protocol), and answered
 * with an empty result, so that one bad request never takes the server down. A refusal meant
 * for the client (a rename to a name drill does not accept) passes through.
 */
final class Safely {

  private Safely() {}

  static <T> T get(String request, T empty, Supplier<T> answer) {
    try {
      return answer.get();
    } catch (org.eclipse.lsp4j.jsonrpc.ResponseErrorException refused) {
      throw refused;
    } catch (RuntimeException | StackOverflowError e) {
      log(request, e);
      return empty;
    }
  }

  static void run(String request, Runnable work) {
    get(request, null, () -> {
      work.run();
      return null;
    });
  }

  static void log(String message) {
    System.err.println("drill lsp: " + message);
  }

  private static void log(String request, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    log(request + " failed: " + trace);
  }
}
