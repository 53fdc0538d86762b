package io.tokensdk.spring;

import io.tokensdk.server.ServerEvent;
import io.tokensdk.server.ServerListener;
import java.util.List;

/** Calls every server listener in turn; one that throws does not keep the others from seeing the event. */
final class CompositeServerListener implements ServerListener {
  private final List<ServerListener> listeners;

  private CompositeServerListener(List<ServerListener> listeners) {
    this.listeners = listeners;
  }

  /** One listener for all of {@code listeners}, or null when there are none. */
  static ServerListener of(List<ServerListener> listeners) {
    if (listeners.isEmpty()) {
      return null;
    }
    return listeners.size() == 1 ? listeners.get(0) : new CompositeServerListener(List.copyOf(listeners));
  }

  @Override
  public void onAnswered(ServerEvent event) {
    for (ServerListener listener : listeners) {
      try {
        listener.onAnswered(event);
      } catch (RuntimeException e) {
        // a listener must not throw (see ServerListener); the answer is unaffected
      }
    }
  }
}
