package io.tokensdk.client;

import java.util.concurrent.CompletableFuture;

/**
 * One operation of a client, bound once when the client is built: the generated client classes hold one per operation
 * and pass each call's options, body and path values to it.
 *
 * @param <T> the response type, {@link Void} for an operation without a response body
 */
public final class Endpoint<T> {
  private final ApiTransport transport;
  private final OperationTemplate operation;
  private final Class<T> responseType;

  Endpoint(ApiTransport transport, OperationTemplate operation, Class<T> responseType) {
    this.transport = transport;
    this.operation = operation;
    this.responseType = responseType;
  }

  /**
   * Runs the call on the calling thread.
   *
   * @param options per-call ids, deadline and call info; not null
   * @param body the request body, or null for an operation without one
   * @param pathValues the path parameters, in the order of the generated method's parameters
   * @return the parsed answer, null for {@link Void}
   * @throws TokenSdkException on an error answer, a network or TLS failure, a timeout or an invalid request
   * @throws IllegalArgumentException when {@code options} is null
   * @throws IllegalStateException when the client is closed
   */
  public T call(RequestOptions options, Object body, String... pathValues) {
    return transport.execute(operation, responseType, options, body, pathValues);
  }

  /**
   * Runs the call on the client's executor. The future completes with the answer, or exceptionally with the exception
   * {@link #call} would have thrown (not wrapped).
   */
  public CompletableFuture<T> callAsync(RequestOptions options, Object body, String... pathValues) {
    return transport.executeAsync(operation, responseType, options, body, pathValues);
  }
}
