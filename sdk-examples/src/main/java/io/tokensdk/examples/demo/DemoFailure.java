package io.tokensdk.examples.demo;

/** A demo step did not give the expected result. Its message never holds card data. */
public final class DemoFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with {@code message}. */
  public DemoFailure(String message) {
    super(message);
  }

  /** Throws a {@link DemoFailure} with {@code message} unless {@code condition} holds. */
  public static void expect(boolean condition, String message) {
    if (!condition) {
      throw new DemoFailure(message);
    }
  }
}
