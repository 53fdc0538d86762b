package io.tokensdk.dedupe.jdbc;

import io.tokensdk.server.DedupeWaiters;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One connection per store that {@code LISTEN}s on the table's channel and wakes the waiters of each key a completion
 * or release names. It reconnects with a bounded back-off when the connection breaks, and then wakes every waiter,
 * since notifications sent meanwhile were lost (a woken waiter claims again; it loses nothing).
 */
final class ChangeListener implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.tokensdk.dedupe.jdbc");
  private static final int POLL_MILLIS = 250;
  private static final long MAX_BACKOFF_MILLIS = 2_000;

  private final DataSource dataSource;
  private final String channel;
  private final DedupeWaiters waiters;
  private final Thread thread;
  private final CountDownLatch firstListen = new CountDownLatch(1);
  private volatile boolean closed;

  ChangeListener(DataSource dataSource, String channel, DedupeWaiters waiters) {
    this.dataSource = dataSource;
    this.channel = channel;
    this.waiters = waiters;
    this.thread = new Thread(this::run, "tokensdk-dedupe-listen-" + channel);
    this.thread.setDaemon(true);
  }

  /**
   * Starts listening; waits up to {@code bound} for the first {@code LISTEN}, so that no waiter registers before it.
   * Returns false when it is not listening yet (it keeps trying; waits are then bounded by lease and maxWait only).
   */
  boolean start(Duration bound) {
    thread.start();
    try {
      return firstListen.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void run() {
    long backoff = 50;
    while (!closed) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + channel);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        if (firstListen.getCount() == 0) {
          waiters.wakeAll();
        }
        firstListen.countDown();
        backoff = 50;
        while (!closed) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              waiters.wake(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.log(System.Logger.Level.WARNING, "dedupe listener on {0} lost its connection ({1}); reconnecting",
            channel, e.getClass().getName());
        waiters.wakeAll();
        pause(backoff);
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      }
    }
  }

  private void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
