package dev.drill.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The signals that stop a run, each told apart: Ctrl-C (SIGINT), SIGTERM (a service manager,
 * {@code kill}), SIGHUP (the terminal went away). While installed they no longer end the
 * JVM: each is handed to the run, which records it, stops and rolls back, and every one after
 * the first is recorded too while the rollback goes on. Only SIGKILL ends a run early; the
 * commands' watchdog covers that (see {@code ProcessGroups}).
 *
 * <p>A signal the JVM started with ignored (a background job of a non-interactive shell
 * ignores SIGINT, {@code nohup} ignores SIGHUP) stays ignored.
 */
final class StopSignals implements AutoCloseable {

  private record Installed(Signal signal, SignalHandler previous) {}

  private static final List<String[]> SIGNALS = List.of(
      new String[] {"INT", "interrupted (Ctrl-C)"},
      new String[] {"TERM", "terminated (SIGTERM)"},
      new String[] {"HUP", "hung up (SIGHUP: the terminal closed)"});

  private final List<Installed> installed = new ArrayList<>();

  private StopSignals() {}

  /** Hands each stop signal to {@code stop} (its name, such as {@code SIGINT}, and the reason) until closed. */
  static StopSignals install(BiConsumer<String, String> stop) {
    StopSignals signals = new StopSignals();
    for (String[] each : SIGNALS) {
      Signal signal = new Signal(each[0]);
      String name = "SIG" + each[0];
      String reason = each[1];
      try {
        SignalHandler previous = Signal.handle(signal, s -> stop.accept(name, reason));
        if (previous == SignalHandler.SIG_IGN) {
          Signal.handle(signal, SignalHandler.SIG_IGN);
        } else {
          signals.installed.add(new Installed(signal, previous));
        }
      } catch (IllegalArgumentException e) {
        // The signal is the JVM's own on this platform: it keeps its meaning.
      }
    }
    return signals;
  }

  @Override
  public void close() {
    for (Installed each : installed) {
      Signal.handle(each.signal(), each.previous());
    }
    installed.clear();
  }
}
