package io.tokensdk.server;

/**
 * Thrown by the default implementation of an operation the spec marks {@code x-tokensdk-optional}. The TSP API answers
 * it with HTTP 400 {@code errorRes} 911 "Operation failed" and a message that says the operation is not supported.
 */
public final class OperationNotSupportedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String operationId;

  /** The operation {@code operationId} is not implemented by this server. */
  public OperationNotSupportedException(String operationId) {
    super("operation not supported: " + operationId);
    this.operationId = operationId;
  }

  /** The operation that is not supported. */
  public String operationId() {
    return operationId;
  }
}
