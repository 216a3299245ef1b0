package dev.drill.runtime;

import dev.drill.plan.Plan;
import dev.drill.plan.PlanFingerprint;
import dev.drill.plan.PlanFormatException;
import dev.drill.plan.PlanJson;
import dev.drill.plan.PlanValidator;
import java.util.List;

/**
 * A plan file made ready to run: read, its fingerprint held to its content (unless forced:
 * the fingerprint is an integrity check, not a signature), and its content held to what the
 * compiler guarantees, always: a plan decides nothing the compiler would not let it.
 */
public final class PlanLoader {

  private PlanLoader() {}

  /** A plan that may run, or why not. */
  public sealed interface Loaded {
    record Ready(Plan plan) implements Loaded {}

    record Refused(String reason) implements Loaded {}
  }

  /**
   * @param shown the file's name as the user wrote it, for messages
   * @param force run a plan whose fingerprint does not match its content (edited by hand)
   */
  public static Loaded fromJson(String shown, String json, boolean force) {
    Plan plan;
    try {
      plan = PlanJson.read(json);
    } catch (PlanFormatException e) {
      return new Loaded.Refused(shown + ": " + e.getMessage());
    }
    if (!force && !PlanFingerprint.matches(plan)) {
      return new Loaded.Refused(shown + " was edited by hand: its fingerprint " + plan.fingerprint()
          + " does not match its content (" + PlanFingerprint.of(plan) + "); recompile the drill, or run it"
          + " anyway with --force");
    }
    return checked(shown, plan);
  }

  /**
   * The plan, if it holds to what the compiler guarantees (a compiled plan does; one from a
   * journal or a file may not); else every problem, one per line.
   */
  public static Loaded checked(String shown, Plan plan) {
    List<String> problems = PlanValidator.problems(plan);
    if (problems.isEmpty()) {
      return new Loaded.Ready(plan);
    }
    return new Loaded.Refused(shown + " is not a plan drill can run (--force does not change that):\n  "
        + String.join("\n  ", problems));
  }
}
