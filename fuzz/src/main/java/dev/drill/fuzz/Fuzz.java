package dev.drill.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fuzz campaign: {@code Fuzz COUNT [SEED] [PROJECT]}. Inputs (generated, token soup,
 * mutations of the project's own drills) go through compile, fmt, guide, guide --update and
 * check; every broken promise is counted by signature, and the first input of each is kept
 * under {@code target/fuzz-failures/} to reproduce it. Exit 0 when no promise broke.
 */
public final class Fuzz {

  /** What a campaign found. */
  public record Report(int inputs, Map<String, Integer> kinds, int commands, int compiled, int guided, int updated,
      Map<String, Integer> signatures, Map<String, Path> examples, long millis) {

    public String describe() {
      StringBuilder out = new StringBuilder();
      out.append("fuzz: ").append(inputs).append(" inputs (").append(kinds.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))).append("), ")
          .append(commands).append(" commands in ").append(millis / 1000).append("s; ").append(compiled)
          .append(" compiled, ").append(guided).append(" got a guide, ").append(updated)
          .append(" damaged guides repaired by --update; ")
          .append(signatures.size()).append(signatures.size() == 1 ? " failure signature" : " failure signatures")
          .append('\n');
      signatures.forEach((signature, count) -> out.append("  ").append(count).append("x  ").append(signature)
          .append("\n       e.g. ").append(examples.get(signature)).append('\n'));
      return out.toString();
    }
  }

  private Fuzz() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
    Path project = args.length > 2 ? Path.of(args[2]) : Path.of("").toAbsolutePath();
    Path failures = project.resolve("fuzz/target/fuzz-failures");
    System.err.println("fuzz: " + count + " inputs, seed " + seed);
    Report report = run(count, seed, seeds(project), failures, progress -> System.err.print(progress));
    System.out.print(report.describe());
    System.exit(report.signatures().isEmpty() ? 0 : 1);
  }

  /** The project's own drills, to mutate: the samples and the compiler's corpus. */
  public static List<byte[]> seeds(Path project) throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String dir : List.of("samples", "compiler/src/test/resources/testdata")) {
      Path root = project.resolve(dir);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".drill")).sorted().collect(Collectors.toList())) {
          seeds.add(Files.readAllBytes(file));
        }
      }
    }
    return seeds;
  }

  /** Runs a campaign; {@code progress} is told how far it got now and then. */
  public static Report run(int count, long seed, List<byte[]> seeds, Path failures,
      java.util.function.Consumer<String> progress) throws IOException {
    Random random = new Random(seed);
    Inputs inputs = new Inputs(random, seeds);
    Path work = Files.createTempDirectory("drill-fuzz-");
    Campaign campaign = new Campaign(work, random);
    Map<String, Integer> kinds = new LinkedHashMap<>();
    Map<String, Integer> signatures = new LinkedHashMap<>();
    Map<String, Path> examples = new LinkedHashMap<>();
    long start = System.currentTimeMillis();
    try {
      for (int i = 0; i < count; i++) {
        Inputs.Input input = inputs.next(i);
        kinds.merge(input.kind(), 1, Integer::sum);
        for (Campaign.Failure failure : campaign.run(input)) {
          if (signatures.merge(failure.signature(), 1, Integer::sum) == 1) {
            Files.createDirectories(failures);
            Path example = failures.resolve("failure-" + signatures.size() + ".drill");
            Files.write(example, input.bytes());
            Files.writeString(failures.resolve("failure-" + signatures.size() + ".txt"),
                failure.signature() + "\n\n" + failure.detail(), StandardCharsets.UTF_8);
            examples.put(failure.signature(), example);
          }
        }
        if ((i + 1) % 1000 == 0) {
          progress.accept("fuzz: " + (i + 1) + " inputs, " + signatures.size() + " signatures\n");
        }
      }
    } finally {
      campaign.close();
    }
    return new Report(count, kinds, campaign.commands, campaign.compiled, campaign.guided, campaign.updated, signatures,
        examples, System.currentTimeMillis() - start);
  }
}
