package dev.drill.runtime;

import dev.drill.plan.Plan;
import dev.drill.plan.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run works and writes. Its commands run in the drill's directory: a {@code .drill}
 * file's own, or for a plan file the directory its plan records ({@link Plan#directory()},
 * relative to the project root), found from the plan file's project (else the working
 * directory's), so a plan compiled into {@code plans/} still runs beside its drill. Its
 * journal and result go under {@code drill-runs/} and {@code drill-results/} at the project
 * root (the working directory when there is no project), wherever the command is run from;
 * a directory given on the command line stays as it was written (relative to the working
 * directory).
 */
public final class RunPlaces {

  /** The journals directory when none is given, at the project root. */
  public static final String JOURNALS = "drill-runs";
  /** The results directory when none is given, at the project root. */
  public static final String RESULTS = "drill-results";

  private RunPlaces() {}

  /** Where the commands run, and where the journal and the result go. */
  public record Places(Path workdir, Path journals, Path results) {}

  /** The places of a run, or why the drill's directory cannot be found (nothing may run then). */
  public sealed interface Found {
    record Ready(Places places) implements Found {}

    record Refused(String reason) implements Found {}
  }

  /**
   * @param file the {@code .drill} file or plan file being run, as given
   * @param shown how to name it in a message
   * @param journals {@code --journal}, when given
   * @param results {@code --results}, when given
   */
  public static Found of(Path file, String shown, Plan plan, Optional<Path> journals, Optional<Path> results) {
    Path fileDir = file.toAbsolutePath().normalize().getParent();
    Optional<Path> root = ProjectRoot.enclosing(fileDir);
    Path workdir = fileDir;
    if (plan.directory().isPresent()) {
      String directory = plan.directory().get();
      root = root.or(() -> ProjectRoot.enclosing(Path.of("")));
      if (root.isEmpty()) {
        return new Found.Refused(shown + " runs its commands in its drill's directory, '" + directory + "' in the"
            + " drill's project, but neither " + shown + " nor the working directory is in a project (a directory"
            + " holding .git); run it from inside the drill's project");
      }
      workdir = root.get().resolve(directory).normalize();
      if (!workdir.startsWith(root.get()) || !Files.isDirectory(workdir)) {
        return new Found.Refused(shown + " runs its commands in its drill's directory, '" + directory + "' in the"
            + " drill's project, but the project " + root.get() + " has no such directory; run the plan from"
            + " inside the drill's project, or compile the drill again");
      }
    }
    Path base = root.orElse(Path.of("").toAbsolutePath());
    return new Found.Ready(new Places(workdir, journals.orElse(base.resolve(JOURNALS)),
        results.orElse(base.resolve(RESULTS))));
  }

  /** The results directory of a run that did not record one: at the project root of where its commands ran. */
  static Path defaultResults(Path workdir) {
    return ProjectRoot.enclosing(workdir).orElse(Path.of("").toAbsolutePath()).resolve(RESULTS);
  }
}
