package dev.drill.compiler.library;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.Template;
import dev.drill.compiler.ast.TemplateCall;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.NearMiss;
import dev.drill.compiler.semantic.SemanticAnalyzer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a drill from its template: follows the {@code from} chain (each template resolved in
 * the scope of the file that names it), binds each link's arguments, then merges from the
 * base up: the base's items, each derived template's over them, the drill's over all. The
 * chain is walked in a loop, so its length costs no Java stack.
 */
final class TemplateExpander {

  /** A template of the chain with the values of its parameters. */
  private record Link(Template template, Optional<TemplateCall> call, Map<String, Text> arguments) {}

  private final Scope scope;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private TemplateExpander(Scope scope) {
    this.scope = scope;
  }

  static Expansion expand(Drill drill, Scope scope) {
    if (drill.from().isEmpty()) {
      return new Expansion(Optional.of(drill), List.of(), List.of());
    }
    TemplateExpander expander = new TemplateExpander(scope);
    List<Link> chain = expander.chain(Optional.empty(), drill.from(), drill.span().file());
    if (chain.isEmpty() || expander.diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new Expansion(Optional.empty(), List.of(), expander.diagnostics);
    }
    List<DrillItem> items = Substitution.apply(last(chain).template().items(), last(chain).arguments());
    for (int i = chain.size() - 2; i >= 0; i--) {
      items = Merge.of(items, Substitution.apply(chain.get(i).template().items(), chain.get(i).arguments()));
    }
    items = Merge.of(items, drill.items());
    List<Expansion.Instantiation> instantiations = new ArrayList<>();
    for (Link link : chain) {
      instantiations.add(new Expansion.Instantiation(link.template().name().value(), link.call().orElseThrow().span()));
    }
    return new Expansion(Optional.of(new Drill(drill.span(), drill.name(), drill.from(), items)),
        instantiations, expander.diagnostics);
  }

  /**
   * A file's own templates, checked as far as they can be without a drill: their parameters,
   * and the chain each extends (names, arguments, cycles). Their items are checked in every
   * drill built from them.
   */
  static List<Diagnostic> check(DrillFile file, Scope scope) {
    TemplateExpander expander = new TemplateExpander(scope);
    for (Template template : file.templates()) {
      expander.diagnostics.addAll(SemanticAnalyzer.kebabCase(List.of(template.name()), "template name"));
      expander.diagnostics.addAll(SemanticAnalyzer.kebabCase(
          template.parameters().stream().map(Template.Parameter::name).toList(), "template parameter"));
      expander.chain(Optional.of(template), template.from(), template.span().file());
    }
    return expander.diagnostics;
  }

  /**
   * The chain from a template (given, or named by a call) down to its last base. Empty when
   * the first template is unknown; cut short where a later one is unknown or closes a cycle.
   */
  private List<Link> chain(Optional<Template> first, Optional<TemplateCall> firstCall, String callerFile) {
    List<Link> chain = new ArrayList<>();
    // By identity: a template is one object of its file's tree, and hashing a record hashes its whole tree.
    Set<Template> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Optional<TemplateCall> call = firstCall;
    Map<String, Text> callerArguments = Map.of();
    Optional<Template> next = first;
    if (next.isPresent()) {
      seen.add(next.get());
      parameters(next.get());
      chain.add(new Link(next.get(), Optional.empty(), Map.of()));
      callerFile = next.get().span().file();
    }
    while (call.isPresent()) {
      TemplateCall named = call.get();
      Map<String, Template> visible = scope.templates(callerFile);
      Template template = visible.get(named.template().value());
      if (template == null) {
        // An import that failed is reported where it is; the templates it would have brought are not news.
        if (scope.complete()) {
          unknown(named, visible);
        }
        break;
      }
      if (!seen.add(template)) {
        if (!scope.firstReportOf(cycle(chain, template))) {
          break;
        }
        diagnostics.add(Diagnostic.of(Code.D811, named.template().span(),
            "template '" + template.name().value() + "' is built from itself through this 'from'",
            "a template extends a chain of others that ends: remove one 'from' of the cycle")
            .withRelated(template.name().span(), "template '" + template.name().value() + "'"));
        break;
      }
      parameters(template);
      Map<String, Text> arguments = bind(template, named, callerArguments);
      chain.add(new Link(template, call, arguments));
      call = template.from();
      callerArguments = arguments;
      callerFile = template.span().file();
    }
    shadowing(chain);
    return first.isPresent() ? chain.subList(Math.min(1, chain.size()), chain.size()) : chain;
  }

  /** The templates of the cycle that {@code back} closes: from it to the end of the chain. */
  private static Set<Template> cycle(List<Link> chain, Template back) {
    Set<Template> members = new HashSet<>();
    boolean inCycle = false;
    for (Link link : chain) {
      inCycle |= link.template().equals(back);
      if (inCycle) {
        members.add(link.template());
      }
    }
    return members;
  }

  private void unknown(TemplateCall call, Map<String, Template> visible) {
    String name = call.template().value();
    List<String> hints = new ArrayList<>();
    NearMiss.hint(name, visible.keySet()).ifPresent(hints::add);
    hints.add(visible.isEmpty()
        ? "no template is visible here: import the file that declares it"
        : "import the file that declares it, or use one of: " + String.join(", ", visible.keySet()));
    diagnostics.add(new Diagnostic(Code.D807, Code.D807.severity(), call.template().span(),
        "unknown template '" + name + "'", hints, Optional.empty()));
  }

  /** Each parameter once. */
  private void parameters(Template template) {
    Map<String, Template.Parameter> seen = new HashMap<>();
    for (Template.Parameter parameter : template.parameters()) {
      Template.Parameter first = seen.putIfAbsent(parameter.name().value(), parameter);
      if (first != null) {
        diagnostics.add(Diagnostic.of(Code.D810, parameter.name().span(),
            "template '" + template.name().value() + "' has two parameters named '" + parameter.name().value() + "'",
            "rename or remove one")
            .withRelated(first.name().span(), "the first one"));
      }
    }
  }

  /**
   * The value of each parameter: its argument (whose {@code ${p}} of the caller's own
   * parameters is replaced first), else its default; missing, unknown and repeated
   * arguments reported at the call.
   */
  private Map<String, Text> bind(Template template, TemplateCall call, Map<String, Text> callerArguments) {
    Map<String, Template.Parameter> parameters = new LinkedHashMap<>();
    template.parameters().forEach(p -> parameters.putIfAbsent(p.name().value(), p));
    Map<String, Text> given = new LinkedHashMap<>();
    Map<String, TemplateCall.Argument> firstOf = new HashMap<>();
    for (TemplateCall.Argument argument : call.arguments()) {
      String name = argument.name().value();
      TemplateCall.Argument first = firstOf.putIfAbsent(name, argument);
      if (first != null) {
        diagnostics.add(Diagnostic.of(Code.D810, argument.name().span(),
            "argument '" + name + "' is given twice", "keep one")
            .withRelated(first.name().span(), "the first one"));
      } else if (!parameters.containsKey(name)) {
        List<String> hints = new ArrayList<>();
        NearMiss.hint(name, parameters.keySet()).ifPresent(hints::add);
        hints.add(parameters.isEmpty()
            ? "template '" + template.name().value() + "' takes no arguments"
            : "template '" + template.name().value() + "' takes " + String.join(", ", parameters.keySet()));
        diagnostics.add(new Diagnostic(Code.D809, Code.D809.severity(), argument.name().span(),
            "template '" + template.name().value() + "' has no parameter '" + name + "'", hints,
            Optional.of(new Diagnostic.Related(template.name().span(), "template '" + template.name().value() + "'"))));
      } else {
        given.put(name, Substitution.text(argument.value(), callerArguments));
      }
    }
    Map<String, Text> arguments = new LinkedHashMap<>(given);
    for (Template.Parameter parameter : parameters.values()) {
      String name = parameter.name().value();
      if (given.containsKey(name)) {
        continue;
      }
      if (parameter.defaultValue().isPresent()) {
        arguments.put(name, Substitution.text(parameter.defaultValue().get(), given));
      } else {
        diagnostics.add(Diagnostic.of(Code.D808, call.template().span(),
            "template '" + template.name().value() + "' needs an argument for '" + name + "'",
            "add " + name + " = \"...\" to the arguments, or give the parameter a default in the template")
            .withRelated(parameter.name().span(), "the parameter"));
      }
    }
    return arguments;
  }

  /**
   * A template parameter named as a {@code param} of the template or a base would make
   * {@code ${name}} mean two things: one replaced when the drill is built, one at run time.
   */
  private void shadowing(List<Link> chain) {
    Set<String> declaredBelow = new HashSet<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      Template template = chain.get(i).template();
      for (DrillItem item : template.items()) {
        if (item instanceof DrillItem.ParamDecl param) {
          declaredBelow.add(param.name().value());
        }
      }
      for (Template.Parameter parameter : template.parameters()) {
        if (declaredBelow.contains(parameter.name().value())) {
          diagnostics.add(Diagnostic.of(Code.D812, parameter.name().span(),
              "template parameter '" + parameter.name().value() + "' has the name of a param of the drill it builds",
              "rename one: ${" + parameter.name().value() + "} would mean the template's argument here and the"
                  + " param's run-time value in a base template"));
        }
      }
    }
  }

  private static Link last(List<Link> chain) {
    return chain.get(chain.size() - 1);
  }
}
