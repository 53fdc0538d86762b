package io.tokensdk.spring;

import io.tokensdk.client.AttemptEvent;
import io.tokensdk.client.CallListener;
import java.util.List;

/** Calls every listener in turn; one that throws does not keep the others from seeing the event. */
final class CompositeCallListener implements CallListener {
  private final List<CallListener> listeners;

  private CompositeCallListener(List<CallListener> listeners) {
    this.listeners = listeners;
  }

  static CallListener of(List<CallListener> listeners) {
    if (listeners.isEmpty()) {
      return CallListener.NONE;
    }
    return listeners.size() == 1 ? listeners.get(0) : new CompositeCallListener(List.copyOf(listeners));
  }

  @Override
  public void onAttempt(AttemptEvent event) {
    for (CallListener listener : listeners) {
      try {
        listener.onAttempt(event);
      } catch (RuntimeException e) {
        // a listener must not throw (see CallListener); the call itself is unaffected
      }
    }
  }
}
