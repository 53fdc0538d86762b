package io.tokensdk.testing;

import io.tokensdk.server.ApiHandler;
import io.tokensdk.server.RequestContext;
import io.tokensdk.spec.SpecId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Records every request that reaches the handler, then answers a scripted fault or delegates. */
final class RecordingHandler implements ApiHandler {
  private final SpecId spec;
  private final Supplier<? extends ApiHandler> fresh;
  private final FaultScript faults;
  private final List<Received> received = new ArrayList<>();
  private volatile ApiHandler delegate;

  RecordingHandler(Supplier<? extends ApiHandler> fresh, FaultScript faults) {
    this.fresh = fresh;
    this.faults = faults;
    this.delegate = fresh.get();
    this.spec = delegate.spec();
  }

  ApiHandler delegate() {
    return delegate;
  }

  synchronized void reset() {
    received.clear();
    delegate = fresh.get();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  synchronized List<Received> awaitReceived(int count, Duration timeout) throws InterruptedException,
      TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException("received " + received.size() + " requests, expected " + count + " within "
            + timeout);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(received);
  }

  @Override
  public SpecId spec() {
    return spec;
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
    synchronized (this) {
      received.add(new Received(operationId, Map.copyOf(pathParams), body, context.requestId(),
          context.correlationId()));
      notifyAll();
    }
    Fault fault = faults.takeIf(Fault.Kind.ANSWER);
    if (fault != null) {
      throw fault.answer();
    }
    return delegate.dispatch(operationId, body, pathParams, context);
  }
}
