package dev.drill.plan.shell;

import java.util.ArrayList;
import java.util.List;

/** Commands joined by {@code |}: each stage's output is the next one's input. A single command is a pipeline of one. */
final class Pipeline {

  final List<Command> stages = new ArrayList<>();
}
