package io.tokensdk.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, used only for outcomes that the spec calls retryable (see {@link ApiProtocol}).
 * Immutable. The defaults are conservative: 3 attempts, 200 ms base delay, 2 s maximum delay.
 */
public final class RetryPolicy {
  /** The default policy: 3 attempts, 200 ms base, 2 s cap. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2));
  /** No retries: every call makes exactly one attempt. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;

  private RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (baseDelay.isNegative() || maxDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("delays must be non-negative and maxDelay >= baseDelay");
    }
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
  }

  /** A policy of at most {@code maxAttempts} attempts (1 means no retry) with backoff between base and max delay. */
  public static RetryPolicy of(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay);
  }

  /** The maximum number of attempts, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The delay before the second attempt, before jitter. */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** The cap of any computed delay. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * The delay after the given failed attempt (1-based): {@code min(max, base * 2^(attempt-1))}, of which the upper half is
   * randomized ("equal jitter") so that many clients do not retry in step.
   */
  public Duration delayAfter(int attempt) {
    long base = baseDelay.toNanos();
    long cap = maxDelay.toNanos();
    long exponential = attempt >= 62 ? cap : Math.min(cap, base << Math.min(attempt - 1, 30));
    if (exponential <= 1) {
      return Duration.ofNanos(Math.max(exponential, 0));
    }
    long half = exponential / 2;
    return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(half + 1));
  }
}
