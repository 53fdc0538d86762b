package io.tokensdk.client;

/** The server answered with a status that the spec calls an error. */
public abstract class ApiException extends TokenSdkException {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;
  private final boolean retryable;

  /** An error answer with its HTTP status and whether the spec calls it retryable. */
  protected ApiException(String operationId, int httpStatus, boolean retryable, String message) {
    super(operationId, message, null);
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /** The HTTP status of the last answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the spec calls this answer retryable; when true the SDK has already retried up to its policy. */
  public boolean retryable() {
    return retryable;
  }
}
