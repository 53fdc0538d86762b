package io.tokensdk.client;

/** The overall deadline of the call passed, possibly in the middle of a backoff. */
public final class DeadlineExceededException extends ApiTimeoutException {
  private static final long serialVersionUID = 1L;

  /** The deadline passed; the cause, if any, is the last attempt's failure. */
  public DeadlineExceededException(String operationId, Throwable cause) {
    super(operationId, operationId + ": call deadline exceeded", cause);
  }
}
