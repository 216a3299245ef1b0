package dev.drill.cli;

import dev.drill.compiler.ast.Durations;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.runtime.start.Arming;
import dev.drill.runtime.start.ClockRange;
import dev.drill.runtime.start.StartWindow;
import java.security.SecureRandom;
import java.time.Duration;
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

  /** What the options ask for: a normal run, an armed one, or problems (usage errors, each in words). */
  record Resolved(Optional<Arming> arming, List<String> problems) {}

  Resolved resolve(Plan plan, Instant now, ZoneId zone) {
    List<String> problems = new ArrayList<>();
    boolean armed = within != null || between != null;
    if (within != null && between != null) {
      problems.add("--start-within and --start-between both give the start window; give one");
    }
    if (!armed) {
      if (!notDuring.isEmpty() || seed != null || reveal) {
        problems.add((!notDuring.isEmpty() ? "--not-during" : seed != null ? "--seed" : "--reveal")
            + " is for an unannounced start; add --start-within DURATION or --start-between HH:MM-HH:MM");
      }
      return new Resolved(Optional.empty(), problems);
    }
    if (plan.phase(Phase.Inject.class).map(i -> i.steps().isEmpty()).orElse(true)) {
      problems.add("drill '" + plan.id() + "' has no inject step: there is no fault to start unannounced");
    }
    List<ClockRange> blackouts = new ArrayList<>();
    for (String text : notDuring) {
      ClockRange.parse(text).ifPresentOrElse(blackouts::add, () -> problems.add("--not-during '" + text
          + "' is not a daily range of local time such as 22:00-06:00"));
    }
    Optional<Duration> length = Optional.ofNullable(within).flatMap(Durations::parse);
    if (within != null && length.filter(d -> !d.isZero()).isEmpty()) {
      problems.add("--start-within '" + within + "' is not a duration such as 2h or 45m");
    }
    Optional<ClockRange> hours = Optional.ofNullable(between).flatMap(ClockRange::parse);
    if (between != null && hours.isEmpty()) {
      problems.add("--start-between '" + between + "' is not a range of local time such as 10:30-12:00");
    }
    if (!problems.isEmpty()) {
      return new Resolved(Optional.empty(), problems);
    }
    StartWindow window = length.isPresent() ? StartWindow.within(length.get(), now, blackouts, zone)
        : StartWindow.between(hours.get(), now, blackouts, zone);
    long drawn = seed != null ? seed : new SecureRandom().nextLong();
    Optional<Arming> arming = Arming.of(window, drawn);
    if (arming.isEmpty()) {
      problems.add("no moment is left to start in: the blackouts cover the whole window " + window.describe());
    }
    return new Resolved(arming, problems);
  }
}
