package io.tokensdk.server;

/** Whether the embedded HTTPS server asks for a client certificate (mutual TLS). */
public enum ClientAuth {
  /** No client certificate is requested. */
  NONE,
  /** A client certificate is requested; a client without one is still served. */
  WANTED,
  /** A trusted client certificate is required; the handshake fails without one. The default for HTTPS. */
  REQUIRED
}
