package io.tokensdk.server;

import io.tokensdk.server.servlet.TokenSdkServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A dispatcher served by {@link TokenSdkServlet} in a real Jetty servlet container on loopback, for the tests of this
 * module (the embedded host lives in sdk-server-jetty, which depends on this module).
 */
final class ServletHost implements AutoCloseable {
  private final Server jetty;
  private final ServerConnector connector;
  private final String contextPath;

  private ServletHost(Server jetty, ServerConnector connector, String contextPath) {
    this.jetty = jetty;
    this.connector = connector;
    this.contextPath = contextPath;
  }

  /** Serves {@code dispatcher} on a free loopback port, at the root. */
  static ServletHost start(TokenSdkDispatcher dispatcher) {
    return start(dispatcher, "/");
  }

  /** Serves {@code dispatcher} on a free loopback port, under {@code contextPath}. */
  static ServletHost start(TokenSdkDispatcher dispatcher, String contextPath) {
    Server jetty = new Server();
    HttpConfiguration http = new HttpConfiguration();
    // the dispatcher decodes path segments itself, so an encoded slash in a path value (a token id) is no ambiguity
    http.setUriCompliance(UriCompliance.DEFAULT.with("TOKENSDK", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(contextPath);
    context.getServletHandler().setDecodeAmbiguousURIs(true);
    context.addServlet(new ServletHolder(new TokenSdkServlet(dispatcher)), "/*");
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Jetty", e);
    }
    return new ServletHost(jetty, connector, contextPath);
  }

  /** The bound port. */
  int port() {
    return connector.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port>}, followed by the context path unless it is the root. */
  String url() {
    return "http://127.0.0.1:" + port() + (contextPath.equals("/") ? "" : contextPath);
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop Jetty", e);
    }
  }
}
