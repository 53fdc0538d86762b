package io.tokensdk.client;

import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.List;
import okhttp3.Connection;
import okhttp3.Handshake;

/**
 * Rides on one attempt's request as an OkHttp tag: what the HTTP log prints, and how far the attempt got, which decides
 * whether the request may have reached the server.
 */
final class AttemptTag {
  private final int attempt;
  private final byte[] body;
  private volatile boolean connected;
  private volatile boolean freshConnection;
  private volatile Handshake handshake;
  private volatile boolean headersReceived;

  AttemptTag(int attempt, byte[] body) {
    this.attempt = attempt;
    this.body = body;
  }

  int attempt() {
    return attempt;
  }

  /** The request body as text, decoded when the HTTP log asks for it; null without a body. */
  String bodyText() {
    return body == null ? null : new String(body, StandardCharsets.UTF_8);
  }

  /** Called by the network interceptor when a connection is ready and the request is about to be written. */
  void connected(Connection connection, boolean fresh) {
    this.handshake = connection.handshake();
    this.freshConnection = fresh;
    this.connected = true;
  }

  void markHeadersReceived() {
    this.headersReceived = true;
  }

  /** True once a connection was ready: from then on, the request may have reached the server. */
  boolean requestMayHaveBeenSent() {
    return connected;
  }

  /** True when the attempt used a connection that no earlier request had used. */
  boolean freshConnection() {
    return freshConnection;
  }

  /** The certificates this client presented in the TLS handshake; empty when none, null before a TLS connection. */
  List<Certificate> presentedCertificates() {
    Handshake h = handshake;
    return h == null ? null : h.localCertificates();
  }

  /** True once the status line and headers of the answer were read. */
  boolean headersReceived() {
    return headersReceived;
  }
}
