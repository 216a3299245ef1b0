package dev.drill.compiler.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drill.compiler.ast.Durations;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanJson;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code drill list --format json}: the list for tools. Times are in milliseconds and as the
 * drill language writes them; a drill that does not compile has only its file.
 */
public final class ListJson {

  private ListJson() {}

  public static String render(List<PracticeList.Row> rows, LocalDate today) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("today", today.toString());
    List<Readiness> scored = rows.stream().flatMap(row -> row.readiness().stream()).toList();
    ObjectNode library = root.putObject("readiness");
    library.put("score", Readiness.mean(scored));
    library.put("drills", scored.size());
    ArrayNode drills = root.putArray("drills");
    rows.forEach(row -> drill(drills.addObject(), row));
    try {
      return PlanJson.writer().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void drill(ObjectNode node, PracticeList.Row row) {
    node.put("file", row.file());
    node.put("compiles", row.plan().isPresent());
    if (row.plan().isEmpty()) {
      return;
    }
    Plan plan = row.plan().get();
    node.put("id", plan.id());
    node.put("title", plan.title());
    node.put("kind", plan.kind().keyword());
    plan.cadence().ifPresentOrElse(c -> node.put("cadence", Durations.format(c)), () -> node.putNull("cadence"));
    row.sameIdAs().ifPresent(other -> node.put("sameIdAs", other));
    row.lastRun().ifPresentOrElse(last -> {
      ObjectNode run = node.putObject("lastRun");
      run.put("date", last.date().toString());
      run.put("outcome", last.outcome().name().toLowerCase(Locale.ROOT));
    }, () -> node.putNull("lastRun"));
    ObjectNode due = node.putObject("due");
    row.due().date().ifPresentOrElse(d -> due.put("date", d.toString()), () -> due.putNull("date"));
    due.put("overdue", row.due().overdue());
    due.put("neverPracticed", row.due().neverPracticed());
    ObjectNode actions = node.putObject("actionItems");
    actions.put("open", row.actions().open());
    actions.put("overdue", row.actions().overdue());
    row.readiness().ifPresent(r -> {
      ObjectNode readiness = node.putObject("readiness");
      readiness.put("score", r.score());
      readiness.put("reason", r.reason());
    });
    ArrayNode runs = node.putArray("trend");
    for (Trend.Point point : row.trend().points()) {
      ObjectNode run = runs.addObject();
      run.put("startedAt", point.startedAt().toString());
      run.put("outcome", point.outcome().name().toLowerCase(Locale.ROOT));
      time(run, "timeToDetect", point.timeToDetect());
      time(run, "timeToRecover", point.timeToRecover());
    }
  }

  private static void time(ObjectNode node, String name, Optional<Duration> time) {
    time.ifPresentOrElse(t -> node.put(name + "Ms", t.toMillis()), () -> node.putNull(name + "Ms"));
  }
}
