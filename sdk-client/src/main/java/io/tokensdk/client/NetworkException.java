package io.tokensdk.client;

/** No usable answer: the connection was refused or reset, or the response was cut off. */
public class NetworkException extends TokenSdkException {
  private static final long serialVersionUID = 1L;

  /** A network failure; the cause is the I/O error. */
  public NetworkException(String operationId, String message, Throwable cause) {
    super(operationId, message, cause);
  }
}
