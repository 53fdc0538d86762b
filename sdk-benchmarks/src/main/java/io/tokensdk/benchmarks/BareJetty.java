package io.tokensdk.benchmarks;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The floor of a round trip: bare Jetty on loopback that reads the body and answers fixed bytes: the cheapest server the
 * SDK's host could be. Status 200 with the createToken answer for a body, 204 without.
 */
final class BareJetty implements LoopbackHost {
  private final Server server = new Server();
  private final ServerConnector connector;

  BareJetty(SSLContext tls) throws Exception {
    HttpConfiguration config = new HttpConfiguration();
    HttpConnectionFactory http = new HttpConnectionFactory(config);
    if (tls == null) {
      connector = new ServerConnector(server, http);
    } else {
      config.addCustomizer(new SecureRequestCustomizer(false));
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setSslContext(tls);
      ssl.setNeedClientAuth(true);
      connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), http);
    }
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Content.Source.consumeAll(request);
        if (request.getHttpURI().getPath().endsWith("/tokens")) {
          response.setStatus(200);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
          response.write(true, ByteBuffer.wrap(BenchApis.CREATED_BYTES), callback);
        } else {
          response.setStatus(204);
          callback.succeeded();
        }
        return true;
      }
    });
    server.start();
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("bare Jetty did not stop", e);
    }
  }
}
