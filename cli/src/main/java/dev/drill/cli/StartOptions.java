package dev.drill.cli;

import dev.drill.plan.Plan;
import dev.drill.runtime.ArmingRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** drill run's unannounced start: the window, the blackouts, the seed, and whether the console may know the moment. */
final class StartOptions {

  @Option(names = "--start-within", paramLabel = "DURATION",
      description = "arm the drill: the fault starts at an unannounced moment within this long from now (2h, 45m)")
  String within;

  @Option(names = "--start-between", paramLabel = "HH:MM-HH:MM",
      description = "arm the drill: the fault starts at an unannounced moment in the next occurrence of these"
          + " local hours (from now to their end when they are under way)")
  String between;

  @Option(names = "--not-during", paramLabel = "HH:MM-HH:MM",
      description = "a daily blackout, local time, may cross midnight: the fault never starts in it (repeatable)")
  List<String> notDuring = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "draw the start moment from this seed (reproducible;"
      + " default: a random one, recorded when the fault starts)")
  Long seed;

  @Option(names = "--reveal", description = "show the start moment and a countdown on this console (responders"
      + " may watch it: by default it shows only that the drill is armed, and for which window)")
  boolean reveal;

  /** What the options ask for: a normal run, an armed one, or usage errors. */
  ArmingRequest.Resolved resolve(Plan plan, Instant now, ZoneId zone) {
    return new ArmingRequest(Optional.ofNullable(within), Optional.ofNullable(between), notDuring,
        Optional.ofNullable(seed), reveal).resolve(plan, now, zone);
  }
}
