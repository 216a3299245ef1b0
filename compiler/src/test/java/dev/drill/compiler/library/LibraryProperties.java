package dev.drill.compiler.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.GeneratedDrills;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.syntax.Formatter;
import dev.drill.grammar.DrillLexer;
import dev.drill.plan.PlanFingerprint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Laws of templates: a drill built from a template is the drill written out by hand (the
 * same plan fingerprint), and {@code drill fmt} keeps a library's meaning and is idempotent.
 */
class LibraryProperties {

  @Property(tries = 200)
  void aTemplateDrillHasTheFingerprintOfTheDrillWrittenOutByHand(@ForAll("drills") String handWritten) {
    String library = asTemplate(handWritten);
    // One name for both: a drill's default guide path comes from its file's name.
    CompileResult byHand = DrillCompiler.compile(new SourceFile("generated.drill", handWritten));
    CompileResult built = DrillCompiler.compile(new SourceFile("generated.drill", library));
    assertTrue(built.plan().isPresent(), () -> library + "\n" + built.diagnostics());
    assertEquals(PlanFingerprint.of(byHand.plan().orElseThrow()), PlanFingerprint.of(built.plan().get()), library);
  }

  @Property(tries = 200)
  void formattingALibraryIsIdempotentAndKeepsThePlan(@ForAll("drills") String handWritten) {
    String library = asTemplate(handWritten);
    String once = Formatter.format(new SourceFile("lib.drill", library)).orElseThrow();
    String twice = Formatter.format(new SourceFile("lib.drill", once)).orElseThrow();
    assertEquals(once, twice, "idempotent");
    assertEquals(fingerprint(library), fingerprint(once), "same plan");
  }

  @Provide
  Arbitrary<String> drills() {
    return GeneratedDrills.drills();
  }

  private static String fingerprint(String text) {
    return PlanFingerprint.of(DrillCompiler.compile(new SourceFile("lib.drill", text)).plan().orElseThrow());
  }

  /**
   * The drill as a template whose every one-line string is a parameter, and a drill built from
   * it with those strings as arguments: {@code drill x { title "T" }} becomes
   * {@code template x-template(p1) { title "${p1}" }} and
   * {@code drill x from x-template(p1 = "T") {}}.
   */
  static String asTemplate(String drill) {
    List<? extends Token> tokens = new DrillLexer(CharStreams.fromString(drill)).getAllTokens();
    Map<String, String> arguments = new LinkedHashMap<>();
    StringBuilder body = new StringBuilder();
    String name = null;
    boolean afterDrill = false;
    for (Token token : tokens) {
      if (token.getType() == DrillLexer.DRILL && name == null) {
        afterDrill = true;
        body.append("template");
        continue;
      }
      if (afterDrill && token.getType() != DrillLexer.WS) {
        name = token.getText();
        body.append(name).append("-template(PARAMETERS)");
        afterDrill = false;
        continue;
      }
      if (token.getType() == DrillLexer.STRING) {
        String parameter = "tplarg" + (arguments.size() + 1);
        arguments.put(parameter, token.getText());
        body.append("\"${").append(parameter).append("}\"");
      } else {
        body.append(token.getText());
      }
    }
    List<String> parameters = new ArrayList<>(arguments.keySet());
    List<String> given = new ArrayList<>();
    arguments.forEach((parameter, literal) -> given.add(parameter + " = " + literal));
    return body.toString().replace("PARAMETERS", String.join(", ", parameters))
        + "\ndrill " + name + " from " + name + "-template(" + String.join(", ", given) + ") {}\n";
  }
}
