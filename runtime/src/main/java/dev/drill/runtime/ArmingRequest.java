package dev.drill.runtime;

import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanText;
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

/**
 * {@code drill run}'s unannounced start as given on the command line ({@code --start-within},
 * {@code --start-between}, {@code --not-during}, {@code --seed}, {@code --reveal}), read into
 * an {@link Arming}: the window, less the blackouts, and the moment the seed draws in it.
 */
public record ArmingRequest(
    Optional<String> within, Optional<String> between, List<String> notDuring, Optional<Long> seed, boolean reveal) {

  public ArmingRequest {
    notDuring = List.copyOf(notDuring);
  }

  /** A normal run (neither an arming nor problems), an armed one, or problems (usage errors, each in words). */
  public record Resolved(Optional<Arming> arming, List<String> problems) {
    public Resolved {
      problems = List.copyOf(problems);
    }
  }

  /** The arming the options ask for, its window from now in the local zone. */
  public Resolved resolve(Plan plan, Instant now, ZoneId zone) {
    String within = this.within.orElse(null);
    String between = this.between.orElse(null);
    Long seed = this.seed.orElse(null);
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
    Optional<Duration> length = Optional.ofNullable(within).flatMap(PlanText::parseDuration);
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
