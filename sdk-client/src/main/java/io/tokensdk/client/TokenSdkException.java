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
  private volatile boolean attached;
  private volatile String hint;

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

  /**
   * The description of the failure, followed by the request id and the attempt count once the call has ended, and a
   * hint when there is one (for a 404: the path the call went to and the spec's base path). Never card data, keys or
   * bodies.
   */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    if (!attached) {
      return message;
    }
    StringBuilder out = new StringBuilder(message == null ? operationId : message).append(" [requestId=")
        .append(requestId == null ? "none" : requestId).append(", ")
        .append(attempts == 0 ? "not sent" : attempts == 1 ? "1 attempt" : attempts + " attempts").append(']');
    if (hint != null) {
      out.append("; ").append(hint);
    }
    return out.toString();
  }

  final TokenSdkException attach(String requestId, int attempts) {
    this.requestId = requestId;
    this.attempts = attempts;
    this.attached = true;
    return this;
  }

  final void hint(String hint) {
    this.hint = hint;
  }
}
