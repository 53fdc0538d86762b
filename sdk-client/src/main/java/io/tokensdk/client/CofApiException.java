package io.tokensdk.client;

import java.time.Duration;
import java.util.Optional;

/** A COF error answer; switch on {@link #error()}. */
public final class CofApiException extends ApiException {
  private static final long serialVersionUID = 1L;
  private final CofError error;
  private final Duration retryAfter;

  /** An answer with status {@code httpStatus} and the server's Retry-After, if any. */
  public CofApiException(String operationId, int httpStatus, Duration retryAfter) {
    super(operationId, httpStatus, CofError.of(httpStatus).retryable(),
        operationId + ": HTTP " + httpStatus + " (" + CofError.of(httpStatus) + ")");
    this.error = CofError.of(httpStatus);
    this.retryAfter = retryAfter;
  }

  /** The kind of error. */
  public CofError error() {
    return error;
  }

  /** The last answer's Retry-After, if it had one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
