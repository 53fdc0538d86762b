package io.tokensdk.server.jetty;

import io.tokensdk.server.ServerRequest;

/** What the host refuses before the dispatcher serves a request, for metrics. */
interface HostEvents {
  /** Why a request was refused by the host. */
  enum Rejection {
    /** Past the workers and the queue: answered with the API's retryable answer. */
    OVERLOADED,
    /** The server is stopping: answered with the API's retryable answer. */
    STOPPING,
    /** Malformed, too large or too slow: answered with the API's bad-request answer. */
    MALFORMED
  }

  /** Ignores every event. */
  HostEvents NONE = (request, why) -> { };

  /** {@code request} (its line and headers at least) was refused for {@code why}. */
  void rejected(ServerRequest request, Rejection why);
}
