package io.tokensdk.server;

/**
 * Observes every request the dispatcher answers (the server-side counterpart of the client's {@code CallListener}), so
 * that users can feed Micrometer, OpenTelemetry or their own metrics without the SDK depending on them. Called on the
 * request's thread once its answer is ready; keep it fast and do not throw: an exception from a listener is logged and
 * ignored.
 */
@FunctionalInterface
public interface ServerListener {
  /** A listener that does nothing. */
  ServerListener NONE = event -> { };

  /** One request was answered. */
  void onAnswered(ServerEvent event);
}
