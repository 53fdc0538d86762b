package io.tokensdk.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import javax.net.ssl.SSLPeerUnverifiedException;

/** A {@link ServerRequest} over an exchange of the JDK's HTTP server. */
final class ExchangeRequest implements ServerRequest {
  private final HttpExchange exchange;
  private final Future<?> bodyDeadline;

  /** {@code bodyDeadline} is cancelled once the body has been read and closed. */
  ExchangeRequest(HttpExchange exchange, Future<?> bodyDeadline) {
    this.exchange = exchange;
    this.bodyDeadline = bodyDeadline;
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  @Override
  public String rawPath() {
    String path = exchange.getRequestURI().getRawPath();
    return path == null ? "" : path;
  }

  @Override
  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  @Override
  public long contentLength() {
    String value = header("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public InputStream body() {
    return new FilterInputStream(exchange.getRequestBody()) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          bodyDeadline.cancel(false);
        }
      }
    };
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return exchange.getRemoteAddress();
  }

  @Override
  public List<X509Certificate> clientCertificates() {
    if (!(exchange instanceof HttpsExchange https) || https.getSSLSession() == null) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : https.getSSLSession().getPeerCertificates()) {
        if (certificate instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
      return chain;
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }
}
