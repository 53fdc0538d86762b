package io.tokensdk.server.servlet;

import io.tokensdk.server.ServerRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** A {@link ServerRequest} over a servlet request. */
final class ServletServerRequest implements ServerRequest {
  private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
  private final HttpServletRequest request;

  ServletServerRequest(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String rawPath() {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }

  @Override
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public List<String> headers(String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? List.of() : Collections.list(values);
  }

  @Override
  public long contentLength() {
    return request.getContentLengthLong();
  }

  @Override
  public InputStream body() throws IOException {
    return request.getInputStream();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    try {
      // an IP literal: no name lookup
      return new InetSocketAddress(InetAddress.getByName(request.getRemoteAddr()), request.getRemotePort());
    } catch (UnknownHostException | IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public List<X509Certificate> clientCertificates() {
    Object attribute = request.getAttribute(CERTIFICATES);
    return attribute instanceof X509Certificate[] chain ? List.of(chain) : List.of();
  }
}
