package io.tokensdk.client;

/** The TLS handshake failed, e.g. the server certificate is not trusted or the client certificate was refused. */
public final class TlsException extends NetworkException {
  private static final long serialVersionUID = 1L;

  /** A TLS failure; the cause is the SSL error. */
  public TlsException(String operationId, Throwable cause) {
    super(operationId, operationId + ": TLS handshake failed", cause);
  }
}
