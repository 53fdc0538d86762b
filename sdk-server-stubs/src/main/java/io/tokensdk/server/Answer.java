package io.tokensdk.server;

/**
 * An answer with how it came about, for the listener, the error hook and the dedupe store.
 *
 * @param response what is sent
 * @param outcome how the request ended
 * @param failure the handler's failure that the error hook receives, or null
 */
record Answer(ServerResponse response, ServerEvent.Outcome outcome, Throwable failure) {
  static Answer of(ServerResponse response, ServerEvent.Outcome outcome) {
    return new Answer(response, outcome, null);
  }
}
