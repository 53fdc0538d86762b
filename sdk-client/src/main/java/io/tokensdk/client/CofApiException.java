package io.tokensdk.client;

import io.tokensdk.model.cof.CofError;
import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.SpecId;
import java.time.Duration;
import java.util.Optional;

/**
 * A COF error answer: the HTTP status is the error. Switch on {@link #error()}; whether it is retryable follows the
 * spec's {@link ApiConventions#retryable(int, String) conventions}.
 */
public final class CofApiException extends ApiException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  /** An answer with status {@code httpStatus} and the server's Retry-After, if any. */
  public CofApiException(String operationId, int httpStatus, Duration retryAfter) {
    super(operationId, httpStatus, ApiConventions.of(SpecId.COF).retryable(httpStatus, null),
        operationId + ": HTTP " + httpStatus + CofError.of(httpStatus).map(e -> " (" + e.description() + ")")
            .orElse(" (not in the COF spec)"));
    this.retryAfter = retryAfter;
  }

  /** The error as a constant of the spec's table, or empty for a status the spec does not list. */
  public Optional<CofError> error() {
    return CofError.of(httpStatus());
  }

  /** The last answer's Retry-After, if it had one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
