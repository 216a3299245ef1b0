package dev.drill.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes the peer's corpus: COUNT realistic .feature files of TOTAL bytes in all, so that the
 * peer compiles exactly as many bytes as drill does. Each file has a commented, tagged Feature
 * with a description and a Background, then Rules, Scenarios with data tables and doc strings,
 * and Scenario Outlines with Examples, in the domain drill is about (incident drills). The last
 * scenario's final step and, when even that does not fit, a comment make the size exact.
 * Plain ASCII, so characters are bytes. Deterministic: file i is drawn from a seed of i.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* dev.drill.bench.FeatureCorpus OUT TOTAL COUNT</pre>
 */
public final class FeatureCorpus {

  /** What was written: the files, their bytes, and the pickles gherkin must compile them into. */
  public record Summary(int files, long bytes, long pickles) {}

  private static final List<String> SERVICES = List.of("checkout", "payments", "search",
      "matching-engine", "ledger", "auth", "inventory", "notifications", "billing", "gateway");
  private static final List<String> FAULTS = List.of("a crashed primary", "a full disk",
      "a partitioned zone", "an expired certificate", "a saturated connection pool",
      "a corrupted cache", "a stuck deploy", "a lost replica", "a DNS outage", "a memory leak");
  private static final List<String> SIGNALS = List.of("error_rate", "latency_p99",
      "queue_depth", "cpu_seconds", "open_connections", "replication_lag", "http_5xx");
  private static final List<String> WORDS = List.of("the", "operator", "confirms", "traffic",
      "drains", "from", "zone", "before", "restart", "and", "checks", "replica", "health",
      "page", "incident", "channel", "status", "customers", "see", "no", "errors", "after",
      "failover", "completes", "within", "budget", "runbook", "step", "rollback", "window");

  private FeatureCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: FeatureCorpus OUT-DIR TOTAL-BYTES FILE-COUNT");
      System.exit(2);
    }
    Summary summary = write(Path.of(args[0]), Long.parseLong(args[1]), Integer.parseInt(args[2]));
    System.err.printf("corpus: %d features, %d bytes, %d pickles%n",
        summary.files(), summary.bytes(), summary.pickles());
  }

  /** Writes {@code count} files feature-1.feature ... into {@code dir}, {@code total} bytes in all. */
  public static Summary write(Path dir, long total, int count) throws IOException {
    Files.createDirectories(dir);
    long bytes = 0;
    long pickles = 0;
    for (int i = 1; i <= count; i++) {
      int size = Math.toIntExact(total / count + (i <= total % count ? 1 : 0));
      Feature feature = new Feature(i, size);
      String text = feature.text();
      Files.writeString(dir.resolve("feature-" + i + ".feature"), text, StandardCharsets.US_ASCII);
      bytes += text.length();
      pickles += feature.pickles;
    }
    return new Summary(count, bytes, pickles);
  }

  /** A Rule line or a scenario, and the pickles it compiles into. */
  private record Block(String text, int pickles) {}

  /** One file, grown block by block up to its size. */
  private static final class Feature {
    private final StringBuilder text = new StringBuilder();
    private final Random random;
    private final int size;
    private final String service;
    private long pickles;

    Feature(int index, int size) {
      this.random = new Random(index);
      this.size = size;
      this.service = pick(SERVICES);
      header(index);
      if (text.length() > size) {
        throw new IllegalArgumentException(
            "a feature needs at least " + text.length() + " bytes, got " + size);
      }
      Block block = nextBlock();
      while (text.length() + block.text().length() <= size) {
        text.append(block.text());
        pickles += block.pickles();
        block = nextBlock();
      }
      fill();
    }

    String text() {
      return text.toString();
    }

    private void header(int index) {
      String fault = pick(FAULTS);
      text.append("# Drill catalogue, feature ").append(index).append(": owned by the ")
          .append(service).append(" team\n")
          .append("@service-").append(service).append(" @tier-").append(1 + random.nextInt(3))
          .append('\n')
          .append("Feature: ").append(service).append(" recovers from ").append(fault).append('\n')
          .append("  As the on-call engineer of ").append(service).append('\n')
          .append("  I want every recovery step rehearsed against ").append(fault).append('\n')
          .append("  So that customers see at most ").append(2 + random.nextInt(10))
          .append(" minutes of errors\n\n")
          .append("  Background:\n")
          .append("    Given the ").append(service).append(" cluster runs ")
          .append(3 + random.nextInt(6)).append(" replicas\n")
          .append("    And the alert \"").append(service).append("-down\" is silent\n\n");
    }

    private Block nextBlock() {
      int kind = random.nextInt(10);
      if (kind == 0) {
        return new Block("  Rule: " + sentence(4 + random.nextInt(5)) + "\n\n", 0);
      }
      if (kind < 4) {
        return scenarioWithTable();
      }
      if (kind < 7) {
        return scenarioWithDocString();
      }
      return outline();
    }

    private Block scenarioWithTable() {
      String fault = pick(FAULTS);
      StringBuilder b = new StringBuilder()
          .append("  @smoke\n")
          .append("  Scenario: ").append(fault).append(" on ").append(service)
          .append(" is detected within ").append(10 + random.nextInt(50)).append(" seconds\n")
          .append("    # ").append(sentence(6)).append('\n')
          .append("    Given the ").append(service).append(" service is healthy\n")
          .append("    When the operator injects \"").append(fault).append("\"\n")
          .append("    Then the alert \"").append(service).append("-down\" fires\n")
          .append("    And the dashboard shows:\n")
          .append("      | signal           | threshold | window |\n");
      for (int r = 0, rows = 2 + random.nextInt(3); r < rows; r++) {
        b.append(String.format("      | %-16s | %-9s | %-6s |\n", pick(SIGNALS),
            random.nextInt(500) + "ms", (1 + random.nextInt(15)) + "m"));
      }
      b.append("    But no page is sent to the ").append(pick(SERVICES)).append(" team\n\n");
      return new Block(b.toString(), 1);
    }

    private Block scenarioWithDocString() {
      StringBuilder b = new StringBuilder()
          .append("  Scenario: the runbook for ").append(service).append(" is followed\n")
          .append("    Given the runbook:\n")
          .append("      \"\"\"markdown\n");
      for (int s = 1, steps = 3 + random.nextInt(3); s <= steps; s++) {
        b.append("      ").append(s).append(". ").append(sentence(5 + random.nextInt(5))).append('\n');
      }
      b.append("      \"\"\"\n")
          .append("    When the operator follows step ").append(1 + random.nextInt(3)).append('\n')
          .append("    Then ").append(sentence(6)).append('\n')
          .append("    And the incident channel is told \"").append(sentence(4)).append("\"\n\n");
      return new Block(b.toString(), 1);
    }

    private Block outline() {
      StringBuilder b = new StringBuilder()
          .append("  @regression\n")
          .append("  Scenario Outline: ").append(service).append(" recovers after <fault>\n")
          .append("    Given the ").append(service).append(" service is healthy\n")
          .append("    When the operator injects \"<fault>\" for <duration> seconds\n")
          .append("    Then the service is back within <limit> seconds\n")
          .append("    And the signal \"<signal>\" is below <threshold>\n\n")
          .append("    Examples: ").append(sentence(3)).append('\n')
          .append("      | fault                       | duration | limit | signal           | threshold |\n");
      int rows = 2 + random.nextInt(4);
      for (int r = 0; r < rows; r++) {
        b.append(String.format("      | %-27s | %-8d | %-5d | %-16s | %-9d |\n", pick(FAULTS),
            10 + random.nextInt(300), 30 + random.nextInt(600), pick(SIGNALS),
            random.nextInt(1000)));
      }
      b.append('\n');
      return new Block(b.toString(), rows);
    }

    /** Makes the file exactly {@code size} bytes: a last scenario if it fits, then a comment. */
    private void fill() {
      String header = "  Scenario: the drill log of " + service + " is archived\n";
      String step = "    And the log notes \"\"\n";
      if (size - text.length() >= header.length() + step.length() + 1) {
        text.append(header);
        pickles++;
        while (size - text.length() > step.length() + 80) {
          text.append(step, 0, step.length() - 2).append(sentence(6)).append("\"\n");
        }
        int room = size - text.length() - step.length();
        if (room > 0) {
          text.append(step, 0, step.length() - 2).append(exactly(room)).append("\"\n");
        }
      }
      int room = size - text.length();
      if (room >= 2) {
        text.append('#').append(exactly(room - 2)).append('\n');
      } else if (room == 1) {
        text.append('\n');
      }
    }

    private String sentence(int words) {
      StringBuilder b = new StringBuilder(pick(WORDS));
      for (int w = 1; w < words; w++) {
        b.append(' ').append(pick(WORDS));
      }
      return b.toString();
    }

    private String exactly(int length) {
      StringBuilder b = new StringBuilder();
      while (b.length() < length) {
        b.append(pick(WORDS)).append(' ');
      }
      b.setLength(length);
      return b.toString();
    }

    private String pick(List<String> choices) {
      return choices.get(random.nextInt(choices.size()));
    }
  }
}
