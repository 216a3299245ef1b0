package dev.drill.compiler.guide;

import dev.drill.plan.Markdown;
import dev.drill.plan.Plan;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the Markdown recovery guide of a plan from the template {@code guide.md.ftl}:
 * the built-in one, or a team's own from a directory. Output is deterministic.
 */
public final class GuideRenderer {

  private static final String TEMPLATE = "guide.md.ftl";

  private final Configuration freemarker;

  private GuideRenderer(TemplateLoader loader) {
    freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setTemplateLoader(loader);
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setLocale(Locale.ROOT);
    freemarker.setNumberFormat("computer");
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    freemarker.setWrapUncheckedExceptions(true);
    freemarker.setFallbackOnNullLoopVariable(false);
    // A template from a team's repository must not reach into the JVM.
    freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    freemarker.setAPIBuiltinEnabled(false);
  }

  /** The built-in templates. */
  public static GuideRenderer builtIn() {
    return new GuideRenderer(new ClassTemplateLoader(GuideRenderer.class, "/dev/drill/compiler/guide"));
  }

  /** A team's templates: files in {@code dir} win, the built-in ones fill the gaps. */
  static GuideRenderer withTemplates(Path dir) throws IOException {
    return new GuideRenderer(new MultiTemplateLoader(new TemplateLoader[] {
      new FileTemplateLoader(dir.toFile()),
      new ClassTemplateLoader(GuideRenderer.class, "/dev/drill/compiler/guide")
    }));
  }

  /** A team's templates when a directory is given, else the built-in ones. */
  static GuideRenderer of(Optional<Path> templates) throws IOException {
    return templates.isPresent() ? withTemplates(templates.get()) : builtIn();
  }

  /** The guide of a plan. A broken team template is a {@link GuideException} naming its line. */
  public String render(Plan plan) throws GuideException {
    try {
      Template template = freemarker.getTemplate(TEMPLATE);
      StringWriter out = new StringWriter();
      template.process(GuideModel.of(plan), out);
      return Markdown.tidy(out.toString());
    } catch (TemplateException e) {
      throw new GuideException("template " + e.getTemplateSourceName() + ":" + e.getLineNumber()
          + ":" + e.getColumnNumber() + ": " + firstLine(e.getMessageWithoutStackTop()), e);
    } catch (IOException e) {
      throw new GuideException("cannot read the guide template: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

}
