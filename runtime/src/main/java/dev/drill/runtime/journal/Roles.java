package dev.drill.runtime.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@code roster} event in words, as the console and the report's timeline say it. */
public final class Roles {

  private Roles() {}

  /** {@code commander Alice Martin, scribe bob; nobody holds operator}. */
  public static String held(JournalEvent roster) {
    List<String> held = new ArrayList<>();
    roster.get(Fact.HOLDERS).orElse(Map.of()).forEach((role, person) -> held.add(role + " " + person));
    List<String> unheld = roster.get(Fact.UNHELD).orElse(List.of());
    return (held.isEmpty() ? "none" : String.join(", ", held))
        + (unheld.isEmpty() ? "" : "; nobody holds " + String.join(", ", unheld));
  }
}
