package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.ast.Durations;
import dev.drill.compiler.diagnostic.Severity;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanFormatException;
import dev.drill.plan.PlanJson;
import dev.drill.plan.PlanValidator;
import dev.drill.plan.TimeLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The plan validation holds the runtime to what the compiler guarantees, so it must never
 * refuse a plan the compiler wrote: every generated drill, every drill of the corpus and of
 * the samples, and every golden plan read back, has no problem.
 */
class CompiledPlansAreValidProperties {

  @Property(tries = 300)
  void generatedDrills(@ForAll("drills") String drill) {
    assertValid(compile(drill), drill);
  }

  /** Secrets where they may go, every polling option, nested budgets and waits up to the limits, 'after'. */
  @Property(tries = 500)
  void drillsAtTheLimits(@ForAll("drillsAtTheLimits") String drill) {
    assertValid(compile(drill), drill);
  }

  @Example
  void theCorpusAndTheSamples() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Stream.concat(Files.walk(CorpusTest.GOOD), Files.walk(Path.of("../samples")))) {
      files = walk.filter(p -> p.toString().endsWith(".drill") && !p.toString().contains("target"))
          .sorted().collect(Collectors.toList());
    }
    assertTrue(files.size() >= 12, "found " + files);
    for (Path file : files) {
      CompileResult result = DrillCompiler.compile(file, file.toString());
      if (result.templatesOnly() && result.diagnostics().isEmpty()) {
        continue;
      }
      assertTrue(result.plan().isPresent(), file + " compiles: " + result.diagnostics());
      assertValid(result.plan().get(), file.toString());
    }
  }

  @Example
  void theGoldenPlansReadBack() throws IOException, PlanFormatException {
    List<Path> files;
    try (Stream<Path> walk = Stream.concat(Files.walk(CorpusTest.GOOD),
        Files.walk(Path.of("../samples/src/test/resources/golden")))) {
      files = walk.filter(p -> p.toString().endsWith(".plan.json")).sorted().collect(Collectors.toList());
    }
    assertTrue(files.size() >= 8, "found " + files);
    for (Path file : files) {
      assertValid(PlanJson.read(Files.readString(file)), file.toString());
    }
  }

  private static Plan compile(String drill) {
    CompileResult result = DrillCompiler.compile("limits.drill", drill.getBytes(StandardCharsets.UTF_8));
    List<String> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
        .map(d -> d.code() + " " + d.message()).collect(Collectors.toList());
    assertEquals(List.of(), errors, drill);
    return result.plan().orElseThrow();
  }

  private static void assertValid(Plan plan, String what) {
    assertEquals(List.of(), PlanValidator.problems(plan), what);
  }

  @Provide
  Arbitrary<String> drills() {
    return GeneratedDrills.drills();
  }

  @Provide
  Arbitrary<String> drillsAtTheLimits() {
    return Combinators.combine(Arbitraries.longs(), GeneratedDrills.text().list().ofSize(24),
        GeneratedDrills.probe().list().ofSize(12)).as((seed, texts, probes) -> new LimitsDrill(seed, texts,
        probes).text());
  }

  /**
   * A drill whose budgets nest (so it compiles) and reach the limits: every duration from
   * the minimum polling interval to the maximum duration, as written in several units.
   */
  private static final class LimitsDrill {
    private final Random random;
    private final List<String> texts;
    private final List<String> probes;
    private int nextText;
    private int nextProbe;
    private final StringBuilder out = new StringBuilder();

    LimitsDrill(long seed, List<String> texts, List<String> probes) {
      this.random = new Random(seed);
      this.texts = texts;
      this.probes = probes;
    }

    String text() {
      long timebox = longest(TimeLimits.MAX_DURATION.toMillis());
      line(0, "drill limits {");
      line(1, "title " + quoted());
      line(1, "owner \"team\"");
      line(1, "kind " + pick("technical", "security", "ics"));
      line(1, "environment " + pick("staging", "load-test-2", "production"));
      line(1, "timebox " + literal(timebox));
      line(1, "cadence " + literal(longest(TimeLimits.MAX_DURATION.toMillis())));
      line(1, "rerun " + literal(longest(TimeLimits.MAX_DURATION.toMillis())));
      line(1, "param host = \"app.staging.internal\"");
      line(1, "param region");
      line(1, "secret token = env \"APP_TOKEN\"");
      line(1, "roles {");
      line(2, "operator \"Runs the steps\"");
      line(2, "liaison \"Talks\"");
      line(1, "}");
      line(1, "steady {");
      line(2, "check up " + quoted() + " { " + probe(timebox) + " }");
      line(1, "}");
      line(1, "inject fault " + quoted() + " {");
      line(2, "run \"break --token ${token} --region ${region}\" timeout " + literal(any()));
      line(2, "wait " + literal(any()));
      line(2, "undo \"repair --token ${token}\"");
      line(1, "}");
      long detect = longest(timebox);
      line(1, "detect " + pick("all", "any") + " within " + literal(detect) + " {");
      for (int i = 0; i <= random.nextInt(3); i++) {
        line(2, "signal signal-" + i + " " + quoted() + " { " + probe(detect) + " }");
      }
      line(1, "}");
      long recover = longest(timebox);
      line(1, "recover within " + literal(recover) + " {");
      int steps = 1 + random.nextInt(4);
      for (int i = 0; i < steps; i++) {
        long step = longest(recover);
        StringBuilder head = new StringBuilder("step step-" + i + " " + quoted() + " by operator within "
            + literal(step));
        if (i > 0 && random.nextBoolean()) {
          head.append(" after step-").append(random.nextInt(i));
        }
        line(2, head + " {");
        line(3, "run \"restart --token ${token}\" timeout " + literal(any()));
        line(3, "http POST \"http://${host}/admin\" header \"Authorization\" = \"Bearer ${token}\""
            + " body \"{\\\"token\\\": \\\"${token}\\\"}\" expect status 200");
        line(3, "wait " + literal(any()));
        long verify = longest(step);
        line(3, "verify { " + probe(verify) + " } within " + literal(verify));
        line(2, "}");
      }
      line(1, "}");
      line(1, "comms {");
      line(2, "update \"stakeholders\" every " + literal(any()) + " by liaison");
      line(2, "notify " + quoted() + " within " + literal(any()) + " by liaison");
      line(1, "}");
      line(1, "abort when {");
      line(2, probe(timebox));
      line(1, "}");
      line(1, "debrief {");
      line(2, "ask " + quoted());
      line(1, "}");
      line(0, "}");
      return out.toString();
    }

    /** A probe of GeneratedDrills, or one that uses the secret where it may, with polling options. */
    private String probe(long budget) {
      String probe = switch (random.nextInt(4)) {
        case 0 -> "command \"check --token ${token}\" expect exit 0";
        case 1 -> "http GET \"http://${host}/health\" header \"Authorization\" = \"Bearer ${token}\"";
        case 2 -> "log \"/var/log/${region}.log\" matches \"${region}.*(error|fatal)\"";
        default -> probes.get(nextProbe++ % probes.size());
      };
      StringBuilder options = new StringBuilder(probe);
      if (random.nextBoolean()) {
        options.append(" every ").append(literal(polling()));
      }
      if (random.nextBoolean()) {
        options.append(" timeout ").append(literal(polling()));
      }
      if (random.nextBoolean()) {
        options.append(" for ").append(literal(longest(budget)));
      }
      return options.toString();
    }

    /** At most {@code limit} milliseconds, often exactly that, never below the minimum polling interval. */
    private long longest(long limit) {
      long min = TimeLimits.MIN_POLLING.toMillis();
      return random.nextInt(4) == 0 ? limit : min + (long) (random.nextDouble() * (limit - min));
    }

    private long any() {
      return longest(TimeLimits.MAX_DURATION.toMillis());
    }

    /** From the minimum, often exactly it, to an hour. */
    private long polling() {
      return random.nextInt(4) == 0 ? TimeLimits.MIN_POLLING.toMillis() : longest(Duration.ofHours(1).toMillis());
    }

    /** The duration in one of the ways it can be written: shortest, in weeks, or all in one unit. */
    private String literal(long millis) {
      Duration d = Duration.ofMillis(millis);
      switch (random.nextInt(4)) {
        case 0:
          return millis + "ms";
        case 1:
          return millis % 604_800_000 == 0 ? millis / 604_800_000 + "w" : Durations.format(d);
        case 2:
          return millis % 3_600_000 == 0 ? millis / 3_600_000 + "h" : Durations.format(d);
        default:
          return Durations.format(d);
      }
    }

    private String quoted() {
      return GeneratedDrills.quote(texts.get(nextText++ % texts.size()));
    }

    private String pick(String... choices) {
      return choices[random.nextInt(choices.length)];
    }

    private void line(int depth, String text) {
      out.append("  ".repeat(depth)).append(text).append('\n');
    }
  }

  /**
   * Plain texts (param defaults, the guide path) are not templates: '${' in them is text. (A header
   * name is plain too, but an HTTP token holds no '$' or '{': D507.)
   */
  @Example
  void plainTextsMayHoldWhatLooksLikeAReference() {
    String drill = "drill plain {\n  title \"t\"\n  owner \"o\"\n  kind ics\n  guide \"guides/\\${x}.md\"\n"
        + "  param p = \"\\${q}\"\n"
        + "  setup {\n    run \"echo ${p}\"\n  }\n}\n";
    Plan plan = compile(drill);
    assertEquals("guides/${x}.md", plan.guide());
    assertEquals(Optional.of("${q}"), plan.params().get(0).defaultValue());
    assertValid(plan, drill);
  }

  @Example
  void theLimitsThemselvesAreAllowed() {
    String atTheLimits = "drill limits {\n  title \"t\"\n  owner \"o\"\n  kind ics\n  cadence 366d\n  rerun 8784h\n"
        + "  steady { check up { command \"true\" every 100ms timeout 100ms } }\n}\n";
    assertValid(compile(atTheLimits), atTheLimits);
    List<String> codes = new ArrayList<>();
    for (String[] change : new String[][] {{"366d", "367d"}, {"8784h", "8785h"}, {"every 100ms", "every 99ms"},
        {"timeout 100ms", "timeout 99ms"}}) {
      String beyond = atTheLimits.replace(change[0], change[1]);
      DrillCompiler.compile("limits.drill", beyond.getBytes(StandardCharsets.UTF_8)).diagnostics()
          .forEach(d -> codes.add(d.code().name()));
    }
    assertEquals(List.of("D307", "D307", "D308", "D308"), codes);
  }
}
