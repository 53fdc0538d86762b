package io.tokensdk.client;

/**
 * The TLS handshake failed or the server refused it: the server certificate is not trusted or does not match the host,
 * or the server refused the client certificate (missing, expired or untrusted), with or without a TLS alert. The message
 * names the likely cause. Never retried: another attempt would meet the same refusal.
 */
public final class TlsException extends NetworkException {
  private static final long serialVersionUID = 1L;

  /** A TLS failure; {@code likelyCause} says what to check, {@code cause} is the I/O error. */
  public TlsException(String operationId, String likelyCause, Throwable cause) {
    super(operationId, operationId + ": TLS failed: " + likelyCause, cause);
  }
}
