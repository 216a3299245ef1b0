package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;

/** A communication duty of an incident-command role. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(CommsDuty.Update.class), @JsonSubTypes.Type(CommsDuty.Notify.class)})
public sealed interface CommsDuty {

  String audience();

  String role();

  SourceSpan source();

  /** Keep the audience updated, every {@code every}, from injection until the end. */
  @JsonTypeName("update")
  record Update(String audience, Duration every, String role, SourceSpan source)
      implements CommsDuty {}

  /** Tell the audience once, within {@code within} of injection. */
  @JsonTypeName("notify")
  record Notify(String audience, Duration within, String role, SourceSpan source)
      implements CommsDuty {}
}
