package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionItemsTest {

  private static final String REPORT = """
      # After-action report: cache node loss

      ## Outcome

      **Failed**: an expectation was missed.

      ## Action items

      <!-- hint -->
      - [ ] Fix the stale restart command @carol due 2026-12-15
      - [x] Page the right rotation @bob due 2026-11-30
        * [ ] Write the runbook for cache warm-up
      - [ ] Rotate keys @dave due 2026-13-01

      ```text
      - [ ] not an item, inside a fence
      ## not a heading either
      ```

      ## Appendix

      - [ ] after the section, not an item
      """;

  @Test
  void readsTheItemsOfTheSectionWithLineColumnOwnerAndDate() {
    List<ActionItems.Item> items = ActionItems.read(REPORT);
    assertEquals(4, items.size());
    assertEquals(new ActionItems.Item(10, 1, false, "Fix the stale restart command @carol due 2026-12-15",
        Optional.of("carol"), new ActionItems.Due.On(LocalDate.parse("2026-12-15"), 48)), items.get(0));
    assertEquals(true, items.get(1).done());
    assertEquals(new ActionItems.Item(12, 3, false, "Write the runbook for cache warm-up", Optional.empty(),
        new ActionItems.Due.None()), items.get(2));
    ActionItems.Due.Unreadable bad = assertInstanceOf(ActionItems.Due.Unreadable.class, items.get(3).due());
    assertEquals("2026-13-01", bad.written());
    assertEquals(29, bad.column());
  }

  @Test
  void keepsTheTeamsSectionAndRegeneratesTheRest() throws ActionItems.Unclear {
    String generated = "# After-action report: new title\n\n" + ActionItems.HEADING + "\n\n<!-- hint -->\n\n## Appendix\n\nnew\n";
    String text = ActionItems.keep(generated, REPORT);
    ActionItems.Section.At at = (ActionItems.Section.At) ActionItems.locate(REPORT);
    assertEquals("# After-action report: new title\n\n" + REPORT.substring(at.from(), at.to()) + "## Appendix\n\nnew\n", text);
  }

  @Test
  void whatTheTeamWroteAfterTheLastSectionIsKeptToo() throws ActionItems.Unclear {
    String generated = "# After-action report\n\nregenerated\n\n" + ActionItems.HEADING + "\n\n<!-- hint -->\n";
    String existing = "# After-action report\n\nold\n\n" + ActionItems.HEADING + "\n\n- [ ] Fix it @carol due 2026-12-15\n\n"
        + "## Our notes\n\nThe pager rotation was wrong.\n";
    assertEquals("# After-action report\n\nregenerated\n\n" + ActionItems.HEADING
        + "\n\n- [ ] Fix it @carol due 2026-12-15\n\n## Our notes\n\nThe pager rotation was wrong.\n",
        ActionItems.keep(generated, existing), "a report's own section after the action items is never lost");
  }

  @Test
  void aReportFromBeforeActionItemsIsSimplyRegenerated() throws ActionItems.Unclear {
    String generated = "# new\n\n" + ActionItems.HEADING + "\n\n<!-- hint -->\n";
    assertEquals(generated, ActionItems.keep(generated, "# old\n\nno tasks here\n"));
  }

  @Test
  void refusesWhenTheSectionCannotBeTold() {
    String generated = "# new\n\n" + ActionItems.HEADING + "\n";
    assertEquals("it has 2 '## Action items' headings, at lines 1 and 3", assertThrows(ActionItems.Unclear.class,
        () -> ActionItems.keep(generated, "## Action items\n\n## Action items\n- [ ] x\n")).getMessage());
    assertEquals("it has a task list but no '## Action items' heading: was the heading renamed or removed?",
        assertThrows(ActionItems.Unclear.class,
            () -> ActionItems.keep(generated, "# old\n\n## Follow-ups\n\n- [ ] Fix it @carol due 2026-12-15\n"))
            .getMessage());
  }
}
