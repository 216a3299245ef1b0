package dev.drill.runtime.report;

import dev.drill.plan.Markdown;
import dev.drill.plan.VisibleText;
import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the after-action report of a run in Markdown, from the template
 * {@code report.md.ftl}: outcome, time-to-detect and time-to-recover against their budgets,
 * each expectation met or missed, failed actions with their output, observer notes, the
 * timeline with a Mermaid gantt chart, the debrief questions and the five sections of the
 * after-action review. The same report gives the same bytes: times are shown relative to
 * the start of the run, which is given once in UTC.
 *
 * <p>The same report in HTML, from {@code report.html.ftlh}, is one self-contained page with
 * the timeline drawn as an SVG chart ({@link TimelineChart}): the template's extension turns
 * on Freemarker's HTML auto-escaping, so every text from the journal or the plan is printed
 * as text; only the chart, which escapes its own texts, goes in as markup.
 */
final class ReportRenderer {

  static final String TEMPLATE = "report.md.ftl";
  static final String HTML_TEMPLATE = "report.html.ftlh";

  private final Configuration freemarker;

  ReportRenderer() {
    freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setTemplateLoader(new ClassTemplateLoader(ReportRenderer.class, "/dev/drill/runtime/report"));
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setLocale(Locale.ROOT);
    freemarker.setNumberFormat("computer");
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    freemarker.setWrapUncheckedExceptions(true);
    freemarker.setFallbackOnNullLoopVariable(false);
    freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    freemarker.setAPIBuiltinEnabled(false);
  }

  /** The report in Markdown, ending in a newline. */
  String render(RunReport report) {
    // Command output and probe answers are in it: no ANSI escape or other control goes raw into the file.
    return VisibleText.of(Markdown.tidy(process(TEMPLATE, ReportModel.of(report))));
  }

  /** The report as one HTML page that needs no script and nothing from the network, ending in a newline. */
  String html(RunReport report) {
    Map<String, Object> model = ReportModel.of(report, ReportModel.Dialect.PLAIN);
    try {
      model.put("svg", HTMLOutputFormat.INSTANCE.fromMarkup(TimelineChart.svg(report)));
    } catch (TemplateModelException e) {
      throw new IllegalStateException("cannot put the chart into the report: " + e.getMessage(), e);
    }
    return VisibleText.of(process(HTML_TEMPLATE, model));
  }

  private String process(String name, Map<String, Object> model) {
    try {
      Template template = freemarker.getTemplate(name);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (TemplateException | IOException e) {
      // The template is ours and its model fixed: failing here is a bug in drill, not bad input.
      throw new IllegalStateException("cannot render the report template: " + e.getMessage(), e);
    }
  }

}
