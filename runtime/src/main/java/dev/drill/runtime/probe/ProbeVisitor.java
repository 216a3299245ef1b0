package dev.drill.runtime.probe;

import dev.drill.plan.Probe;

/**
 * One method per kind of {@link Probe}. Whatever treats probes kind by kind implements this
 * (observing them, asking a person, checking before a run what they need), so a new kind
 * (a Chaos Toolkit import will bring some) is a new method here and a compile error in every
 * place that must handle it. {@link #visit} is the one place that tells the kinds apart;
 * {@code ProbeVisitorTest} holds it to the kinds {@code Probe} permits.
 *
 * @param <R> what the visit gives
 * @param <X> what a visit may throw ({@link RuntimeException} for none)
 */
public interface ProbeVisitor<R, X extends Exception> {

  R http(Probe.Http probe) throws X;

  R command(Probe.Command probe) throws X;

  R prometheusQuery(Probe.PrometheusQuery probe) throws X;

  R prometheusAlert(Probe.PrometheusAlert probe) throws X;

  R log(Probe.Log probe) throws X;

  /** A question for a person, not a look at the world. */
  R manual(Probe.Manual probe) throws X;

  static <R, X extends Exception> R visit(Probe probe, ProbeVisitor<R, X> visitor) throws X {
    if (probe instanceof Probe.Http http) {
      return visitor.http(http);
    }
    if (probe instanceof Probe.Command command) {
      return visitor.command(command);
    }
    if (probe instanceof Probe.PrometheusQuery query) {
      return visitor.prometheusQuery(query);
    }
    if (probe instanceof Probe.PrometheusAlert alert) {
      return visitor.prometheusAlert(alert);
    }
    if (probe instanceof Probe.Log log) {
      return visitor.log(log);
    }
    if (probe instanceof Probe.Manual manual) {
      return visitor.manual(manual);
    }
    throw new IllegalArgumentException("a kind of probe drill does not know: " + probe.getClass().getName());
  }
}
