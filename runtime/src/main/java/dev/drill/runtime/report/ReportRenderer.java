package dev.drill.runtime.report;

import dev.drill.plan.Markdown;
import dev.drill.plan.VisibleText;
import freemarker.cache.ClassTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;

/**
 * Renders the after-action report of a run in Markdown, from the template
 * {@code report.md.ftl}: outcome, time-to-detect and time-to-recover against their budgets,
 * each expectation met or missed, failed actions with their output, observer notes, the
 * timeline with a Mermaid gantt chart, the debrief questions and the five sections of the
 * after-action review. The same report gives the same bytes: times are shown relative to
 * the start of the run, which is given once in UTC.
 */
final class ReportRenderer {

  static final String TEMPLATE = "report.md.ftl";

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
    try {
      Template template = freemarker.getTemplate(TEMPLATE);
      StringWriter out = new StringWriter();
      template.process(ReportModel.of(report), out);
      // Command output and probe answers are in it: no ANSI escape or other control goes raw into the file.
      return VisibleText.of(Markdown.tidy(out.toString()));
    } catch (TemplateException | IOException e) {
      // The template is ours and its model fixed: failing here is a bug in drill, not bad input.
      throw new IllegalStateException("cannot render the report template: " + e.getMessage(), e);
    }
  }

}
