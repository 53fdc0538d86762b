package io.tokensdk.examples.servers;

import io.tokensdk.server.ApiHandler;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.RetryLaterException;
import io.tokensdk.spec.SpecId;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a handler and makes its next calls fail on request, to show the client's retries. A failure is a
 * {@link RetryLaterException}, which the server stubs answer with the spec's "Service Unavailable, retry possible"
 * (TSP: HTTP 503 with {@code Retry-After: 0}).
 */
public final class FaultInjectingHandler implements ApiHandler {
  private final ApiHandler delegate;
  private final AtomicInteger pendingFaults = new AtomicInteger();

  /** Wraps {@code delegate}; no faults until {@link #failNext} is called. */
  public FaultInjectingHandler(ApiHandler delegate) {
    this.delegate = delegate;
  }

  /** Makes the next {@code count} calls fail. */
  public void failNext(int count) {
    pendingFaults.set(count);
  }

  @Override
  public SpecId spec() {
    return delegate.spec();
  }

  @Override
  public Set<String> operationIds() {
    return delegate.operationIds();
  }

  @Override
  public Class<?> bodyType(String operationId) {
    return delegate.bodyType(operationId);
  }

  @Override
  public Object dispatch(String operationId, Object body, Map<String, String> pathParams, RequestContext context)
      throws Exception {
    if (pendingFaults.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new RetryLaterException(Duration.ZERO);
    }
    return delegate.dispatch(operationId, body, pathParams, context);
  }
}
