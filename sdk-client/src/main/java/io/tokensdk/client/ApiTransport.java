package io.tokensdk.client;

import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;

/**
 * The hand-written core under one generated client: it binds the spec's operations once ({@link #endpoint}) and runs
 * their calls through the request factory, the retrying call and the configuration's OkHttp client (with the HTTP log as
 * an interceptor). Generated client classes are thin wrappers over it. Thread-safe.
 *
 * <p>What is retried: only the answers each spec calls retryable, failures before a connection was ready, and, when the
 * operation is safe to resend (the spec says the server deduplicates it by its idempotency key, or it is read-only),
 * failures after the request may have reached the server. Every attempt of a call carries the same idempotency id (TSP {@code x-request-id}, COF
 * {@code x-correlation-id}, PAT {@code messageId}).
 */
public final class ApiTransport implements AutoCloseable {
  private final ClientConfig config;
  private final RequestFactory requests;
  private final AttemptRunner runner;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A transport for the operations of {@code spec}, configured by {@code config}; it uses the configuration's connection
   * pool.
   *
   * @throws IllegalArgumentException when an argument is null
   */
  public ApiTransport(ClientConfig config, SpecId spec) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
    this.config = config;
    ApiSpec api = ApiSpec.of(spec);
    ApiProtocol protocol = ApiProtocol.of(spec);
    CallTiming timing = config.timing();
    this.requests = new RequestFactory(api, config, protocol);
    OkHttpClient http = config.httpLog() == null ? config.httpClient() : config.httpClient().newBuilder()
        .addInterceptor(new HttpLogInterceptor(config.httpLog(), new LogRedactor(api), timing)).build();
    this.runner = new AttemptRunner(spec, http, new ResponseReader(protocol, timing.wallClock()),
        new IoFailures(config.tlsRefusal()), config.listener(), timing);
  }

  /**
   * Binds an operation of the spec, once, when a client is built.
   *
   * @param operationId the spec's operationId
   * @param responseType the success body's type, {@link Void} when it has none
   * @param pathParameterNames the path parameters, in the order the calls will pass their values
   * @throws IllegalStateException when the spec has no such operation or other path parameters
   */
  public <T> Endpoint<T> endpoint(String operationId, Class<T> responseType, String... pathParameterNames) {
    return new Endpoint<>(this, requests.template(operationId, List.of(pathParameterNames)), responseType);
  }

  <T> T execute(OperationTemplate operation, Class<T> responseType, RequestOptions options, Object body,
      String[] pathValues) {
    checkOpen();
    PreparedRequest prepared = requests.create(operation, body, pathValues, options);
    return call(prepared, responseType, options).execute();
  }

  <T> CompletableFuture<T> executeAsync(OperationTemplate operation, Class<T> responseType, RequestOptions options,
      Object body, String[] pathValues) {
    PreparedRequest prepared;
    try {
      checkOpen();
      prepared = requests.create(operation, body, pathValues, options);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return call(prepared, responseType, options).executeAsync(config.executor());
  }

  private <T> RetryingCall<T> call(PreparedRequest prepared, Class<T> responseType, RequestOptions options) {
    return new RetryingCall<>(runner, config.retryPolicy(), config.timing(), closed::get, prepared, responseType,
        options.callInfo().orElse(null), options.deadline().orElse(config.callDeadline()));
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the client is closed");
    }
  }

  /**
   * Closes the client: new calls throw {@link IllegalStateException}, attempts in flight finish, and a call waiting for
   * a retry ends with its last failure. When the configuration built its own OkHttp client, its idle connections are
   * closed; a caller's OkHttp client is left as it is. Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      config.evictIdleConnectionsOfOwnPool();
    }
  }
}
