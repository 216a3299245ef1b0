package dev.drill.runtime;

import dev.drill.plan.CommsDuty;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who holds which role of the drill during a run ({@code --role commander=alice}): role id
 * to person, in the order named. A person may hold several roles; a role has one person.
 */
public record Roster(Map<String, String> holders) {

  public Roster {
    holders = Collections.unmodifiableMap(new LinkedHashMap<>(holders));
  }

  /** Nobody named. */
  public static Roster nobody() {
    return new Roster(Map.of());
  }

  /**
   * The roles a recovery step ({@code by}) or a comms duty is for that nobody holds, in the
   * order the plan declares its roles: someone should, or the step waits for nobody.
   */
  public List<String> unheld(Plan plan) {
    Set<String> used = new LinkedHashSet<>();
    plan.phase(Phase.Recover.class).ifPresent(recover -> recover.steps().forEach(s -> s.role().ifPresent(used::add)));
    plan.phase(Phase.Comms.class).ifPresent(comms -> comms.duties().stream().map(CommsDuty::role).forEach(used::add));
    return plan.roles().stream().map(Plan.Role::id)
        .filter(role -> used.contains(role) && !holders.containsKey(role)).toList();
  }
}
