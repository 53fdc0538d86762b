package io.tokensdk.client;

/** The server answered something the spec does not allow: a status it does not list, or a body that does not parse. */
public final class UnexpectedResponseException extends TokenSdkException {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;

  /** An unexpected answer with status {@code httpStatus}; the message must not quote the body. */
  public UnexpectedResponseException(String operationId, int httpStatus, String message) {
    super(operationId, operationId + ": HTTP " + httpStatus + ": " + message, null);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status of the answer. */
  public int httpStatus() {
    return httpStatus;
  }
}
