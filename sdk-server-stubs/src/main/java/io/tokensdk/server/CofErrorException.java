package io.tokensdk.server;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A COF answer other than success, thrown by a {@code CofNotificationHandler} method: one of the statuses the spec lists
 * (400, 404, 429, 500, 503), without a body. 429, 500 and 503 make the sender retry; a {@code Retry-After} may be given.
 */
public final class CofErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final Set<Integer> ALLOWED = Set.of(400, 404, 429, 500, 503);
  private final int status;
  private final transient Duration retryAfter;

  /**
   * An answer with {@code status} and an optional {@code retryAfter} (whole seconds are sent).
   *
   * @throws IllegalArgumentException when the spec does not list the status, or retryAfter is negative
   */
  public CofErrorException(int status, Duration retryAfter) {
    super("COF answer " + status);
    if (!ALLOWED.contains(status)) {
      throw new IllegalArgumentException("status not in the COF spec: " + status);
    }
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("negative retryAfter");
    }
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** An answer with {@code status} and no {@code Retry-After}. */
  public CofErrorException(int status) {
    this(status, null);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The delay sent in {@code Retry-After}, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
