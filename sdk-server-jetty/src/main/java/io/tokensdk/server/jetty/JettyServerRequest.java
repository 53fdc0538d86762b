package io.tokensdk.server.jetty;

import io.tokensdk.server.ServerRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * A {@link ServerRequest} over a Jetty request whose body has been read already (or is not needed). Used by one thread
 * at a time.
 */
final class JettyServerRequest implements ServerRequest {
  private static final byte[] NO_BODY = new byte[0];
  /** How many header lookups are remembered: the dispatcher asks for the same two or three names several times. */
  private static final int REMEMBERED = 4;
  private final Request request;
  private final byte[] body;
  /** The names asked for so far (the dispatcher's constants, so compared by identity) and their values; lazily. */
  private String[] askedNames;
  private String[] answers;
  private int asked;

  JettyServerRequest(Request request, byte[] body) {
    this.request = request;
    this.body = body == null ? NO_BODY : body;
  }

  /** The request before its body is read: only its line and headers. */
  static JettyServerRequest headOf(Request request) {
    return new JettyServerRequest(request, null);
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String rawPath() {
    String path = request.getHttpURI().getPath();
    return path == null ? "" : path;
  }

  /** Jetty's lookup is a case-insensitive scan of every field; a name asked for again is answered from memory. */
  @Override
  public String header(String name) {
    for (int i = 0; i < asked; i++) {
      // identity, not equality: a miss only costs the scan below, and every hit is the very name asked before
      if (askedNames[i] == name) {
        return answers[i];
      }
    }
    String value = request.getHeaders().get(name);
    if (asked < REMEMBERED) {
      if (askedNames == null) {
        askedNames = new String[REMEMBERED];
        answers = new String[REMEMBERED];
      }
      askedNames[asked] = name;
      answers[asked++] = value;
    }
    return value;
  }

  /** Every value of the header, so that the dispatcher can refuse a repeated id or authorization header. */
  @Override
  public List<String> headers(String name) {
    HttpFields fields = request.getHeaders();
    return fields.getValuesList(name);
  }

  @Override
  public long contentLength() {
    return body.length;
  }

  @Override
  public InputStream body() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public InetSocketAddress remoteAddress() {
    SocketAddress address = request.getConnectionMetaData().getRemoteSocketAddress();
    return address instanceof InetSocketAddress inet ? inet : null;
  }

  @Override
  public List<X509Certificate> clientCertificates() {
    Object data = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
    if (data instanceof EndPoint.SslSessionData ssl && ssl.peerCertificates() != null) {
      return List.of(ssl.peerCertificates());
    }
    return List.of();
  }
}
