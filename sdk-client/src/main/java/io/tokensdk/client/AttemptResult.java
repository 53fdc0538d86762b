package io.tokensdk.client;

import java.time.Duration;

/**
 * How one attempt ended: a value, or a failure with whether another attempt may follow and after which delay the server
 * asked for; with the answer's HTTP status, 0 when there was none.
 */
record AttemptResult<T>(T value, TokenSdkException failure, boolean retryable, Duration retryAfter, int httpStatus) {
  static <T> AttemptResult<T> ok(T value) {
    return new AttemptResult<>(value, null, false, null, 0);
  }

  static <T> AttemptResult<T> fail(TokenSdkException failure, boolean retryable) {
    return new AttemptResult<>(null, failure, retryable, null, 0);
  }

  static <T> AttemptResult<T> failAfter(TokenSdkException failure, Duration retryAfter) {
    return new AttemptResult<>(null, failure, true, retryAfter, 0);
  }

  /** The same outcome, with the HTTP status of the answer (0 when there was none). */
  AttemptResult<T> withStatus(int status) {
    return new AttemptResult<>(value, failure, retryable, retryAfter, status);
  }

  boolean succeeded() {
    return failure == null;
  }
}
