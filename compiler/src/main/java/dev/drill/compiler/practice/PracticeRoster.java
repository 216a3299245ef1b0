package dev.drill.compiler.practice;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.library.Library;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code drill roster}: who held which role in which drill of the library, and when last,
 * from the rosters of the run results; and the onboarding list, each person with the roles
 * the library's drills declare that they never held. Results of drills not in the library
 * are left out, as {@code drill list} leaves them out; every outcome counts (a failed run
 * was practice in the role all the same).
 */
public final class PracticeRoster {

  /** People, roles and drills in this order, so the same results always print the same. */
  private static final Comparator<String> ORDER =
      Comparator.comparing((String s) -> s.toLowerCase(java.util.Locale.ROOT)).thenComparing(Comparator.naturalOrder());

  private PracticeRoster() {}

  /** A person held a role in a drill, last on that UTC date. */
  public record Held(String person, String role, String drill, LocalDate last) {}

  /** A role of the library that a person never held. */
  public record NeverHeld(String person, String role) {

    /** {@code bob has never been commander}. */
    public String sentence() {
      return person + " has never been " + role;
    }
  }

  /** The matrix, by person, role and drill, and the onboarding list, by person and role. */
  public record Roster(List<String> people, List<String> roles, List<Held> held, List<NeverHeld> neverHeld) {
    public Roster {
      people = List.copyOf(people);
      roles = List.copyOf(roles);
      held = List.copyOf(held);
      neverHeld = List.copyOf(neverHeld);
    }
  }

  /** The roster of the drills given, from the results under {@code resultsDir}. */
  public static Roster of(List<DrillFiles.Found> drills, Path resultsDir) throws PracticeList.Unreadable {
    Set<String> ids = new TreeSet<>(ORDER);
    Set<String> roles = new TreeSet<>(ORDER);
    Library library = Library.session();
    for (DrillFiles.Found drill : drills) {
      CompileResult compiled;
      try {
        compiled = DrillCompiler.compile(drill.path(), drill.displayPath(), library);
      } catch (IOException e) {
        throw new PracticeList.Unreadable(drill.displayPath(), e);
      }
      compiled.plan().ifPresent(plan -> {
        ids.add(plan.id());
        plan.roles().stream().map(Plan.Role::id).forEach(roles::add);
      });
    }
    // person -> role -> drill -> last date
    Map<String, Map<String, Map<String, LocalDate>>> last = new TreeMap<>(ORDER);
    for (LoadedResult loaded : ResultStore.load(resultsDir).results()) {
      if (ids.contains(loaded.result().drill())) {
        LocalDate date = PracticeFreshness.date(loaded);
        loaded.result().roster().forEach((role, person) -> last
            .computeIfAbsent(person, p -> new TreeMap<>(ORDER))
            .computeIfAbsent(role, r -> new TreeMap<>(ORDER))
            .merge(loaded.result().drill(), date, (a, b) -> a.isAfter(b) ? a : b));
      }
    }
    List<Held> held = new ArrayList<>();
    List<NeverHeld> neverHeld = new ArrayList<>();
    last.forEach((person, byRole) -> {
      byRole.forEach((role, byDrill) -> byDrill.forEach((drill, date) -> held.add(new Held(person, role, drill, date))));
      roles.stream().filter(role -> !byRole.containsKey(role)).forEach(role -> neverHeld.add(new NeverHeld(person, role)));
    });
    return new Roster(List.copyOf(last.keySet()), List.copyOf(roles), held, neverHeld);
  }
}
