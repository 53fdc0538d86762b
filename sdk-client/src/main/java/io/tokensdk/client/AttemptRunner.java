package io.tokensdk.client;

import io.tokensdk.spec.SpecId;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Makes one attempt of a call: one HTTP exchange, bounded by what is left of the deadline, reported to the listener. */
final class AttemptRunner {
  private final SpecId spec;
  private final OkHttpClient http;
  private final ResponseReader reader;
  private final IoFailures failures;
  private final CallListener listener;
  private final CallTiming timing;

  AttemptRunner(SpecId spec, OkHttpClient http, ResponseReader reader, IoFailures failures, CallListener listener,
      CallTiming timing) {
    this.spec = spec;
    this.http = http;
    this.reader = reader;
    this.failures = failures;
    this.listener = listener;
    this.timing = timing;
  }

  <T> AttemptResult<T> run(PreparedRequest prepared, Class<T> responseType, int attempt, long deadlineAt) {
    String operationId = prepared.operation().operationId();
    long started = timing.nanoTime();
    long remaining = deadlineAt - started;
    if (remaining <= 0) {
      return AttemptResult.fail(new DeadlineExceededException(operationId, null), false);
    }
    Request request = prepared.forAttempt(attempt);
    AttemptTag tag = request.tag(AttemptTag.class);
    Call call = http.newCall(request);
    AttemptResult<T> result;
    int status = 0;
    try (DeadlineWatchdog.Watch watch = DeadlineWatchdog.SHARED.watch(call, remaining);
        Response response = call.execute()) {
      status = response.code();
      result = reader.read(operationId, response, responseType).withStatus(status);
    } catch (IOException e) {
      // the watchdog cancels the call when the rest of the deadline passes
      boolean deadlinePassed = call.isCanceled() || timing.nanoTime() - deadlineAt >= 0;
      result = failures.<T>classify(prepared.operation(), e, tag, deadlinePassed, request.isHttps()).withStatus(status);
    }
    notifyListener(prepared, attempt, result.httpStatus(), Duration.ofNanos(timing.nanoTime() - started), result);
    return result;
  }

  private void notifyListener(PreparedRequest prepared, int attempt, int status, Duration latency, AttemptResult<?> result) {
    if (listener == CallListener.NONE) {
      return;
    }
    AttemptEvent.Outcome outcome = result.succeeded() ? AttemptEvent.Outcome.SUCCESS
        : result.retryable() ? AttemptEvent.Outcome.RETRYABLE_FAILURE : AttemptEvent.Outcome.FAILURE;
    try {
      listener.onAttempt(new AttemptEvent(spec, prepared.operation().operationId(), attempt, status, latency, outcome,
          prepared.requestId()));
    } catch (RuntimeException ignored) {
      // A listener must not break the call.
    }
  }
}
