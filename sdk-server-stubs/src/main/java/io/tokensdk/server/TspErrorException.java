package io.tokensdk.server;

import io.tokensdk.model.tsp.TspResponseCode;

/**
 * A TSP business error: thrown by a {@code TspHandler} method, it is answered with HTTP 400 and
 * {@code errorRes {responseCode, errorMessage}}, as the spec prescribes for every error code (921 included).
 * <p>The message is sent to the caller: never put card data in it.
 */
public final class TspErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int responseCode;

  /** An error with a known code; a null message sends the code's description. */
  public TspErrorException(TspResponseCode code, String message) {
    this(code.code(), message == null ? code.description() : message);
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

  /** The {@code responseCode} sent. */
  public int responseCode() {
    return responseCode;
  }
}
