package dev.drill.runtime.report;

import dev.drill.plan.Plan;
import dev.drill.runtime.journal.Fact;
import dev.drill.runtime.journal.JournalEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report's "Who" table: each role of the drill and who held it, from the journal's {@code roster} event. */
final class Who {

  private Who() {}

  /**
   * Every role the plan declares, in its order, with its holder or nobody; then any role the
   * roster names that the plan does not (a journal from elsewhere). Empty without a roster.
   */
  static List<RunReport.Holder> of(Optional<JournalEvent> roster, Optional<Plan> plan) {
    if (roster.isEmpty()) {
      return List.of();
    }
    Map<String, String> holders = new LinkedHashMap<>(roster.get().get(Fact.HOLDERS).orElse(Map.of()));
    List<RunReport.Holder> who = new ArrayList<>();
    for (Plan.Role role : plan.map(Plan::roles).orElse(List.of())) {
      who.add(new RunReport.Holder(role.id(), role.description().orElse(""),
          Optional.ofNullable(holders.remove(role.id()))));
    }
    holders.forEach((role, person) -> who.add(new RunReport.Holder(role, "", Optional.of(person))));
    return who;
  }
}
