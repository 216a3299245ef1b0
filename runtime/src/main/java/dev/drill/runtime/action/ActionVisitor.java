package dev.drill.runtime.action;

import dev.drill.plan.Action;

/**
 * One method per kind of {@link Action}. Whatever treats actions kind by kind implements
 * this (performing them, naming their kind in the journal), so a new kind is a new method
 * here and a compile error in every place that must handle it. {@link #visit} is the one
 * place that tells the kinds apart; {@code ActionVisitorTest} holds it to the kinds
 * {@code Action} permits.
 *
 * @param <R> what the visit gives
 * @param <X> what a visit may throw ({@link RuntimeException} for none)
 */
public interface ActionVisitor<R, X extends Exception> {

  R run(Action.Run action) throws X;

  R http(Action.Http action) throws X;

  /** Something a person does and confirms. */
  R manual(Action.Manual action) throws X;

  R waitFor(Action.Wait action) throws X;

  static <R, X extends Exception> R visit(Action action, ActionVisitor<R, X> visitor) throws X {
    if (action instanceof Action.Run run) {
      return visitor.run(run);
    }
    if (action instanceof Action.Http http) {
      return visitor.http(http);
    }
    if (action instanceof Action.Manual manual) {
      return visitor.manual(manual);
    }
    if (action instanceof Action.Wait wait) {
      return visitor.waitFor(wait);
    }
    throw new IllegalArgumentException("a kind of action drill does not know: " + action.getClass().getName());
  }

  /** The action's kind as the journal names it: {@code run}, {@code http}, {@code manual}, {@code wait}. */
  static String kind(Action action) {
    return visit(action, new ActionVisitor<String, RuntimeException>() {
      @Override
      public String run(Action.Run action) {
        return "run";
      }

      @Override
      public String http(Action.Http action) {
        return "http";
      }

      @Override
      public String manual(Action.Manual action) {
        return "manual";
      }

      @Override
      public String waitFor(Action.Wait action) {
        return "wait";
      }
    });
  }
}
