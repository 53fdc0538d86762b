package io.tokensdk.server;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What a handler method may want to know about the request besides its body and path: the operation, the ids the caller
 * sent for tracing ({@code x-request-id} in TSP, {@code x-correlation-id} in COF), the client certificate of a mutual TLS
 * connection and the remote address. Immutable.
 */
public final class RequestContext {
  private final String operationId;
  private final String requestId;
  private final String correlationId;
  private final List<X509Certificate> clientCertificates;
  private final InetSocketAddress remoteAddress;

  /**
   * A context; for tests of handler implementations.
   *
   * @param operationId the operation called
   * @param requestId the {@code x-request-id} header, or null
   * @param correlationId the {@code x-correlation-id} header, or null
   * @param clientCertificates the client's certificate chain, leaf first; empty without mutual TLS
   * @param remoteAddress the peer's address, or null when unknown
   */
  public RequestContext(String operationId, String requestId, String correlationId,
      List<X509Certificate> clientCertificates, InetSocketAddress remoteAddress) {
    this.operationId = operationId;
    this.requestId = requestId;
    this.correlationId = correlationId;
    this.clientCertificates = clientCertificates == null ? List.of() : List.copyOf(clientCertificates);
    this.remoteAddress = remoteAddress;
  }

  /** The spec's operationId of the call. */
  public String operationId() {
    return operationId;
  }

  /** The {@code x-request-id} header (TSP), if sent. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The {@code x-correlation-id} header (COF), if sent. */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /** The client's certificate (the leaf of its chain) on a mutual TLS connection. */
  public Optional<X509Certificate> clientCertificate() {
    return clientCertificates.isEmpty() ? Optional.empty() : Optional.of(clientCertificates.get(0));
  }

  /** The client's certificate chain, leaf first; empty without a client certificate. */
  public List<X509Certificate> clientCertificateChain() {
    return clientCertificates;
  }

  /** The peer's address, if known. */
  public Optional<InetSocketAddress> remoteAddress() {
    return Optional.ofNullable(remoteAddress);
  }

  @Override
  public String toString() {
    return "RequestContext{" + operationId + ", requestId=" + requestId + ", correlationId=" + correlationId + "}";
  }
}
