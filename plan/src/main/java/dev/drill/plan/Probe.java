package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Optional;

/**
 * Something that observes the world and holds or not: steady checks, signals,
 * verifications and abort conditions. An HTTP probe that cannot connect has no status:
 * {@code expect status 200} does not hold (nor does {@code in} or {@code between}),
 * {@code expect status != 200} does.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(Probe.Http.class),
  @JsonSubTypes.Type(Probe.Command.class),
  @JsonSubTypes.Type(Probe.PrometheusQuery.class),
  @JsonSubTypes.Type(Probe.PrometheusAlert.class),
  @JsonSubTypes.Type(Probe.Log.class),
  @JsonSubTypes.Type(Probe.Manual.class)
})
public sealed interface Probe {

  /** Holds when every expectation given holds; with none, when the response is 2xx. */
  @JsonTypeName("http")
  record Http(
      String method,
      String url,
      List<Header> headers,
      Optional<String> body,
      Optional<NumberExpectation> expectStatus,
      Optional<String> expectBodyContains,
      Optional<String> expectBodyMatches,
      Optional<JsonExpectation> expectJson)
      implements Probe {
    public Http {
      headers = List.copyOf(headers);
    }

    /** A probe with no pattern or JSON expectation on the body. */
    public Http(String method, String url, List<Header> headers, Optional<String> body,
        Optional<NumberExpectation> expectStatus, Optional<String> expectBodyContains) {
      this(method, url, headers, body, expectStatus, expectBodyContains, Optional.empty(), Optional.empty());
    }

    /** True when something of the body is expected: then any status will do unless one is expected. */
    public boolean expectsBody() {
      return expectBodyContains.isPresent() || expectBodyMatches.isPresent() || expectJson.isPresent();
    }
  }

  /**
   * Holds when the exit status matches (default {@code == 0}) and the output (stdout and
   * stderr together) contains the text, matches the pattern and holds the JSON expected.
   */
  @JsonTypeName("command")
  record Command(
      String command,
      NumberExpectation expectExit,
      Optional<String> expectOutputContains,
      Optional<String> expectOutputMatches,
      Optional<JsonExpectation> expectJson)
      implements Probe {

    /** A probe with no pattern or JSON expectation on the output. */
    public Command(String command, NumberExpectation expectExit, Optional<String> expectOutputContains) {
      this(command, expectExit, expectOutputContains, Optional.empty(), Optional.empty());
    }
  }

  /** Holds when the instant query returns a sample whose value matches. */
  @JsonTypeName("prometheusQuery")
  record PrometheusQuery(String query, Optional<String> server, Expectation expect)
      implements Probe {}

  /** Holds when the named alert is firing. */
  @JsonTypeName("prometheusAlert")
  record PrometheusAlert(String alert, Optional<String> server) implements Probe {}

  /** Holds when a line of the file matches the regular expression. */
  @JsonTypeName("log")
  record Log(String path, String pattern) implements Probe {}

  /** Holds when a person answers yes. */
  @JsonTypeName("manual")
  record Manual(String question) implements Probe {}
}
