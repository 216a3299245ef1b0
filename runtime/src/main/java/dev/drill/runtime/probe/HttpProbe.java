package dev.drill.runtime.probe;

import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.PlanText;
import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.action.HttpReply;
import dev.drill.runtime.action.HttpRunner;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP probes: a request, and its status and body against the expectations. No response means
 * no status: only {@code !=} holds then, since a dead service is not a 200 (nor in a set or a
 * range of statuses). Details are redacted.
 */
final class HttpProbe {

  private final HttpRunner http;
  private final Bindings bindings;

  HttpProbe(HttpRunner http, Bindings bindings) {
    this.http = http;
    this.bindings = bindings;
  }

  Observation observe(Probe.Http probe, Duration timeout) throws InterruptedException {
    HttpReply reply = http.exchange(probe.method(), probe.url(), probe.headers(), probe.body(), timeout);
    if (reply.status().isEmpty()) {
      boolean holds = !probe.expectsBody()
          && probe.expectStatus().map(e -> e instanceof Expectation c && c.op() == Comparator.NE).orElse(false);
      return observation(holds, reply.detail());
    }
    int status = reply.status().getAsInt();
    // With only expectations of the body, any status will do: the body decides.
    boolean statusHolds = probe.expectStatus().isEmpty() && probe.expectsBody()
        || HttpRunner.statusHolds(status, probe.expectStatus());
    if (!statusHolds) {
      return observation(false, reply.detail() + probe.expectStatus()
          .filter(e -> !(e instanceof Expectation)).map(e -> " not " + PlanText.expectation(e)).orElse(""));
    }
    Optional<String> unmet = TextExpectations.unmet(bindings, "body", reply.body(), probe.expectBodyContains(),
        probe.expectBodyMatches(), probe.expectJson());
    return observation(unmet.isEmpty(), reply.detail() + unmet.map(u -> "; " + u).orElse(""));
  }

  private Observation observation(boolean holds, String detail) {
    return new Observation(holds, bindings.redact(detail));
  }
}
