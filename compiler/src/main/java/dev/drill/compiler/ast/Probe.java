package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Optional;

/** A probe as written: in steady checks, signals, verifications and abort conditions. */
public sealed interface Probe {

  SourceSpan span();

  record Http(
      SourceSpan span,
      Name method,
      Text url,
      List<HttpOption> options,
      List<Comparison> statusExpectations,
      List<Text> bodyExpectations)
      implements Probe {
    public Http {
      options = List.copyOf(options);
      statusExpectations = List.copyOf(statusExpectations);
      bodyExpectations = List.copyOf(bodyExpectations);
    }
  }

  record Command(
      SourceSpan span, Text command, List<Comparison> exitExpectations, List<Text> outputExpectations)
      implements Probe {
    public Command {
      exitExpectations = List.copyOf(exitExpectations);
      outputExpectations = List.copyOf(outputExpectations);
    }
  }

  record PrometheusQuery(SourceSpan span, Text query, Optional<Text> server, Comparison expect)
      implements Probe {}

  record PrometheusAlert(SourceSpan span, Text alert, Optional<Text> server) implements Probe {}

  record Log(SourceSpan span, Text path, Text pattern) implements Probe {}

  record Manual(SourceSpan span, Text question) implements Probe {}
}
