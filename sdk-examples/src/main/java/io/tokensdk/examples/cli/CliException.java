package io.tokensdk.examples.cli;

/** Bad input or options: printed as one line on stderr, exit code 1. Its message never holds key or card data. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with {@code message}. */
  public CliException(String message) {
    super(message);
  }
}
