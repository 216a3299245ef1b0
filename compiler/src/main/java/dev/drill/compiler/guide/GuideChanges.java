package dev.drill.compiler.guide;

import dev.drill.compiler.guide.GuideMarkers.Marker;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanFingerprint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a drill since its guide was generated, for a stale fingerprint (D603): the
 * hash in each step, verification, signal and check marker of the guide against the plan.
 */
final class GuideChanges {

  private static final Set<MarkerKind> PARTS =
      EnumSet.of(MarkerKind.STEP, MarkerKind.VERIFY, MarkerKind.SIGNAL, MarkerKind.CHECK);

  private GuideChanges() {}

  /** Such as {@code step 'failover' changed}, {@code signal 'alert' is new}, in plan order, then what was removed. */
  static List<String> between(Plan plan, GuideLayout guide) {
    Map<String, String> now = new LinkedHashMap<>();
    plan.phase(Phase.Recover.class).map(Phase.Recover::steps).orElse(List.of()).forEach(s -> {
      now.put(MarkerKind.STEP.part(s.id()), PlanFingerprint.ofPart(s));
      s.verify().ifPresent(v -> now.put(MarkerKind.VERIFY.part(s.id()), PlanFingerprint.ofPart(v)));
    });
    plan.phase(Phase.Detect.class).ifPresent(d -> d.signals()
        .forEach(s -> now.put(MarkerKind.SIGNAL.part(s.id()), PlanFingerprint.ofPart(s))));
    plan.phase(Phase.Steady.class).ifPresent(d -> d.checks()
        .forEach(c -> now.put(MarkerKind.CHECK.part(c.id()), PlanFingerprint.ofPart(c))));
    Map<String, String> then = new LinkedHashMap<>();
    for (Marker m : guide.allMarkers()) {
      if (PARTS.contains(m.kind())) {
        then.put(m.kind().part(m.arg(0)), m.arg(1));
      }
    }
    List<String> changes = new ArrayList<>();
    now.forEach((part, hash) -> {
      if (!then.containsKey(part)) {
        changes.add(part + " is new");
      } else if (!then.get(part).equals(hash)) {
        changes.add(part + " changed");
      }
    });
    then.keySet().stream().filter(part -> !now.containsKey(part)).forEach(part -> changes.add(part + " was removed"));
    if (changes.isEmpty()) {
      changes.add("a part without a marker of its own changed (metadata, budgets, comms, abort, rollback, setup or debrief)");
    }
    return changes;
  }
}
