package dev.drill.runtime.action;

import dev.drill.plan.Action;
import dev.drill.runtime.Bindings;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The actions that reach the world: {@code run} through a process, {@code http} through the
 * client. This only dispatches. Manual actions and waits are the run's own.
 */
public final class WorldActions implements ActionRunner {

  private final ProcessRunner processes;
  private final HttpRunner http;

  WorldActions(ProcessRunner processes, HttpRunner http) {
    this.processes = processes;
    this.http = http;
  }

  /** Actions for a run with these bindings, commands running in {@code directory} and in {@code groups}. */
  public static WorldActions of(Bindings bindings, Path directory, HttpClient client, ProcessGroups groups) {
    return new WorldActions(new ProcessRunner(bindings, directory, groups), new HttpRunner(client, bindings));
  }

  /** @throws IllegalArgumentException for manual and wait actions, which are the runner's own */
  @Override
  public ActionResult perform(Action action, Duration timeout) throws InterruptedException {
    return ActionVisitor.visit(action, new ActionVisitor<ActionResult, InterruptedException>() {
      @Override
      public ActionResult run(Action.Run run) throws InterruptedException {
        return processes.perform(run, timeout);
      }

      @Override
      public ActionResult http(Action.Http request) throws InterruptedException {
        return http.perform(request, timeout);
      }

      @Override
      public ActionResult manual(Action.Manual manual) {
        throw notForTheWorld(manual);
      }

      @Override
      public ActionResult waitFor(Action.Wait wait) {
        throw notForTheWorld(wait);
      }
    });
  }

  private static IllegalArgumentException notForTheWorld(Action action) {
    return new IllegalArgumentException("not an action for the world: " + action.getClass().getSimpleName());
  }
}
