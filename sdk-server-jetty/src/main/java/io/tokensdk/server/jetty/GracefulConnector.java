package io.tokensdk.server.jetty;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty's server connector, except that a graceful stop shortens the idle timeout (to the shutdown idle timeout) only
 * of the connections that carry no request, so that idle keep-alive connections are closed at once.
 * <p>Jetty shortens it on every connection. On one whose handler is still running, Jetty's idle check then fires every
 * shutdown idle timeout, counting the handler's time as the peer's silence; when a check meets the handler's answer
 * while it is being written, Jetty fails the write as timed out and closes the connection: the caller of a handler that
 * ran gets no answer. Here such a connection keeps its idle timeout until its answer is complete, and the stop grace
 * bounds it instead.
 */
final class GracefulConnector extends ServerConnector {
  private final Predicate<Connection> carriesRequest;

  GracefulConnector(Server server, Predicate<Connection> carriesRequest, ConnectionFactory... factories) {
    super(server, factories);
    this.carriesRequest = carriesRequest;
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    CompletableFuture<Void> done = super.shutdown();
    // Jetty shuts the handlers down before the connectors, so a request that begins after this look finds the
    // dispatcher stopping and is answered at once, within the short timeout it got
    for (EndPoint endPoint : getConnectedEndPoints()) {
      if (carriesRequest.test(httpConnection(endPoint))) {
        endPoint.setIdleTimeout(getIdleTimeout());
      }
    }
    return done;
  }

  /**
   * The request on {@code connection} has been answered in full: once the stop has begun, the connection gets the
   * short timeout too, so that it is closed soon after the answer even if the peer keeps it open.
   */
  void requestEnded(Connection connection) {
    if (isShutdown()) {
      connection.getEndPoint().setIdleTimeout(getShutdownIdleTimeout());
    }
  }

  private static Connection httpConnection(EndPoint endPoint) {
    Connection connection = endPoint.getConnection();
    return connection instanceof SslConnection tls ? tls.getSslEndPoint().getConnection() : connection;
  }
}
