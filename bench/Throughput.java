// In-process throughput of the drill compiler: parse-only and full compile, over every
// .drill file under a directory held in memory. Warms up, then reports the best of 5
// rounds. Run by bench/run:  java -cp <module classes + cli/target/lib/*> bench/Throughput.java DIR
import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.syntax.ParseResult;
import dev.drill.compiler.syntax.SyntaxAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public class Throughput {
  static List<String> paths = new ArrayList<>();
  static List<byte[]> bytes = new ArrayList<>();
  static List<String> texts = new ArrayList<>();
  static long totalBytes;
  static long sink;

  public static void main(String[] args) throws Exception {
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".drill")).sorted().toList()) {
        byte[] b = Files.readAllBytes(p);
        paths.add(p.toString());
        bytes.add(b);
        texts.add(new String(b, StandardCharsets.UTF_8));
        totalBytes += b.length;
      }
    }
    int n = paths.size();
    // Sanity: every file compiles without errors.
    for (int i = 0; i < n; i++) {
      CompileResult r = DrillCompiler.compile(paths.get(i), bytes.get(i));
      if (r.hasErrors() || r.plan().isEmpty() && !r.templatesOnly()) {
        throw new IllegalStateException("does not compile: " + paths.get(i) + " " + r.diagnostics());
      }
    }
    for (int w = 0; w < 5; w++) { parseRound(); compileRound(); }   // warm-up
    long bestParse = Long.MAX_VALUE, bestCompile = Long.MAX_VALUE;
    for (int r = 0; r < 5; r++) {
      bestParse = Math.min(bestParse, parseRound());
      bestCompile = Math.min(bestCompile, compileRound());
    }
    double mb = totalBytes / 1e6;
    System.out.printf("files %d bytes %d%n", n, totalBytes);
    System.out.printf("parse %.1f %.0f %.1f%n", mb / (bestParse / 1e9), n / (bestParse / 1e9), bestParse / 1e6);
    System.out.printf("compile %.1f %.0f %.1f%n", mb / (bestCompile / 1e9), n / (bestCompile / 1e9), bestCompile / 1e6);
    if (sink == 42) System.out.println();
  }

  static long parseRound() {
    long t = System.nanoTime();
    for (int i = 0; i < paths.size(); i++) {
      ParseResult r = SyntaxAnalyzer.parse(new SourceFile(paths.get(i), texts.get(i)));
      sink += r.diagnostics().size() + (r.ast().isPresent() ? 1 : 0);
    }
    return System.nanoTime() - t;
  }

  static long compileRound() {
    long t = System.nanoTime();
    for (int i = 0; i < paths.size(); i++) {
      CompileResult r = DrillCompiler.compile(paths.get(i), bytes.get(i));
      sink += r.diagnostics().size() + (r.plan().isPresent() ? 1 : 0);
    }
    return System.nanoTime() - t;
  }
}
