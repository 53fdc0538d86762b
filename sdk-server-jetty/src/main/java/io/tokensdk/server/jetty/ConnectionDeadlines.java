package io.tokensdk.server.jetty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The deadlines of a connection before a request reaches the dispatcher, kept on Jetty's scheduler so that no thread
 * waits on a slow peer:
 * <ul>
 *   <li>the TLS handshake must finish within {@code handshake} of the connection opening;</li>
 *   <li>a request head (request line and headers) must be complete within {@code head} of its first byte; the check
 *       runs every half deadline, so a trickling peer is closed between one and one and a half deadlines after it
 *       started. Jetty's idle timeout, which any single byte resets, cannot catch such a peer.</li>
 * </ul>
 * A connection past a deadline is closed without an answer: its request could not even be read.
 */
final class ConnectionDeadlines implements Connection.Listener, SslHandshakeListener {
  private static final System.Logger LOG = System.getLogger("io.tokensdk.server.jetty");
  private final Scheduler scheduler;
  private final Duration handshake;
  private final Duration head;
  private final Map<SSLEngine, Scheduler.Task> handshakes = new ConcurrentHashMap<>();
  private final Map<Connection, HeadWatch> heads = new ConcurrentHashMap<>();

  ConnectionDeadlines(Scheduler scheduler, Duration handshake, Duration head) {
    this.scheduler = scheduler;
    this.handshake = handshake;
    this.head = head;
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof SslConnection ssl) {
      SSLEngine engine = ssl.getSSLEngine();
      handshakes.put(engine, scheduler.schedule(() -> {
        if (handshakes.remove(engine) != null) {
          LOG.log(System.Logger.Level.DEBUG, "TLS handshake from {0} not finished within {1}: closed",
              ssl.getEndPoint().getRemoteSocketAddress(), handshake);
          ssl.getEndPoint().close();
        }
      }, handshake));
    } else if (connection.getBytesIn() >= 0) {
      HeadWatch watch = new HeadWatch(connection);
      heads.put(connection, watch);
      watch.arm();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    if (connection instanceof SslConnection ssl) {
      cancel(handshakes.remove(ssl.getSSLEngine()));
    } else {
      HeadWatch watch = heads.remove(connection);
      if (watch != null) {
        watch.closed = true;
      }
    }
  }

  @Override
  public void handshakeSucceeded(Event event) {
    cancel(handshakes.remove(event.getSSLEngine()));
  }

  @Override
  public void handshakeFailed(Event event, Throwable failure) {
    cancel(handshakes.remove(event.getSSLEngine()));
  }

  /** A request head on {@code connection} is complete: its handler owns the time now. */
  void requestStarted(Connection connection) {
    HeadWatch watch = heads.get(connection);
    if (watch != null) {
      watch.requestStarted();
    }
  }

  /** The answer on {@code connection} is complete: a next request head may start. */
  void requestEnded(Connection connection) {
    HeadWatch watch = heads.get(connection);
    if (watch != null) {
      watch.requestEnded();
    }
  }

  private static void cancel(Scheduler.Task task) {
    if (task != null) {
      task.cancel();
    }
  }

  /** Watches one connection for a request head that takes too long. */
  private final class HeadWatch implements Runnable {
    private final Connection connection;
    private volatile boolean inRequest;
    private volatile boolean closed;
    private volatile long bytesWhenIdle;
    private long pendingSince = -1;

    HeadWatch(Connection connection) {
      this.connection = connection;
    }

    void arm() {
      if (!closed) {
        scheduler.schedule(this, head.dividedBy(2));
      }
    }

    void requestStarted() {
      inRequest = true;
    }

    void requestEnded() {
      bytesWhenIdle = connection.getBytesIn();
      inRequest = false;
    }

    @Override
    public void run() {
      if (closed) {
        return;
      }
      boolean headArriving = !inRequest && connection.getBytesIn() > bytesWhenIdle;
      if (!headArriving) {
        pendingSince = -1;
      } else if (pendingSince < 0) {
        pendingSince = System.nanoTime();
      } else if (System.nanoTime() - pendingSince >= head.toNanos()) {
        // it started at most half a deadline before it was first seen
        LOG.log(System.Logger.Level.DEBUG, "request head from {0} not complete within {1}: closed",
            connection.getEndPoint().getRemoteSocketAddress(), head);
        connection.getEndPoint().close();
        return;
      }
      arm();
    }
  }
}
