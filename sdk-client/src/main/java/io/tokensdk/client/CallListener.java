package io.tokensdk.client;

/**
 * Observes every attempt of every call, so that users can feed Micrometer, OpenTelemetry or their own metrics without the
 * SDK depending on them. Called on the calling thread (or the async executor) right after the attempt; keep it fast and
 * do not throw: an exception from a listener is ignored.
 */
@FunctionalInterface
public interface CallListener {
  /** A listener that does nothing. */
  CallListener NONE = event -> { };

  /** One attempt ended. */
  void onAttempt(AttemptEvent event);
}
