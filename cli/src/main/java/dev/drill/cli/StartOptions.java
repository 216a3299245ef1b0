package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Values;
import dev.drill.plan.Plan;
import dev.drill.runtime.ArmingRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** drill run's unannounced start: the window, the blackouts, the seed, and whether the console may know the moment. */
final class StartOptions {

  /** Adds these options to {@code command}, whose values then read into a {@code StartOptions}. */
  static CommandSpec addTo(CommandSpec command) {
    return command
        .option(Option.string("--start-within", "DURATION",
            "arm the drill: the fault starts at an unannounced moment within this long from now (2h, 45m)"))
        .option(Option.string("--start-between", "HH:MM-HH:MM",
            "arm the drill: the fault starts at an unannounced moment in the next occurrence of these"
                + " local hours (from now to their end when they are under way)"))
        .option(Option.string("--not-during", "HH:MM-HH:MM",
            "a daily blackout, local time, may cross midnight: the fault never starts in it (repeatable)")
            .repeatable())
        .option(Option.longNumber("--seed", "N", "draw the start moment from this seed (reproducible;"
            + " default: a random one, recorded when the fault starts)"))
        .option(Option.flag("--reveal", "show the start moment and a countdown on this console (responders"
            + " may watch it: by default it shows only that the drill is armed, and for which window)"));
  }

  private final Optional<String> within;
  private final Optional<String> between;
  private final List<String> notDuring;
  private final Optional<Long> seed;
  final boolean reveal;

  StartOptions(Values args) {
    within = args.string("--start-within");
    between = args.string("--start-between");
    notDuring = args.strings("--not-during");
    seed = args.longNumber("--seed");
    reveal = args.flag("--reveal");
  }

  /** What the options ask for: a normal run, an armed one, or usage errors. */
  ArmingRequest.Resolved resolve(Plan plan, Instant now, ZoneId zone) {
    return new ArmingRequest(within, between, notDuring, seed, reveal).resolve(plan, now, zone);
  }
}
