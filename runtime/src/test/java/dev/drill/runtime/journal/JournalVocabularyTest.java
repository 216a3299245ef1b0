package dev.drill.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The journal's vocabulary is a contract between processes (the runner, the report, drill
 * rollback, whatever reads a journal next): every event and fact of {@link Event} is
 * documented in docs/journal.md's table, in the same order, optional facts in italics, and
 * nothing else is; and the journals the runner writes (the golden runs) hold to it.
 */
class JournalVocabularyTest {

  private static final Path DOC = Path.of("../docs/journal.md");
  private static final Path RUNS = Path.of("src/test/resources/runs");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|([^|]*)\\|");
  private static final Pattern FACT = Pattern.compile("(\\*?)`([A-Za-z]+)`\\*?");

  /** Event name to its facts as the doc writes them: {@code name}, or {@code *name*} when it may be missing. */
  private static Map<String, List<String>> documented() throws IOException {
    String doc = Files.readString(DOC);
    String table = doc.substring(doc.indexOf("\n## Events\n"), doc.indexOf("\n## ", doc.indexOf("\n## Events\n") + 1));
    Map<String, List<String>> events = new LinkedHashMap<>();
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      String facts = withoutParentheses(row.group(2));
      // "`phase`: `setup`, `steady`, ...": the values of a fact after its colon.
      int colon = facts.indexOf("`:");
      if (colon >= 0) {
        facts = facts.substring(0, colon + 1);
      }
      List<String> names = new ArrayList<>();
      for (String item : facts.split(",")) {
        Matcher fact = FACT.matcher(item.strip());
        if (fact.matches()) {
          names.add(fact.group(1).isEmpty() ? fact.group(2) : "*" + fact.group(2) + "*");
        } else {
          assertTrue(item.isBlank(), "a fact of '" + row.group(1) + "' the test cannot read: " + item);
        }
      }
      assertFalse(events.containsKey(row.group(1)), "documented twice: " + row.group(1));
      events.put(row.group(1), names);
    }
    return events;
  }

  private static String withoutParentheses(String text) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (char c : text.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Map<String, List<String>> declared() {
    Map<String, List<String>> events = new LinkedHashMap<>();
    for (Event event : Event.values()) {
      events.put(event.wireName(), event.slots().stream()
          .map(s -> s.optional() ? "*" + s.fact().wireName() + "*" : s.fact().wireName()).collect(Collectors.toList()));
    }
    return events;
  }

  @Test
  void everyEventIsDocumentedInOrderAndNothingElseIs() throws IOException {
    assertEquals(List.copyOf(declared().keySet()), List.copyOf(documented().keySet()),
        "the events of docs/journal.md's table against Event");
  }

  @Test
  void everyEventsFactsAreDocumentedInTheOrderTheyAreWritten() throws IOException {
    Map<String, List<String>> documented = documented();
    declared().forEach((event, facts) -> assertEquals(facts, documented.get(event),
        "the facts of '" + event + "' in docs/journal.md (italics: may be missing) against Event"));
  }

  @Test
  void namesAreUniqueAndFactsOfOneNameAreOfOneEventEach() {
    assertEquals(Event.values().length, Arrays.stream(Event.values()).map(Event::wireName).distinct().count());
    for (Event event : Event.values()) {
      assertEquals(event.slots().size(), event.slots().stream().map(s -> s.fact().wireName()).distinct().count(),
          "a fact written twice in '" + event.wireName() + "'");
      assertEquals(Optional.of(event), Event.named(event.wireName()));
    }
    assertEquals(Optional.empty(), Event.named("a-later-event"));
  }

  @Test
  void theRunnersJournalsHoldToTheVocabulary() throws IOException {
    List<Path> journals;
    try (Stream<Path> files = Files.list(RUNS)) {
      journals = files.filter(f -> f.toString().endsWith(".journal.jsonl")).sorted().collect(Collectors.toList());
    }
    assertFalse(journals.isEmpty(), "no golden runs in " + RUNS);
    List<Event> seen = new ArrayList<>();
    for (Path file : journals) {
      JournalContents read = JournalReader.read(file);
      assertEquals(0, read.skipped(), file + ": " + read.describeSkipped());
      for (JournalEvent e : read.events()) {
        Event kind = e.kind().orElseThrow(() -> new AssertionError(file + ": unknown event " + e.event()));
        seen.add(kind);
        List<String> written = List.copyOf(e.facts().keySet());
        List<String> expected = kind.slots().stream()
            .filter(s -> !s.optional() || written.contains(s.fact().wireName()))
            .map(s -> s.fact().wireName()).collect(Collectors.toList());
        assertEquals(expected, written, file + ": the facts of " + e);
      }
    }
    assertTrue(seen.containsAll(List.of(Event.values())), "events no golden run writes: "
        + Arrays.stream(Event.values()).filter(e -> !seen.contains(e)).collect(Collectors.toList()));
  }
}
