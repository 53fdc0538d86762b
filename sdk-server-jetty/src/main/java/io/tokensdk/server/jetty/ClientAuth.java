package io.tokensdk.server.jetty;

/** Whether the embedded HTTPS server asks for a client certificate (mutual TLS). */
public enum ClientAuth {
  /** No client certificate is requested. */
  NONE,
  /** A client certificate is requested; a client without one is still served. */
  WANTED,
  /** A trusted client certificate is required; the handshake fails with an alert without one. */
  REQUIRED
}
