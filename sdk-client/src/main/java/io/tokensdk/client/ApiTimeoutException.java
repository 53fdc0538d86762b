package io.tokensdk.client;

/** A connect, write or read timeout. */
public class ApiTimeoutException extends TokenSdkException {
  private static final long serialVersionUID = 1L;

  /** A timeout; the cause, if any, is the I/O error. */
  public ApiTimeoutException(String operationId, String message, Throwable cause) {
    super(operationId, message, cause);
  }
}
