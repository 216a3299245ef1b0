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

  /** A shell command line; params reach it as data (environment variables), never as code. */
  @JsonTypeName("run")
  record Run(String command, Optional<Duration> timeout, SourceSpan source) implements Action {}

  @JsonTypeName("http")
  record Http(
      String method,
      String url,
      List<Header> headers,
      Optional<String> body,
      Optional<Expectation> expectStatus,
      SourceSpan source)
      implements Action {
    public Http {
      headers = List.copyOf(headers);
    }
  }

  /** A person does it and confirms done or failed. */
  @JsonTypeName("manual")
  record Manual(String instruction, SourceSpan source) implements Action {}

  @JsonTypeName("wait")
  record Wait(Duration duration, SourceSpan source) implements Action {}
}
