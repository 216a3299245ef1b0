package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Optional;

/** A probe as written: in steady checks, signals, verifications and abort conditions. */
public sealed interface Probe {

  SourceSpan span();

  /** The visitor's method for this kind of probe. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of probe: a new kind is a compile error wherever every kind must be handled. */
  interface Visitor<R> {
    R visit(Http http);

    R visit(Command command);

    R visit(PrometheusQuery query);

    R visit(PrometheusAlert alert);

    R visit(Log log);

    R visit(Manual manual);
  }

  record Http(
      SourceSpan span,
      Name method,
      Text url,
      List<HttpOption> options,
      List<NumberCheck> statusExpectations,
      List<Text> bodyExpectations,
      List<Text> bodyPatterns,
      List<JsonCheck> jsonExpectations)
      implements Probe {
    public Http {
      options = List.copyOf(options);
      statusExpectations = List.copyOf(statusExpectations);
      bodyExpectations = List.copyOf(bodyExpectations);
      bodyPatterns = List.copyOf(bodyPatterns);
      jsonExpectations = List.copyOf(jsonExpectations);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record Command(
      SourceSpan span,
      Text command,
      List<NumberCheck> exitExpectations,
      List<Text> outputExpectations,
      List<Text> outputPatterns,
      List<JsonCheck> jsonExpectations)
      implements Probe {
    public Command {
      exitExpectations = List.copyOf(exitExpectations);
      outputExpectations = List.copyOf(outputExpectations);
      outputPatterns = List.copyOf(outputPatterns);
      jsonExpectations = List.copyOf(jsonExpectations);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record PrometheusQuery(SourceSpan span, Text query, Optional<Text> server, Comparison expect)
      implements Probe {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record PrometheusAlert(SourceSpan span, Text alert, Optional<Text> server) implements Probe {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record Log(SourceSpan span, Text path, Text pattern) implements Probe {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record Manual(SourceSpan span, Text question) implements Probe {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }
}
