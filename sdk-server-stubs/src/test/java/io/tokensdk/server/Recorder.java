package io.tokensdk.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what reached a test handler, and lets a test decide what an operation does. */
final class Recorder {
  /** One call that reached a handler method. */
  record Call(String operationId, Map<String, String> pathParams, Object body, RequestContext context) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Callable<?>> actions = new ConcurrentHashMap<>();

  /** Makes {@code operationId} run {@code action} (return a value or throw). */
  void on(String operationId, Callable<?> action) {
    actions.put(operationId, action);
  }

  void reset() {
    calls.clear();
    actions.clear();
  }

  @SuppressWarnings("unchecked")
  <T> T call(String operationId, Map<String, String> pathParams, Object body, RequestContext context, T result)
      throws Exception {
    calls.add(new Call(operationId, pathParams, body, context));
    Callable<?> action = actions.get(operationId);
    return action == null ? result : (T) action.call();
  }

  long count(String operationId) {
    return calls.stream().filter(c -> c.operationId().equals(operationId)).count();
  }
}
