package io.tokensdk.server;

/**
 * A {@link DedupeStore} could not be reached or answered nonsense. The server answers the spec's retryable answer, so
 * the sender retries later; it never runs the handler without dedupe. The message names no request data.
 */
public class DedupeStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A store failure with its cause. */
  public DedupeStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A store failure. */
  public DedupeStoreException(String message) {
    super(message);
  }
}
