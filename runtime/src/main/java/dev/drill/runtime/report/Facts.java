package dev.drill.runtime.report;

import dev.drill.plan.Plan;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Typed reading of an event's facts, forgiving: a journal may come from another version of
 * drill or be edited by hand, so a fact of the wrong type reads as absent, never as a crash.
 */
final class Facts {

  private Facts() {}

  static Optional<String> text(JournalEvent event, String name) {
    Object value = event.facts().get(name);
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return Optional.of(value.toString());
    }
    return Optional.empty();
  }

  static String text(JournalEvent event, String name, String otherwise) {
    return text(event, name).orElse(otherwise);
  }

  static Optional<Duration> millis(JournalEvent event, String name) {
    Object value = event.facts().get(name);
    return value instanceof Number ? Optional.of(Duration.ofMillis(((Number) value).longValue())) : Optional.empty();
  }

  static Optional<Long> number(JournalEvent event, String name) {
    Object value = event.facts().get(name);
    return value instanceof Number ? Optional.of(((Number) value).longValue()) : Optional.empty();
  }

  static Optional<Boolean> bool(JournalEvent event, String name) {
    Object value = event.facts().get(name);
    return value instanceof Boolean ? Optional.of((Boolean) value) : Optional.empty();
  }

  /** A list of texts: a list or array of anything, each as text. */
  static List<String> texts(JournalEvent event, String name) {
    Object value = event.facts().get(name);
    Collection<?> items = value instanceof Collection ? (Collection<?>) value
        : value instanceof Object[] ? Arrays.asList((Object[]) value) : List.of();
    List<String> texts = new ArrayList<>();
    for (Object item : items) {
      if (item != null) {
        texts.add(item.toString());
      }
    }
    return texts;
  }

  /** The plan of a {@code run-started} event, when it carries one that reads as a plan. */
  static Optional<Plan> plan(JournalEvent runStarted) {
    return JournalPlan.of(runStarted);
  }

}
