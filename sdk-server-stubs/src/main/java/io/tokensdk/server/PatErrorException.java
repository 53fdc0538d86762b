package io.tokensdk.server;

import io.tokensdk.model.pat.StatusCode;

/**
 * A PAT answer other than success, thrown by a {@code PatNotificationHandler} method. It is sent in the response envelope,
 * with the HTTP status of the spec's table ({@link StatusCode#httpStatus()}): 1301 on 400; 1300 and 1399 on 500 (the
 * sender retries on 1300).
 * <p>The message is sent to the caller: never put card data in it.
 */
public final class PatErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final StatusCode statusCode;

  /**
   * An answer with {@code statusCode} (1301, 1300 or 1399) and {@code statusMessage}; a null message sends the
   * spec's text for the code.
   *
   * @throws IllegalArgumentException for a success code (0000) or an unknown code
   */
  public PatErrorException(StatusCode statusCode, String statusMessage) {
    super(statusMessage);
    if (statusCode == null || statusCode == StatusCode.UNKNOWN_TO_SDK_VERSION || statusCode.httpStatus() < 400) {
      throw new IllegalArgumentException("not an error status code: " + statusCode);
    }
    this.statusCode = statusCode;
  }

  /** The status code sent. */
  public StatusCode statusCode() {
    return statusCode;
  }

  /** The HTTP status that the spec's table gives the code. */
  public int httpStatus() {
    return statusCode.httpStatus();
  }
}
