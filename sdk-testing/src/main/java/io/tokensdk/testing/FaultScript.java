package io.tokensdk.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The queue of scripted faults of one fake; shared by the connection layer and the handler layer. */
final class FaultScript {
  private final Deque<Fault> pending = new ArrayDeque<>();

  synchronized void add(List<Fault> faults) {
    pending.addAll(faults);
  }

  /** Takes the next fault if it is of {@code kind}: a request applies at most one fault, in queue order. */
  synchronized Fault takeIf(Fault.Kind... kinds) {
    Fault next = pending.peek();
    if (next == null) {
      return null;
    }
    for (Fault.Kind kind : kinds) {
      if (next.kind() == kind) {
        return pending.poll();
      }
    }
    return null;
  }

  synchronized int size() {
    return pending.size();
  }

  synchronized void clear() {
    pending.clear();
  }
}
