package io.tokensdk.testing;

import io.tokensdk.server.ApiHandler;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.TokenSdkDispatcher;
import io.tokensdk.server.servlet.TokenSdkServlet;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
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
 * One fake on loopback: Jetty 12 with the SDK's servlet adapter, behind a layer that applies the connection faults
 * (hang, reset) of the script. TLS requires a client certificate.
 */
final class FakeHost implements AutoCloseable {
  private final Server jetty = new Server();
  private final ServerConnector connector;
  private final FaultScript faults;
  private final Set<Callback> hung = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService hangTimer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "tokensdk-fake-hang-timer");
    thread.setDaemon(true);
    return thread;
  });

  FakeHost(ApiHandler handler, MountOptions options, SSLContext tls, FaultScript faults) {
    this.faults = faults;
    HttpConfiguration http = new HttpConfiguration();
    if (tls != null) {
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setSslContext(tls);
      ssl.setNeedClientAuth(true);
      connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
          new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    }
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new TokenSdkServlet(TokenSdkDispatcher.builder().mount(handler, options)
        .build())), "/*");
    jetty.setHandler(new ConnectionFaults(context));
    jetty.setStopTimeout(0);   // a fake stops at once: no grace for keep-alive connections
    try {
      jetty.start();
    } catch (Exception e) {
      close();
      throw new IllegalStateException("cannot start the fake server", e);
    }
  }

  int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    hung.forEach(this::drop);
    hangTimer.shutdownNow();
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the fake server", e);
    }
  }

  private void drop(Callback callback) {
    if (hung.remove(callback)) {
      callback.failed(new IOException("the fake dropped a hung request"));
    }
  }

  /** Applies a hang or a reset at the head of the script before the request is read; otherwise passes it on. */
  private final class ConnectionFaults extends Handler.Wrapper {
    ConnectionFaults(Handler handler) {
      super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Fault fault = faults.takeIf(Fault.Kind.HANG, Fault.Kind.RESET);
      if (fault == null) {
        return super.handle(request, response, callback);
      }
      if (fault.kind() == Fault.Kind.HANG) {
        hung.add(callback);
        hangTimer.schedule(() -> drop(callback), fault.hangFor().toMillis(), TimeUnit.MILLISECONDS);
      } else {
        reset(request.getConnectionMetaData().getConnection().getEndPoint());
        callback.failed(new IOException("connection reset by the fake"));
      }
      return true;
    }

    private void reset(EndPoint endPoint) throws IOException {
      EndPoint raw = endPoint;
      while (raw instanceof EndPoint.Wrapper wrapper) {
        raw = wrapper.unwrap();
      }
      if (raw instanceof SocketChannelEndPoint socket) {
        socket.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);   // close sends RST, not FIN
      }
      raw.close();
    }
  }
}
