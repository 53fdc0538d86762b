package io.tokensdk.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An HTTP request as the {@link TokenSdkDispatcher} sees it, independent of the server that received it. The embedded
 * server and the servlet adapter implement it; so can an adapter for any other HTTP stack.
 */
public interface ServerRequest {
  /** The method, upper case. */
  String method();

  /** The path from the server root (including the spec's base path), still percent-encoded, without the query. */
  String rawPath();

  /** The first value of a header (names are case-insensitive), or null. */
  String header(String name);

  /**
   * Every value of a header, in the order received (names are case-insensitive); empty when absent. The dispatcher
   * refuses a request that repeats a header the spec declares (an id or the API key), so an adapter whose stack can
   * repeat headers must override this; the default sees only {@link #header}'s value.
   */
  default List<String> headers(String name) {
    String value = header(name);
    return value == null ? List.of() : List.of(value);
  }

  /** The declared length of the body, or -1 when unknown (chunked). */
  long contentLength();

  /** The body; the dispatcher reads at most its limit and closes it. */
  InputStream body() throws IOException;

  /** The peer's address, or null when unknown. */
  InetSocketAddress remoteAddress();

  /** The client's certificate chain on a mutual TLS connection, leaf first; empty otherwise. */
  List<X509Certificate> clientCertificates();
}
