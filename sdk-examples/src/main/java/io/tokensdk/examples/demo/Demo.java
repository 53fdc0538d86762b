package io.tokensdk.examples.demo;

import java.io.PrintStream;

/**
 * The end-to-end demo: drives a token's lifecycle through the typed TSP client, then COF and PAT notifications, checking
 * every result. Prints each step without plaintext card data.
 */
public final class Demo {
  private final DemoEnvironment env;
  private final PrintStream out;

  /** A demo against {@code env}, printing to {@code out}. */
  public Demo(DemoEnvironment env, PrintStream out) {
    this.env = env;
    this.out = out;
  }

  /**
   * Runs every step.
   *
   * @return 0 when every step gave the expected result, 1 otherwise
   */
  public int run() {
    out.println("TSP " + env.tspUrl() + " | COF " + env.cofUrl() + " | PAT " + env.patUrl());
    StepPrinter steps = new StepPrinter(out);
    try {
      TspLifecycleSteps tsp = new TspLifecycleSteps(env, steps);
      tsp.run();
      new NotificationSteps(env, steps).run("demo-token-" + tsp.dpan().substring(12),
          TspLifecycleSteps.TEST_FPAN);
    } catch (DemoFailure e) {
      out.println("Demo FAILED: " + e.getMessage());
      return 1;
    }
    out.println("Demo passed: every step gave the expected result.");
    return 0;
  }
}
