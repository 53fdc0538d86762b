package io.tokensdk.server;

import io.tokensdk.model.cof.CofError;
import java.time.Duration;
import java.util.Optional;

/**
 * A COF answer other than success, thrown by a {@code CofNotificationHandler} method: one of the error statuses of the
 * spec's table ({@link CofError}: 400, 404, 429, 500, 503), without a body. The retryable ones (429, 500, 503) make the
 * sender retry; a {@code Retry-After} may be given. 401 is not among them: the SDK answers it when the API key is wrong.
 */
public final class CofErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final CofError error;
  private final transient Duration retryAfter;

  /**
   * An answer with {@code error} and an optional {@code retryAfter} (whole seconds are sent).
   *
   * @throws IllegalArgumentException when error is null or 401, or retryAfter is negative
   */
  public CofErrorException(CofError error, Duration retryAfter) {
    super("COF answer " + (error == null ? null : error.httpStatus()));
    if (error == null || error == CofError.UNAUTHORIZED) {
      throw new IllegalArgumentException("not an answer a handler gives: " + error);
    }
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("negative retryAfter");
    }
    this.error = error;
    this.retryAfter = retryAfter;
  }

  /**
   * An answer with {@code status} and an optional {@code retryAfter} (whole seconds are sent).
   *
   * @throws IllegalArgumentException when the spec's table does not list the status, it is 401, or retryAfter is negative
   */
  public CofErrorException(int status, Duration retryAfter) {
    this(CofError.of(status).orElseThrow(() -> new IllegalArgumentException("status not in the COF spec: " + status)),
        retryAfter);
  }

  /** An answer with {@code status} and no {@code Retry-After}. */
  public CofErrorException(int status) {
    this(status, null);
  }

  /** An answer with {@code error} and no {@code Retry-After}. */
  public CofErrorException(CofError error) {
    this(error, null);
  }

  /** The error, a row of the spec's table. */
  public CofError error() {
    return error;
  }

  /** The HTTP status. */
  public int status() {
    return error.httpStatus();
  }

  /** The delay sent in {@code Retry-After}, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
