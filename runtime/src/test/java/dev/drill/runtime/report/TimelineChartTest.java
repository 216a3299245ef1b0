package dev.drill.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The timeline chart read back as XML: which bands, bars and marks a run gets, and where. */
class TimelineChartTest {

  private static Document chart(List<JournalEvent> events) throws Exception {
    String svg = TimelineChart.svg(RunReport.of(events));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** The elements of a class, as {@code class=x}, e.g. {@code actual failed}. */
  private static List<Element> all(Document svg, String cssClass) {
    List<Element> found = new ArrayList<>();
    for (String tag : List.of("rect", "line", "text", "g")) {
      NodeList nodes = svg.getElementsByTagName(tag);
      for (int i = 0; i < nodes.getLength(); i++) {
        Element e = (Element) nodes.item(i);
        if (e.getAttribute("class").equals(cssClass)) {
          found.add(e);
        }
      }
    }
    return found;
  }

  private static List<String> texts(Document svg, String cssClass) {
    return all(svg, cssClass).stream().map(Element::getTextContent).toList();
  }

  private static double number(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }

  @Test
  void aPassedRunHasItsPhasesBudgetsAndMarks() throws Exception {
    Document svg = chart(SampleRuns.passed());
    assertEquals("svg", svg.getDocumentElement().getTagName());
    assertFalse(all(svg, "band").isEmpty());
    assertEquals(List.of("inject", "detect", "recover", "rollback"), texts(svg, "section"));
    assertTrue(all(svg, "actual failed").isEmpty(), "nothing failed");
    assertEquals(3 + 1, all(svg, "budget").size(), "three signals and the one step with a budget");
    assertEquals(List.of("T0 fault +4s", "detected +1m16s", "recovered +18m04s"), texts(svg, "mark-label"));
    assertEquals(1, all(svg, "mark fault").size());
    assertEquals(1, all(svg, "mark recovered").size());
    assertTrue(texts(svg, "status").contains("42s of 5m met"), texts(svg, "status").toString());
    assertEquals("+0s", texts(svg, "tick-label").get(0));
  }

  @Test
  void aFailedRunMarksWhatWasMissedLateOrFailed() throws Exception {
    Document svg = chart(SampleRuns.failed());
    assertFalse(all(svg, "actual failed").isEmpty());
    List<String> problems = texts(svg, "status problem");
    assertTrue(problems.contains("✗ missed, not within 5m"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("✗ failed, ")), problems.toString());
    assertEquals(1, all(svg, "mark fault").size());
    assertTrue(all(svg, "mark recovered").isEmpty(), "never recovered");
    assertTrue(all(svg, "band failed").size() >= 1, "the failed phases are marked");
    assertTrue(texts(svg, "phase").containsAll(List.of("✗ detect", "✗ recover")), texts(svg, "phase").toString());
    assertTrue(texts(svg, "phase").stream().anyMatch(p -> p.startsWith("✗ ")), texts(svg, "phase").toString());
  }

  @Test
  void aLateStepIsMarkedLate() throws Exception {
    List<String> statuses = new ArrayList<>();
    Document svg = chart(SampleRuns.passed());
    statuses.addAll(texts(svg, "status"));
    assertFalse(statuses.stream().anyMatch(s -> s.contains("late")), statuses.toString());
    RunReport.Bar late = new RunReport.Bar("recover", "slow", java.time.Duration.ZERO, java.time.Duration.ofMinutes(12),
        RunReport.BarKind.FAILED, java.util.Optional.of(java.time.Duration.ofMinutes(10)));
    RunReport report = RunReport.of(SampleRuns.passed());
    List<RunReport.Bar> bars = new ArrayList<>(report.chart());
    bars.add(late);
    RunReport withLate = new RunReport(report.run(), report.outcome(), report.reasons(), report.faultAt(),
        report.detection(), report.recovery(), report.checks(), report.comms(), report.phases(), report.failedActions(),
        report.notes(), report.timeline(), bars, report.debrief(), report.rerunDue(), report.aar(), 0);
    assertTrue(TimelineChart.svg(withLate).contains(">✗ late, 12m of 10m</text>"));
  }

  @Test
  void anAbortedRunShowsWhatRanUntilTheAbort() throws Exception {
    Document svg = chart(SampleRuns.aborted());
    assertEquals(1, all(svg, "mark fault").size());
    assertTrue(all(svg, "mark detected").isEmpty());
    assertTrue(all(svg, "mark recovered").isEmpty());
    assertFalse(all(svg, "band").isEmpty());
    assertTrue(texts(svg, "section").contains("rollback"), texts(svg, "section").toString());
  }

  @Test
  void anInterruptedRunHasUnfinishedBars() throws Exception {
    Document svg = chart(SampleRuns.interrupted());
    assertFalse(all(svg, "actual unfinished").isEmpty());
    assertTrue(texts(svg, "status").stream().anyMatch(s -> s.endsWith(" unfinished")), texts(svg, "status").toString());
  }

  @Test
  void barsStayInsideThePlotAndBudgetsAreDrawnUnderTheirBars() throws Exception {
    for (List<JournalEvent> run : List.of(SampleRuns.passed(), SampleRuns.failed(), SampleRuns.aborted(),
        SampleRuns.interrupted())) {
      Document svg = chart(run);
      for (String cssClass : List.of("actual done", "actual failed", "actual unfinished", "budget")) {
        for (Element bar : all(svg, cssClass)) {
          assertTrue(number(bar, "x") >= 260 && number(bar, "x") + number(bar, "width") <= 780.05,
              cssClass + " at " + bar.getAttribute("x") + " width " + bar.getAttribute("width"));
          assertTrue(number(bar, "width") > 0, cssClass);
        }
      }
    }
  }

  @Test
  void textsAreEscaped() throws JournalFormatException {
    String plan = SampleRuns.planJson().replace("\"Restart the matching engine\"", "\"Restart <b>now</b> & \\\"then\\\"\"");
    List<JournalEvent> events = new ArrayList<>();
    for (JournalEvent e : SampleRuns.failed(plan)) {
      events.add(e);
    }
    String svg = TimelineChart.svg(RunReport.of(events));
    assertFalse(svg.contains("<b>"), svg);
    assertTrue(svg.contains(">Restart &lt;b&gt;now&lt;/b&gt; &amp; &quot;then&quot;</text>"), svg);
  }

  @Test
  void aJournalWithNothingToDrawGivesNoChart() throws JournalFormatException {
    List<JournalEvent> started = SampleRuns.passed().subList(0, 1);
    assertEquals("", TimelineChart.svg(RunReport.of(started)));
  }
}
