package io.tokensdk.testing;

import java.util.List;

/**
 * What the TSP conformance kit found: one result per check, in the order they ran. {@link #toString()} is the
 * report a person reads; {@link #assertConforms()} fails a test with it.
 *
 * @param target the base URL that was checked
 * @param results every check's result
 */
public record ConformanceReport(String target, List<Result> results) {
  /** How a check ended. */
  public enum Outcome {
    /** The answer is what the spec prescribes. */
    PASS,
    /** The answer breaks the spec; the detail says how. */
    FAIL,
    /** The check could not run because an earlier one failed (for example, no token was created). */
    SKIPPED
  }

  /**
   * One check's result.
   *
   * @param check what was checked, e.g. "updateTokenState on an unknown token answers 400 errorRes 119"
   * @param outcome how it ended
   * @param detail what was observed (never card data)
   */
  public record Result(String check, Outcome outcome, String detail) {
  }

  /** @param target the base URL that was checked
   *  @param results every check's result */
  public ConformanceReport {
    results = List.copyOf(results);
  }

  /** @return whether no check failed */
  public boolean conforms() {
    return failures().isEmpty();
  }

  /** @return the failed checks */
  public List<Result> failures() {
    return results.stream().filter(r -> r.outcome() == Outcome.FAIL).toList();
  }

  /**
   * Throws when a check failed, for use in a test.
   *
   * @throws AssertionError with the whole report
   */
  public void assertConforms() {
    if (!conforms()) {
      throw new AssertionError(toString());
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("TSP conformance of ").append(target).append(": ")
        .append(failures().size()).append(" of ").append(results.size()).append(" checks failed\n");
    for (Result result : results) {
      text.append(String.format("  %-7s %s", result.outcome(), result.check()));
      if (!result.detail().isEmpty()) {
        text.append(": ").append(result.detail());
      }
      text.append('\n');
    }
    return text.toString();
  }
}
