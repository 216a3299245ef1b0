package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The laws of the action items section: what is written is read back, and a rebuild keeps the section only. */
class ActionItemsProperties {

  /** An item as the team writes it, without its place in the file. */
  record Written(boolean done, String what, Optional<String> owner, Optional<LocalDate> due) {}

  @Property(tries = 500)
  void readingWhatIsWrittenGivesItBack(@ForAll("writtenItems") List<Written> written, @ForAll("prose") String before) {
    StringBuilder report = new StringBuilder("# After-action report\n\n" + before + "\n\n" + ActionItems.HEADING + "\n\n");
    written.forEach(w -> report.append(ActionItems.taskLine(w.done(), w.what(), w.owner(), w.due())).append('\n'));
    List<ActionItems.Item> items = ActionItems.read(report.toString());
    List<Written> read = new ArrayList<>();
    for (ActionItems.Item item : items) {
      Optional<LocalDate> due = item.due() instanceof ActionItems.Due.On on ? Optional.of(on.date()) : Optional.empty();
      String what = item.text().replaceAll("( @\\S+)?( due \\S+)?$", "");
      read.add(new Written(item.done(), what, item.owner(), due));
    }
    assertEquals(written, read);
  }

  @Property(tries = 500)
  void aRebuildKeepsTheSectionByteForByteAndRegeneratesEverythingElse(
      @ForAll("prose") String oldTop, @ForAll("prose") String newTop, @ForAll("section") String teamSection,
      @ForAll("prose") String newBottom) throws ActionItems.Unclear {
    String existing = "# old\n\n" + oldTop + "\n\n" + ActionItems.HEADING + "\n" + teamSection + "## End\n\nold end\n";
    String generated = "# new\n\n" + newTop + "\n\n" + ActionItems.HEADING + "\n\n<!-- hint -->\n\n## End\n\n" + newBottom + "\n";
    String kept = ActionItems.keep(generated, existing);
    assertEquals("# new\n\n" + newTop + "\n\n" + ActionItems.HEADING + "\n" + teamSection + "## End\n\n" + newBottom + "\n", kept);
  }

  @Provide
  Arbitrary<List<Written>> writtenItems() {
    Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> what = words.list().ofMinSize(1).ofMaxSize(5).map(w -> String.join(" ", w));
    Arbitrary<Optional<String>> owner = words.optional();
    Arbitrary<Optional<LocalDate>> due = Arbitraries.integers().between(0, 20000)
        .map(d -> LocalDate.of(2000, 1, 1).plusDays(d)).optional();
    return Combinators.combine(Arbitraries.of(true, false), what, owner, due).as(Written::new).list().ofMaxSize(8);
  }

  /** Text with no heading of level 1 or 2 and no task list: what the generator writes around the section. */
  @Provide
  Arbitrary<String> prose() {
    return Arbitraries.strings().withChars("abc xyz|*_`-.\n").ofMaxLength(60)
        .filter(s -> !s.contains("\n#") && !s.startsWith("#") && !s.contains("[") && !s.contains("```"));
  }

  /** What a team may leave in the section: any lines that are not a level 1 or 2 heading or a fence, each ending in a break. */
  @Provide
  Arbitrary<String> section() {
    Arbitrary<String> line = Arbitraries.strings().withChars("ab @-[]x:0123#\t ").ofMaxLength(30)
        .filter(l -> !l.matches("#{1,2}([ \\t].*)?") && !l.contains("```") && !l.contains("~~~"));
    return line.list().ofMaxSize(10).map(lines -> lines.stream().map(l -> l + "\n").reduce("", String::concat));
  }
}
