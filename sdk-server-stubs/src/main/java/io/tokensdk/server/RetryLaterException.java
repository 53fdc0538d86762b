package io.tokensdk.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by a handler that cannot serve the request now but could later (overload, maintenance, a dependency down). The
 * SDK answers with the spec's retryable "try again" answer and a {@code Retry-After}: TSP 503 ("Service Unavailable,
 * retry possible"), COF 503, PAT 500 with statusCode 1300. A notification answered this way is not remembered as done,
 * so its redelivery reaches the handler again.
 */
public final class RetryLaterException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  /** Asks the caller to retry after {@code retryAfter} (rounded down to whole seconds on the wire). */
  public RetryLaterException(Duration retryAfter) {
    super("retry later");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative");
    }
  }

  /** How long the caller should wait. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
