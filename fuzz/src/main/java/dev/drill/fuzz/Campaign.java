package dev.drill.fuzz;

import dev.drill.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One input through the commands a user runs on it, each held to what it promises:
 * <ul>
 *   <li>every command: an exit code it documents (never 3, never a timeout), no stack trace;
 *   <li>{@code fmt}: a file with errors is left byte-identical; a formatted file formats to
 *       itself ({@code fmt --check} passes) and compiles to the same fingerprint;
 *   <li>{@code guide}: a drill that compiles gets a guide, and that guide passes the check;
 *   <li>{@code guide --update} on a guide a person edited and then damaged (markers moved,
 *       duplicated or cut, headings reworded, the end lost): it repairs, keeping every line
 *       of prose outside the generated parts, and the result passes the check; or it refuses
 *       and leaves the file byte-identical;
 *   <li>{@code check} of the folder.
 * </ul>
 * A broken promise is a {@link Failure}, named by a signature without the input's details,
 * so that one bug found ten thousand times counts once.
 */
final class Campaign {

  /** A promise broken: what, in words without numbers or paths, and the input that broke it. */
  record Failure(String signature, String detail) {}

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern GUIDE_FINDING = Pattern.compile("(error|warning) (D6\\d\\d)");
  private static final Pattern FINGERPRINT = Pattern.compile("\"fingerprint\": \"(sha256:[0-9a-f]+)\"");
  private static final String TODAY = "2026-12-01";
  /** A line of a Java stack trace: {@code \tat dev.drill.X.method(X.java:12)}. */
  private static final Pattern STACK_FRAME =
      Pattern.compile("(?m)^\\s+at [\\w$]+(\\.[\\w$<>]+)+\\((\\w+\\.java:\\d+|Native Method|Unknown Source)\\)$");

  private final Path work;
  private final Random random;
  private final ExecutorService timer = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "drill-fuzz-command");
    t.setDaemon(true);
    return t;
  });
  private final List<Failure> failures = new ArrayList<>();
  int commands;
  /** How far inputs got: compiled, got a guide, had their damaged guide updated. */
  int compiled;
  int guided;
  int updated;

  Campaign(Path work, Random random) {
    this.work = work;
    this.random = random;
  }

  /** Runs the input through every command; the promises it broke. */
  List<Failure> run(Inputs.Input input) throws IOException {
    failures.clear();
    Path dir = work.resolve("in");
    clean(dir);
    Files.createDirectories(dir.resolve(".git"));
    Path results = Files.createDirectories(work.resolve("results"));
    Path drill = dir.resolve("x.drill");
    Files.write(drill, input.bytes());

    Outcome compiled = drill("compile", Set.of(0, 1), "compile", drill.toString());
    Optional<String> fingerprint = compiled.exit == 0 ? fingerprint(compiled.out) : Optional.empty();
    fmt(dir, input, fingerprint);
    if (fingerprint.isPresent()) {
      this.compiled++;
      Outcome guide = drill("guide", Set.of(0, 1), "guide", drill.toString());
      Optional<Path> written = guide.exit == 0 ? guideOf(dir) : Optional.empty();
      if (written.isPresent()) {
        guided++;
        guideFindings("guide: a generated guide fails the check", drill, results);
        update(drill, written.get(), results);
      }
    }
    drill("check", Set.of(0, 1), "check", dir.toString(), "--results", results.toString(), "--today", TODAY);
    return List.copyOf(failures);
  }

  private void fmt(Path dir, Inputs.Input input, Optional<String> fingerprint) throws IOException {
    // The same name in another folder: a drill's default guide path comes from its name.
    Path copy = Files.createDirectories(work.resolve("fmt")).resolve("x.drill");
    Files.write(copy, input.bytes());
    Outcome fmt = drill("fmt", Set.of(0, 1), "fmt", copy.toString());
    byte[] after = Files.readAllBytes(copy);
    if (fmt.exit != 0) {
      if (!java.util.Arrays.equals(after, input.bytes())) {
        fail("fmt: a file it did not format was changed", fmt.err);
      }
    } else {
      Outcome again = drill("fmt --check", Set.of(0, 1), "fmt", "--check", copy.toString());
      if (again.exit != 0) {
        fail("fmt: not idempotent (a second run would change the file)", again.out + again.err);
      }
      if (fingerprint.isPresent()) {
        Outcome recompiled = drill("compile", Set.of(0, 1), "compile", copy.toString());
        Optional<String> now = recompiled.exit == 0 ? fingerprint(recompiled.out) : Optional.empty();
        if (!now.equals(fingerprint)) {
          fail("fmt: the formatted drill means something else (" + (now.isEmpty() ? "no longer compiles"
              : "another fingerprint") + ")", recompiled.err);
        }
      }
    }
    Files.deleteIfExists(copy);
  }

  /** A person's guide: prose added between the generated parts, then damaged; --update must repair or refuse. */
  private void update(Path drill, Path guide, Path results) throws IOException {
    List<String> lines = new ArrayList<>(List.of(Files.readString(guide, StandardCharsets.UTF_8).split("\n", -1)));
    List<Integer> outside = outsideRegions(lines);
    int prose = 1 + random.nextInt(3);
    for (int k = 0; k < prose && !outside.isEmpty(); k++) {
      int at = outside.get(random.nextInt(outside.size()));
      lines.add(at, "PROSE-" + k + " a note the team wrote");
      outside = outsideRegions(lines);
    }
    GuideDamage.apply(random, lines);
    String damaged = String.join("\n", lines);
    List<String> kept = keptProse(damaged);
    Files.writeString(guide, damaged, StandardCharsets.UTF_8);
    byte[] before = Files.readAllBytes(guide);
    Outcome update = drill("guide --update", Set.of(0, 1), "guide", "--update", drill.toString());
    byte[] after = Files.exists(guide) ? Files.readAllBytes(guide) : new byte[0];
    if (update.exit == 0) {
      updated++;
    }
    if (update.exit != 0) {
      if (!java.util.Arrays.equals(before, after)) {
        fail("guide --update: refused but changed the file", update.err);
      }
      return;
    }
    String result = new String(after, StandardCharsets.UTF_8);
    for (String line : kept) {
      if (!result.contains(line)) {
        fail("guide --update: lost a line of prose", line + "\n\nthe guide before the update:\n" + damaged);
      }
    }
    guideFindings("guide --update: the repaired guide fails the check", drill, results);
  }

  private void guideFindings(String signature, Path drill, Path results) {
    Outcome check = drill("check", Set.of(0, 1), "check", drill.toString(), "--results", results.toString(),
        "--today", TODAY);
    Matcher finding = GUIDE_FINDING.matcher(check.out + check.err);
    if (finding.find()) {
      fail(signature + ": " + finding.group(2), check.out);
    }
  }

  /** Indexes where a line may be added outside every generated part (between begin and end markers). */
  private static List<Integer> outsideRegions(List<String> lines) {
    String[] markers = GuideRegions.markers(lines);
    List<Integer> at = new ArrayList<>();
    boolean inside = false;
    for (int i = 0; i < lines.size(); i++) {
      if (!inside && i > 0) {
        at.add(i);
      }
      if (markers[i] != null) {
        inside = markers[i].equals("begin");
      }
    }
    return at;
  }

  /** The prose lines of a damaged guide that stand outside every (damaged) generated part: --update must keep them. */
  private static List<String> keptProse(String guide) {
    List<String> lines = List.of(guide.split("\n", -1));
    String[] markers = GuideRegions.markers(lines);
    List<String> kept = new ArrayList<>();
    boolean inside = false;
    for (int i = 0; i < lines.size(); i++) {
      if (markers[i] != null) {
        inside = markers[i].equals("begin");
      } else if (!inside && lines.get(i).startsWith("PROSE-")) {
        kept.add(lines.get(i));
      }
    }
    return kept;
  }

  private static Optional<Path> guideOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".md") && Files.isRegularFile(f))
          .min(Comparator.comparing(Path::toString));
    }
  }

  private static Optional<String> fingerprint(String plan) {
    Matcher m = FINGERPRINT.matcher(plan);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private record Outcome(int exit, String out, String err) {}

  /** Runs a command in this process, bounded in time; an exit it does not document, a trace or a hang is a failure. */
  private Outcome drill(String name, Set<Integer> allowed, String... args) {
    commands++;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Future<Integer> exit = timer.submit(() -> Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
    Outcome outcome;
    try {
      outcome = new Outcome(exit.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), out.toString(), err.toString());
    } catch (TimeoutException e) {
      exit.cancel(true);
      fail(name + ": no answer within " + COMMAND_TIMEOUT.toSeconds() + "s", "");
      return new Outcome(-1, out.toString(), err.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(-1, "", "");
    } catch (ExecutionException e) {
      fail(name + ": threw " + e.getCause().getClass().getName() + frame(e.getCause()), String.valueOf(e.getCause()));
      return new Outcome(-1, out.toString(), err.toString());
    }
    String all = outcome.out + outcome.err;
    if (outcome.exit == 3 || all.contains("internal error")) {
      fail(name + ": internal error: " + firstLine(all.substring(Math.max(0, all.indexOf("internal error")))), all);
    } else if (!allowed.contains(outcome.exit)) {
      fail(name + ": exit " + outcome.exit, all);
    }
    if (STACK_FRAME.matcher(all).find() || all.contains("Exception in thread")) {
      fail(name + ": printed a stack trace", all);
    }
    return outcome;
  }

  private void fail(String signature, String detail) {
    failures.add(new Failure(normalise(signature), detail));
  }

  /** A signature without what differs between inputs: numbers, quoted text, paths. */
  static String normalise(String signature) {
    return signature.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("/[^ :]+", "PATH")
        .replaceAll("(?<![D\\d])\\d+", "N").trim();
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).trim();
  }

  private static String frame(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0 ? "" : " at " + trace[0].getClassName() + "." + trace[0].getMethodName();
  }

  private static void clean(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  void close() {
    timer.shutdownNow();
  }
}
