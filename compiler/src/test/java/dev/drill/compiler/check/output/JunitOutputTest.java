package dev.drill.compiler.check.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.check.SampleFindings;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.plan.SourceSpan;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

class JunitOutputTest {

  private static String xml(CheckFindings findings, boolean strict) {
    return OutputFormat.JUNIT.render(findings, SampleFindings.SOURCES, strict);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
        found.add((Element) n);
      }
    }
    return found;
  }

  private static List<Element> testcases(Document doc) {
    Element suite = children(doc.getDocumentElement(), "testsuite").get(0);
    return children(suite, "testcase");
  }

  /** What the parser gives back for text drill wrote: line breaks as \n, forbidden characters as U+FFFD. */
  private static String asRead(String text) {
    return text.replace("\r\n", "\n").replace('\u0001', '\uFFFD').replace('\u001b', '\uFFFD');
  }

  @Test
  void suitesCountTestsAndFailures() throws Exception {
    Element root = parse(xml(SampleFindings.MIXED, false)).getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("drill", root.getAttribute("name"));
    assertEquals("5", root.getAttribute("tests"));
    assertEquals("3", root.getAttribute("failures"));
    assertEquals("0", root.getAttribute("errors"));
    List<Element> suites = children(root, "testsuite");
    assertEquals(1, suites.size());
    Element suite = suites.get(0);
    assertEquals("drill check", suite.getAttribute("name"));
    assertEquals("5", suite.getAttribute("tests"));
    assertEquals("3", suite.getAttribute("failures"));
    assertEquals("0", suite.getAttribute("errors"));
    assertEquals("0", suite.getAttribute("skipped"));
  }

  @Test
  void oneTestcasePerDrillFailingOnErrors() throws Exception {
    List<Element> cases = testcases(parse(xml(SampleFindings.MIXED, false)));
    assertEquals(5, cases.size());
    List<Integer> failures = new ArrayList<>();
    for (Element c : cases) {
      assertEquals("drill", c.getAttribute("classname"));
      failures.add(children(c, "failure").size());
    }
    assertEquals(List.of(1, 1, 0, 0, 1), failures);

    Element engine = cases.get(0);
    assertEquals("matching-engine-crash", engine.getAttribute("name"));
    assertEquals(SampleFindings.DRILL, engine.getAttribute("file"));
    Element failure = children(engine, "failure").get(0);
    assertEquals("D604", failure.getAttribute("type"));
    assertEquals("guides/matching-engine-crash.md:42:1: error D604: step 'restart' has no section in the guide",
        failure.getAttribute("message"));
    assertEquals(DiagnosticRenderer.render(SampleFindings.MISSING_SECTION, Optional.of(SampleFindings.GUIDE_SOURCE)),
        failure.getTextContent());
    Element out = children(engine, "system-out").get(0);
    assertEquals(DiagnosticRenderer.render(SampleFindings.UNUSED_PARAM, Optional.of(SampleFindings.DRILL_SOURCE)), out.getTextContent());

    Element clean = cases.get(2);
    assertEquals("clean", clean.getAttribute("name"));
    assertFalse(clean.hasChildNodes());
    Element warned = cases.get(3);
    assertEquals(0, children(warned, "failure").size());
    assertTrue(children(warned, "system-out").get(0).getTextContent().contains("warning D701: never practiced"));
  }

  @Test
  void strictFailsOnWarningsToo() throws Exception {
    Document doc = parse(xml(SampleFindings.MIXED, true));
    assertEquals("4", doc.getDocumentElement().getAttribute("failures"));
    List<Element> cases = testcases(doc);
    Element engine = cases.get(0);
    Element failure = children(engine, "failure").get(0);
    assertTrue(failure.getAttribute("message").endsWith(" (and 1 more)"), failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains("warning D402"));
    assertEquals(0, children(engine, "system-out").size());
    Element warned = children(cases.get(3), "failure").get(0);
    assertEquals("D701", warned.getAttribute("type"));
  }

  @Test
  void nastyTextRoundTripsThroughTheParser() throws Exception {
    String raw = xml(SampleFindings.MIXED, false);
    assertFalse(raw.contains("\u0001") || raw.contains("\u001b") || raw.contains("\r"), "forbidden characters written");
    assertTrue(raw.contains("]]&gt;"));
    Element nasty = testcases(parse(raw)).get(1);
    assertEquals("nasty <&> ", nasty.getAttribute("name"));
    assertEquals(SampleFindings.NASTY_FILE, nasty.getAttribute("file"));
    Element failure = children(nasty, "failure").get(0);
    assertEquals(asRead(DiagnosticText.headline(SampleFindings.NASTY_ERROR)).replace('\n', ' ').replace('\t', ' '),
        failure.getAttribute("message"));
    assertEquals(asRead(DiagnosticRenderer.render(SampleFindings.NASTY_ERROR, Optional.empty())), failure.getTextContent());
    // The renderer shows control characters as U+FFFD, line breaks too: a diagnostic's message is one line.
    assertTrue(failure.getTextContent().contains("command <kill> & \"quoted\" 'single' ]]> 50%\uFFFD\uFFFDsecond line,"
        + "\tcol: 3\uFFFD\uFFFD[31m Zürich — 東京 😀"));
  }

  @Test
  void everyCharacterGivesWellFormedXml() throws Exception {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x300; c++) {
      all.append(c);
    }
    all.append("\uD800 lone high, lone low \uDC00, \uFFFE\uFFFF, pair \uD83D\uDE00");
    Diagnostic d = Diagnostic.of(Code.D006, SourceSpan.at("x" + all + ".drill", 1, 1), all.toString(), all.toString());
    String raw = xml(new CheckFindings(List.of(new CheckFindings.Entry(all.toString(), all.toString(), List.of(d)))), false);
    Element testcase = testcases(parse(raw)).get(0);
    assertTrue(testcase.getAttribute("name").contains(" !\"#$%&'()*+"));
    assertTrue(testcase.getAttribute("name").contains(";<=>?@"));
    assertTrue(children(testcase, "failure").get(0).getTextContent().contains("pair \uD83D\uDE00"));
  }

  @Test
  void noDrillsIsAnEmptySuite() throws Exception {
    String raw = xml(new CheckFindings(List.of()), false);
    assertTrue(raw.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"), raw);
    Document doc = parse(raw);
    assertEquals("0", doc.getDocumentElement().getAttribute("tests"));
    assertEquals(0, testcases(doc).size());
  }
}
