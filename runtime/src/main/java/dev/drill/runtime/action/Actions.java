package dev.drill.runtime.action;

import dev.drill.plan.Action;
import dev.drill.runtime.Bindings;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/** The actions that reach the world: {@code run} through a process, {@code http} through the client. */
public final class Actions implements ActionRunner {

  private final ProcessRunner processes;
  private final HttpRunner http;

  public Actions(ProcessRunner processes, HttpRunner http) {
    this.processes = processes;
    this.http = http;
  }

  /** Actions for a run with these bindings, commands running in {@code directory} and in {@code groups}. */
  public static Actions of(Bindings bindings, Path directory, HttpClient client, ProcessGroups groups) {
    return new Actions(new ProcessRunner(bindings, directory, groups), new HttpRunner(client, bindings));
  }

  /** @throws IllegalArgumentException for manual and wait actions, which are the runner's own */
  @Override
  public ActionResult perform(Action action, Duration timeout) throws InterruptedException {
    if (action instanceof Action.Run) {
      return processes.perform((Action.Run) action, timeout);
    }
    if (action instanceof Action.Http) {
      return http.perform((Action.Http) action, timeout);
    }
    throw new IllegalArgumentException("not an action for the world: " + action.getClass().getSimpleName());
  }
}
