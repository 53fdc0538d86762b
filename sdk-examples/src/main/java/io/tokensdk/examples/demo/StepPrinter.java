package io.tokensdk.examples.demo;

import java.io.PrintStream;
import java.util.function.Supplier;

/** Runs the demo's steps one by one, printing each with its outcome; stops at the first failure. */
final class StepPrinter {
  private final PrintStream out;
  private int number;

  StepPrinter(PrintStream out) {
    this.out = out;
  }

  /** Runs {@code action}; it returns a one-line summary, or throws. */
  void step(String title, Supplier<String> action) {
    number++;
    String label = String.format("%2d. %-48s", number, title);
    try {
      String summary = action.get();
      out.println(label + " ok    " + summary);
    } catch (RuntimeException e) {
      out.println(label + " FAIL  " + describe(e));
      throw e instanceof DemoFailure failure ? failure : new DemoFailure(title + ": " + describe(e));
    }
  }

  /** Prints a step that does not apply to this run. */
  void skip(String title, String why) {
    number++;
    out.println(String.format("%2d. %-48s", number, title) + " skip  " + why);
  }

  /** The message of {@code e}: SDK exceptions keep card data out of theirs. */
  private static String describe(RuntimeException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
