package io.tokensdk.client;

/**
 * The root of every error a client call throws. Messages never contain card data, keys or request bodies.
 *
 * <p>Subtypes: {@link ApiException} (the server answered with an error: {@link TspApiException},
 * {@link CofApiException}, {@link PatApiException}), {@link NetworkException} (no usable answer: connection refused,
 * reset, TLS failure), {@link ApiTimeoutException} (a timeout, including {@link DeadlineExceededException}),
 * {@link UnexpectedResponseException} (an answer the spec does not allow) and {@link RequestValidationException} (the
 * request breaks the spec and was not sent).
 */
public class TokenSdkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operationId;
  private volatile String requestId;
  private volatile int attempts;

  /** An error of {@code operationId} with a message that must not carry data. */
  protected TokenSdkException(String operationId, String message, Throwable cause) {
    super(message, cause);
    this.operationId = operationId;
  }

  /** The operationId of the spec that failed. */
  public String operationId() {
    return operationId;
  }

  /**
   * The idempotency id that every attempt carried: the TSP {@code x-request-id}, the COF {@code x-correlation-id} or the
   * PAT {@code messageId}; null when the call failed before one was chosen.
   */
  public String requestId() {
    return requestId;
  }

  /** How many attempts were made, 0 when the request was rejected before it was sent. */
  public int attempts() {
    return attempts;
  }

  final TokenSdkException attach(String requestId, int attempts) {
    this.requestId = requestId;
    this.attempts = attempts;
    return this;
  }
}
