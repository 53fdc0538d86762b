package io.tokensdk.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.SchemaViolationException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SchemaValidator;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.SpecParameter;
import io.tokensdk.spec.ValidationMode;
import io.tokensdk.spec.Violation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one place where a call becomes HTTP: protocol headers, strict validation of what is sent, lenient parsing of what
 * is read, retries with backoff, the call deadline, the attempt listener, the redacted log and the mapping of failures to
 * typed exceptions. Generated client classes are thin wrappers over it.
 *
 * <p>Why retrying a POST is safe: every attempt of one call carries the same idempotency id (TSP {@code x-request-id},
 * COF {@code x-correlation-id}, PAT {@code messageId}), so a server that already processed the first attempt can
 * recognise the retry and answer it without doing the work twice. Only the outcomes that each spec calls retryable are
 * retried, plus failures that happen before any byte of the answer arrived.
 */
public final class ApiTransport {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final ClientConfig config;
  private final ApiSpec spec;
  private final SchemaValidator validator;
  private final ApiProtocol protocol;
  private final LogRedactor redactor;
  private final Clock clock = Clock.systemUTC();

  /** A transport for the operations of {@code spec}, configured by {@code config}. */
  public ApiTransport(ClientConfig config, SpecId spec) {
    this.config = config;
    this.spec = ApiSpec.of(spec);
    this.validator = TokenSdkJson.validator(spec);
    this.protocol = ApiProtocol.of(spec);
    this.redactor = new LogRedactor(this.spec);
  }

  /** Runs the call on the calling thread. */
  public <T> T execute(
      Operation operation, Map<String, String> pathValues, Object body, Class<T> responseType, RequestOptions options) {
    Prepared prepared = prepare(operation, pathValues, body, options);
    long deadlineAt = System.nanoTime() + options.deadline().orElse(config.callDeadline()).toNanos();
    return new CallRun<>(prepared, responseType, deadlineAt, options.callInfo().orElse(null)).run();
  }

  /**
   * Runs the call on OkHttp's dispatcher threads. The future completes with the result, or exceptionally with the
   * {@link TokenSdkException} that {@link #execute} would have thrown (not wrapped).
   */
  public <T> CompletableFuture<T> executeAsync(
      Operation operation, Map<String, String> pathValues, Object body, Class<T> responseType, RequestOptions options) {
    CompletableFuture<T> future = new CompletableFuture<>();
    try {
      config.httpClient().dispatcher().executorService().execute(() -> {
        try {
          future.complete(execute(operation, pathValues, body, responseType, options));
        } catch (RuntimeException e) {
          future.completeExceptionally(e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e);
        }
      });
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
    }
    return future;
  }

  private record Prepared(Operation operation, Request request, String requestId, String bodyText) {}

  private Prepared prepare(Operation operation, Map<String, String> pathValues, Object body, RequestOptions options) {
    SpecOperation specOperation = spec.operation(operation.operationId())
        .orElseThrow(() -> new IllegalStateException("operation not in the spec: " + operation.operationId()));
    List<Violation> violations = new ArrayList<>();
    for (SpecParameter parameter : specOperation.pathParameters()) {
      violations.addAll(validator.validateParameter(pathValues.get(parameter.name()), parameter, ValidationMode.STRICT));
    }
    JsonObject tree = null;
    if (body != null) {
      JsonElement element = TokenSdkJson.toTree(body);
      if (!element.isJsonObject()) {
        throw new RequestValidationException(operation.operationId(), "the body must be a JSON object");
      }
      tree = element.getAsJsonObject();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    String requestId = protocol.prepare(operation.operationId(), tree, options, config, headers);
    if (tree != null && specOperation.requestBodySchema() != null) {
      violations.addAll(validator.validate(tree, specOperation.requestBodySchema(), "", ValidationMode.STRICT));
    } else if (tree == null && specOperation.requestBodyRequired()) {
      violations.add(new Violation("body", Violation.Kind.MISSING, "missing mandatory parameter: body"));
    }
    for (SpecParameter parameter : specOperation.headerParameters()) {
      violations.addAll(validator.validateParameter(headers.get(parameter.name()), parameter, ValidationMode.STRICT));
    }
    if (!violations.isEmpty()) {
      throw (RequestValidationException) new RequestValidationException(operation.operationId(), violations)
          .attach(requestId, 0);
    }
    String bodyText = tree == null ? null : TokenSdkJson.gson().toJson(tree);
    Request.Builder request = new Request.Builder()
        .url(url(operation, pathValues))
        .header("User-Agent", config.userAgent())
        .header("Accept", "application/json");
    headers.forEach(request::header);
    RequestBody requestBody = bodyText == null ? null : RequestBody.create(bodyText, JSON);
    if (requestBody == null && ("POST".equals(operation.method()) || "PUT".equals(operation.method()))) {
      requestBody = RequestBody.create(new byte[0], null);
    }
    request.method(operation.method(), requestBody);
    return new Prepared(operation, request.build(), requestId, bodyText);
  }

  private HttpUrl url(Operation operation, Map<String, String> pathValues) {
    String base = config.baseUrl().toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return HttpUrl.get(base + operation.expandPath(pathValues));
  }

  /** One call: its attempts, backoffs and deadline. */
  private final class CallRun<T> {
    private final Prepared prepared;
    private final Class<T> responseType;
    private final long deadlineAt;
    private final String operationId;
    private final CallInfo callInfo;
    private int lastStatus;

    CallRun(Prepared prepared, Class<T> responseType, long deadlineAt, CallInfo callInfo) {
      this.callInfo = callInfo;
      this.prepared = prepared;
      this.responseType = responseType;
      this.deadlineAt = deadlineAt;
      this.operationId = prepared.operation().operationId();
    }

    T run() {
      RetryPolicy policy = config.retryPolicy();
      for (int attempt = 1; ; attempt++) {
        Attempt<T> result = attempt(attempt);
        if (result.failure == null) {
          report(attempt);
          return result.value;
        }
        if (!result.retryable || attempt >= policy.maxAttempts()) {
          throw fail(result.failure, attempt);
        }
        Duration delay = result.retryAfter != null ? result.retryAfter : policy.delayAfter(attempt);
        if (System.nanoTime() + delay.toNanos() >= deadlineAt) {
          // Sleeping into the deadline could not change the outcome: fail now.
          throw fail(new DeadlineExceededException(operationId, result.failure), attempt);
        }
        sleep(delay, attempt);
      }
    }

    private void report(int attempts) {
      if (callInfo != null) {
        callInfo.record(attempts, prepared.requestId(), lastStatus);
      }
    }

    private TokenSdkException fail(TokenSdkException failure, int attempts) {
      report(attempts);
      return failure.attach(prepared.requestId(), attempts);
    }

    private void sleep(Duration delay, int attempts) {
      try {
        TimeUnit.NANOSECONDS.sleep(delay.toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(new NetworkException(operationId, operationId + ": interrupted during backoff", e), attempts);
      }
    }

    private Attempt<T> attempt(int attempt) {
      long remaining = deadlineAt - System.nanoTime();
      if (remaining <= 0) {
        return Attempt.fail(new DeadlineExceededException(operationId, null), false, null);
      }
      long started = System.nanoTime();
      log(() -> "--> " + prepared.request().method() + " " + prepared.request().url().encodedPath()
          + " (attempt " + attempt + ")" + headersForLog() + body(prepared.bodyText()));
      Call call = config.httpClient().newCall(prepared.request());
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      Attempt<T> result;
      int status = 0;
      try (Response response = call.execute()) {
        status = response.code();
        result = handle(response, started);
      } catch (IOException e) {
        result = failureBeforeAnswer(e);
      }
      lastStatus = status;
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      notifyListener(attempt, status, latency, result);
      return result;
    }

    private Attempt<T> handle(Response response, long started) {
      String text;
      try (ResponseBody body = response.body()) {
        text = body == null ? "" : body.string();
      } catch (IOException e) {
        // Part of the answer arrived: the server may have acted, so this is not retried.
        return Attempt.fail(timeoutOrNetwork(e, "the answer was cut off"), false, null);
      }
      log(() -> "<-- " + response.code() + " " + prepared.request().url().encodedPath() + " ("
          + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)" + body(text));
      if (response.isSuccessful()) {
        return parseSuccess(response.code(), text);
      }
      Duration retryAfter = RetryAfter.parse(RetryAfterShield.retryAfter(response), clock);
      ApiException error = protocol.error(operationId, response.code(), text, retryAfter);
      return Attempt.fail(error, error.retryable(), error.retryable() ? retryAfter : null);
    }

    private Attempt<T> parseSuccess(int status, String text) {
      if (responseType == Void.class) {
        return Attempt.ok(null);
      }
      try {
        return Attempt.ok(TokenSdkJson.read(TokenSdkJson.parseTree(text), responseType, ValidationMode.LENIENT));
      } catch (MalformedJsonException e) {
        return Attempt.fail(new UnexpectedResponseException(operationId, status, "the body is not JSON"), false, null);
      } catch (SchemaViolationException e) {
        return Attempt.fail(new UnexpectedResponseException(operationId, status, e.getMessage()), false, null);
      }
    }

    private Attempt<T> failureBeforeAnswer(IOException e) {
      if (e instanceof SSLException) {
        return Attempt.fail(new TlsException(operationId, e), false, null);
      }
      // No byte of the answer arrived: the spec-agnostic rule retries connection failures and timeouts.
      return Attempt.fail(timeoutOrNetwork(e, "no answer"), true, null);
    }

    private TokenSdkException timeoutOrNetwork(IOException e, String what) {
      if (System.nanoTime() - deadlineAt >= 0) {
        return new DeadlineExceededException(operationId, e);
      }
      if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
        return new ApiTimeoutException(operationId, operationId + ": timeout, " + what, e);
      }
      return new NetworkException(operationId, operationId + ": network failure, " + what, e);
    }

    private void notifyListener(int attempt, int status, Duration latency, Attempt<T> result) {
      AttemptEvent.Outcome outcome = result.failure == null ? AttemptEvent.Outcome.SUCCESS
          : result.retryable ? AttemptEvent.Outcome.RETRYABLE_FAILURE : AttemptEvent.Outcome.FAILURE;
      try {
        config.listener().onAttempt(
            new AttemptEvent(spec.id(), operationId, attempt, status, latency, outcome, prepared.requestId()));
      } catch (RuntimeException ignored) {
        // A listener must not break the call.
      }
    }

    private String headersForLog() {
      StringBuilder out = new StringBuilder();
      prepared.request().headers().forEach(h -> out.append(' ').append(h.getFirst()).append(": ")
          .append(redactor.header(h.getFirst(), h.getSecond())).append(';'));
      return out.toString();
    }
  }

  private String body(String text) {
    return text == null || text.isEmpty() ? "" : " " + redactor.body(text);
  }

  private void log(Supplier<String> line) {
    HttpLog log = config.httpLog();
    if (log != null) {
      try {
        log.log(line.get());
      } catch (RuntimeException ignored) {
        // Logging must not break the call.
      }
    }
  }

  private record Attempt<T>(T value, TokenSdkException failure, boolean retryable, Duration retryAfter) {
    static <T> Attempt<T> ok(T value) {
      return new Attempt<>(value, null, false, null);
    }

    static <T> Attempt<T> fail(TokenSdkException failure, boolean retryable, Duration retryAfter) {
      return new Attempt<>(null, failure, retryable, retryAfter);
    }
  }
}
