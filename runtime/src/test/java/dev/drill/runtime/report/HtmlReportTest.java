package dev.drill.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private static final Path GOLDEN = Path.of("src/test/resources/reports");

  private static String html(List<JournalEvent> events) throws JournalFormatException {
    return new ReportRenderer().html(RunReport.of(events));
  }

  @Test
  void passedRunMatchesItsGoldenPage() throws JournalFormatException {
    Golden.assertMatches(GOLDEN.resolve("passed.html"), html(SampleRuns.passed()));
  }

  @Test
  void failedRunMatchesItsGoldenPage() throws JournalFormatException {
    Golden.assertMatches(GOLDEN.resolve("failed.html"), html(SampleRuns.failed()));
  }

  @Test
  void theSameJournalGivesTheSameBytes() throws JournalFormatException {
    assertEquals(html(SampleRuns.failed()), html(SampleRuns.failed()));
  }

  @Test
  void thePageForbidsScriptsAndLoadsNothingFromTheNetwork() throws JournalFormatException {
    String html = html(SampleRuns.failed());
    assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
        + " style-src 'unsafe-inline'; img-src data:\">"), html);
    assertFalse(html.contains("<script"), "no script element");
    assertFalse(html.contains("<link"), "no stylesheet or font from elsewhere");
    assertFalse(html.contains("src="), "nothing loaded");
    assertFalse(Pattern.compile("https?://(?!www\\.w3\\.org/2000/svg\")").matcher(withoutJournalText(html)).find(),
        "no URL but the SVG namespace");
    assertTrue(html.contains("@media print"), "a print stylesheet");
  }

  @Test
  void theMarkdownReportsContentIsThere() throws JournalFormatException {
    String html = html(SampleRuns.failed());
    assertTrue(html.contains("<tr><th>Outcome</th><td><span class=\"outcome failed\">FAILED</span></td></tr>"), html);
    assertTrue(html.contains("<tr><td>Time to detect</td><td>not detected</td><td>5m</td>"
        + "<td><strong class=\"problem\">✗ missed</strong></td></tr>"), html);
    assertTrue(html.contains("Re-run due by <strong>2026-12-04</strong> (a failed drill is re-run within 14d)."), html);
    assertTrue(html.contains("<h3>What we did not like</h3>"), html);
    assertTrue(html.contains("<tr class=\"problem\"><td><code>engine-up</code></td><td>after recovery</td>"), html);
  }

  @Test
  void aScriptInATitleAndANoteRendersAsText() throws JournalFormatException {
    List<JournalEvent> events = new ArrayList<>();
    String plan = SampleRuns.planJson().replace("\"Restart the matching engine\"", "\"Restart <img src=x onerror=alert(2)>\"");
    for (JournalEvent e : SampleRuns.failed(plan)) {
      events.add(retitled(retitled(e, "Matching engine crash during trading hours", "Crash <script>alert('title')</script>"),
          "Restart the matching engine", "Restart <img src=x onerror=alert(2)>"));
    }
    JournalEvent last = events.get(events.size() - 1);
    events.add(JournalEvent.of(last.at(), "note", "text", "<script>alert('note')</script> & \"quoted\"", "by",
        "<b>observer</b>"));
    String html = new ReportRenderer().html(RunReport.of(events));
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("<b>"), html);
    assertTrue(html.contains("<h1>After-action report: Crash &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</h1>"), html);
    assertTrue(html.contains("&lt;b&gt;observer&lt;/b&gt;: &lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;"
        + " &amp; &quot;quoted&quot;</li>"), html);
    assertTrue(html.contains("<td>Restart &lt;img src=x onerror=alert(2)&gt; <code>restart</code></td>"), html);
    assertTrue(html.contains("<text class=\"label\" x=\"250\" y=\""), html);
    assertTrue(html.contains("text-anchor=\"end\">Restart &lt;img src=x onerror=alert(2)&gt;</text>"), "in the chart too");
  }

  private static JournalEvent retitled(JournalEvent e, String title, String replacement) {
    if (!title.equals(e.facts().get("title"))) {
      return e;
    }
    Map<String, Object> facts = new LinkedHashMap<>(e.facts());
    facts.put("title", replacement);
    return new JournalEvent(e.at(), e.event(), facts);
  }

  @Test
  void theChartIsInThePage() throws JournalFormatException {
    String html = html(SampleRuns.passed());
    Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
    assertTrue(svg.find(), html);
    assertEquals(TimelineChart.svg(RunReport.of(SampleRuns.passed())).strip(), svg.group());
  }

  private static String withoutJournalText(String html) {
    return html.replaceAll("<(pre|code)>.*?</\\1>", "").replaceAll("<td>[^<]*http[^<]*</td>", "");
  }
}
