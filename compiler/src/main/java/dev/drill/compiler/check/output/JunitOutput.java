package dev.drill.compiler.check.output;

import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.SourceFile;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The findings as JUnit XML, which CI servers (GitLab, Jenkins, Azure, ...) show as tests:
 *
 * <pre>
 * &lt;testsuites name="drill" tests= failures= errors="0"&gt;
 *   &lt;testsuite name="drill check" tests= failures= errors="0" skipped="0"&gt;
 *     &lt;testcase classname="drill" name="DRILL" file="PATH"&gt;
 *       &lt;failure message="first problem (and N more)" type="D604"&gt;every failing diagnostic&lt;/failure&gt;
 *       &lt;system-out&gt;warnings that do not fail&lt;/system-out&gt;
 *     &lt;/testcase&gt;
 * </pre>
 *
 * One test case per drill; it fails on errors, and with {@code strict} on warnings too.
 */
final class JunitOutput {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private JunitOutput() {}

  static String render(CheckFindings findings, Function<String, Optional<SourceFile>> sources, boolean strict) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      String tests = String.valueOf(findings.entries().size());
      // Test cases, not drills: the run results' entry is a test case too.
      String failures = String.valueOf(findings.entries().stream().filter(e -> e.failed(strict)).count());
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "drill");
      xml.writeAttribute("tests", tests);
      xml.writeAttribute("failures", failures);
      xml.writeAttribute("errors", "0");
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "drill check");
      xml.writeAttribute("tests", tests);
      xml.writeAttribute("failures", failures);
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      for (CheckFindings.Entry entry : findings.entries()) {
        xml.writeCharacters("\n    ");
        testcase(xml, entry, sources, strict);
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      // Writing to a StringWriter does no I/O; this is a bug in how the document is built.
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return out.append('\n').toString();
  }

  private static void testcase(XMLStreamWriter xml, CheckFindings.Entry entry,
      Function<String, Optional<SourceFile>> sources, boolean strict) throws XMLStreamException {
    List<Diagnostic> failures = entry.failures(strict);
    List<Diagnostic> others = entry.diagnostics().stream().filter(d -> !strict && !d.isError()).toList();
    boolean empty = failures.isEmpty() && others.isEmpty();
    if (empty) {
      xml.writeEmptyElement("testcase");
    } else {
      xml.writeStartElement("testcase");
    }
    xml.writeAttribute("classname", "drill");
    xml.writeAttribute("name", XmlText.attribute(entry.name()));
    xml.writeAttribute("file", XmlText.attribute(entry.file()));
    if (empty) {
      return;
    }
    if (!failures.isEmpty()) {
      Diagnostic first = failures.get(0);
      String message = DiagnosticText.headline(first)
          + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "");
      xml.writeCharacters("\n      ");
      xml.writeStartElement("failure");
      xml.writeAttribute("message", XmlText.attribute(message));
      xml.writeAttribute("type", first.code().name());
      xml.writeCharacters(XmlText.content(rendered(failures, sources)));
      xml.writeEndElement();
    }
    if (!others.isEmpty()) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(XmlText.content(rendered(others, sources)));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static String rendered(List<Diagnostic> diagnostics, Function<String, Optional<SourceFile>> sources) {
    StringBuilder out = new StringBuilder();
    diagnostics.forEach(d -> out.append(DiagnosticRenderer.render(d, sources.apply(d.span().file()))));
    return out.toString();
  }
}
