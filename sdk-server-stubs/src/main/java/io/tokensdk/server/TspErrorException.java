package io.tokensdk.server;

import io.tokensdk.model.tsp.TspResponseCode;

/**
 * A TSP business error: thrown by a {@code TspHandler} method, it is answered with {@code errorRes {responseCode,
 * errorMessage}} and the HTTP status that the spec's code table gives the code (400 for every code, 921 included).
 * <p>The message is sent to the caller: never put card data in it.
 */
public final class TspErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** The status of a code the table does not know: the spec declares {@code errorRes} on HTTP 400 only. */
  private static final int ERROR_RES_STATUS = 400;
  private final int responseCode;

  /** An error with a known code; a null message sends the code's description. */
  public TspErrorException(TspResponseCode code, String message) {
    this(requireCode(code).code(), message == null ? code.description() : message);
  }

  /** An error with the code's description as its message. */
  public TspErrorException(TspResponseCode code) {
    this(code, null);
  }

  /** An error with a raw code, for codes this SDK version does not know. */
  public TspErrorException(int responseCode, String message) {
    super(message);
    this.responseCode = responseCode;
  }

  private static TspResponseCode requireCode(TspResponseCode code) {
    if (code == null) {
      throw new IllegalArgumentException("code must not be null");
    }
    return code;
  }

  /** The {@code responseCode} sent. */
  public int responseCode() {
    return responseCode;
  }

  /** The HTTP status sent: the one the spec's table gives the code. */
  public int httpStatus() {
    return TspResponseCode.of(responseCode).map(TspResponseCode::httpStatus).orElse(ERROR_RES_STATUS);
  }
}
