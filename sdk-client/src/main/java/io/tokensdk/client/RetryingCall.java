package io.tokensdk.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * One call: its attempts, the backoff between them and its deadline. Only what an attempt marked retryable is retried,
 * up to the policy's attempts, and never past the deadline. Synchronously it waits on the calling thread; asynchronously
 * every attempt runs on the executor and a backoff is scheduled, so no thread waits.
 */
final class RetryingCall<T> {
  private final AttemptRunner runner;
  private final RetryPolicy policy;
  private final CallTiming timing;
  private final BooleanSupplier closed;
  private final PreparedRequest prepared;
  private final Class<T> responseType;
  private final CallInfo callInfo;
  private final long deadlineAt;

  RetryingCall(AttemptRunner runner, RetryPolicy policy, CallTiming timing, BooleanSupplier closed,
      PreparedRequest prepared, Class<T> responseType, CallInfo callInfo, Duration deadline) {
    this.runner = runner;
    this.policy = policy;
    this.timing = timing;
    this.closed = closed;
    this.prepared = prepared;
    this.responseType = responseType;
    this.callInfo = callInfo;
    this.deadlineAt = timing.nanoTime() + deadline.toNanos();
  }

  /** Runs the call on the calling thread. */
  T execute() {
    for (int attempt = 1; ; attempt++) {
      AttemptResult<T> result = runner.run(prepared, responseType, attempt, deadlineAt);
      Step<T> step = next(result, attempt);
      if (step.failure() != null) {
        throw step.failure();
      }
      if (step.delay() == null) {
        return step.value();
      }
      try {
        timing.sleep(step.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        String operationId = prepared.operation().operationId();
        throw finish(new NetworkException(operationId, operationId + ": interrupted during backoff", e), attempt,
            result.httpStatus());
      }
      if (closed.getAsBoolean()) {
        throw finish(result.failure(), attempt, result.httpStatus());
      }
    }
  }

  /** Runs the call's attempts on {@code executor}; the future fails with the exception {@link #execute} would throw. */
  CompletableFuture<T> executeAsync(Executor executor) {
    CompletableFuture<T> future = new CompletableFuture<>();
    submit(executor, future, 1);
    return future;
  }

  private void submit(Executor executor, CompletableFuture<T> future, int attempt) {
    try {
      executor.execute(() -> attemptAsync(executor, future, attempt));
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
    }
  }

  private void attemptAsync(Executor executor, CompletableFuture<T> future, int attempt) {
    try {
      AttemptResult<T> result = runner.run(prepared, responseType, attempt, deadlineAt);
      Step<T> step = next(result, attempt);
      if (step.failure() != null) {
        future.completeExceptionally(step.failure());
      } else if (step.delay() == null) {
        future.complete(step.value());
      } else {
        timing.schedule(step.delay(), () -> {
          if (closed.getAsBoolean()) {
            future.completeExceptionally(finish(result.failure(), attempt, result.httpStatus()));
          } else {
            submit(executor, future, attempt + 1);
          }
        });
      }
    } catch (RuntimeException | Error e) {
      future.completeExceptionally(e);
    }
  }

  /** What follows an attempt: the value, the call's exception, or the backoff before the next attempt. */
  private record Step<V>(V value, TokenSdkException failure, Duration delay) {}

  /**
   * No attempt follows a success, a failure that is not retryable, the last attempt the policy allows, a closed client,
   * or a delay that would cross the deadline.
   */
  private Step<T> next(AttemptResult<T> result, int attempt) {
    if (result.succeeded()) {
      report(attempt, result.httpStatus());
      return new Step<>(result.value(), null, null);
    }
    if (!result.retryable() || attempt >= policy.maxAttempts() || closed.getAsBoolean()) {
      return new Step<>(null, finish(result.failure(), attempt, result.httpStatus()), null);
    }
    Duration delay = result.retryAfter() != null ? result.retryAfter() : policy.delayAfter(attempt);
    if (timing.nanoTime() + delay.toNanos() - deadlineAt >= 0) {
      // Waiting into the deadline could not change the outcome: fail now.
      DeadlineExceededException exceeded = new DeadlineExceededException(prepared.operation().operationId(), result.failure());
      return new Step<>(null, finish(exceeded, attempt, result.httpStatus()), null);
    }
    return new Step<>(null, null, delay);
  }

  private TokenSdkException finish(TokenSdkException failure, int attempts, int lastStatus) {
    report(attempts, lastStatus);
    failure.attach(prepared.requestId(), attempts);
    if (failure instanceof ApiException api && api.httpStatus() == 404) {
      failure.hint(prepared.operation().notFoundHint(prepared.request().url()));
    }
    return failure;
  }

  private void report(int attempts, int lastStatus) {
    if (callInfo != null) {
      callInfo.record(attempts, prepared.requestId(), lastStatus);
    }
  }
}
