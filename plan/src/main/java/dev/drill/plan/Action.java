package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Something that changes the world: in setup, teardown, inject steps and recovery steps. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(Action.Run.class),
  @JsonSubTypes.Type(Action.Http.class),
  @JsonSubTypes.Type(Action.Manual.class),
  @JsonSubTypes.Type(Action.Wait.class)
})
public sealed interface Action {

  SourceSpan source();

  /**
   * A shell command line; params reach it as data (environment variables), never as code.
   * It succeeds when its exit status matches {@code expectExit}, by default {@code == 0}.
   */
  @JsonTypeName("run")
  record Run(String command, Optional<Duration> timeout, Optional<NumberExpectation> expectExit, SourceSpan source)
      implements Action {

    /** A command that must exit 0. */
    public Run(String command, Optional<Duration> timeout, SourceSpan source) {
      this(command, timeout, Optional.empty(), source);
    }
  }

  @JsonTypeName("http")
  record Http(
      String method,
      String url,
      List<Header> headers,
      Optional<String> body,
      Optional<NumberExpectation> expectStatus,
      Optional<Duration> timeout,
      SourceSpan source)
      implements Action {
    public Http {
      headers = List.copyOf(headers);
    }

    /** A request with the run's default timeout. */
    public Http(String method, String url, List<Header> headers, Optional<String> body,
        Optional<NumberExpectation> expectStatus, SourceSpan source) {
      this(method, url, headers, body, expectStatus, Optional.empty(), source);
    }
  }

  /** A person does it and confirms done or failed. */
  @JsonTypeName("manual")
  record Manual(String instruction, SourceSpan source) implements Action {}

  @JsonTypeName("wait")
  record Wait(Duration duration, SourceSpan source) implements Action {}
}
