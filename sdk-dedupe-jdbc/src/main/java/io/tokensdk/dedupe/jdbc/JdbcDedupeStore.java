package io.tokensdk.dedupe.jdbc;

import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.DedupeStoreException;
import io.tokensdk.server.DedupeWaiters;
import io.tokensdk.server.ServerResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A {@link DedupeStore} shared by every server instance that uses the same PostgreSQL database, through any JDBC
 * {@link DataSource} (HikariCP or the application's own pool).
 *
 * <p>One table (the DDL is the resource {@code io/tokensdk/dedupe/jdbc/tokensdk_dedupe.sql}; {@link Builder#createTable}
 * runs it at start). A claim is one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE expired} statement, so two
 * instances can never both acquire a key. Answers are kept for the retention (24 h by default) and a bounded purge
 * deletes expired rows in the background. Duplicates wait through PostgreSQL {@code LISTEN/NOTIFY}: the store holds
 * one connection of the data source for listening, whatever the number of waiters.
 *
 * <p>When the database cannot be reached, {@link #claim}, {@link #complete} and {@link #release} throw
 * {@link DedupeStoreException}. Thread-safe; {@link #close} stops the listener and the purge.
 */
public final class JdbcDedupeStore implements DedupeStore, AutoCloseable {
  /** The default retention of answers: 24 hours, longer than the senders' retry schedules. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
  private static final System.Logger LOG = System.getLogger("io.tokensdk.dedupe.jdbc");
  private static final int MAX_KEY_LENGTH = 1_000;
  private static final int CLAIM_ATTEMPTS = 5;
  private static final long LEASE_MARGIN_MILLIS = 20;

  private final DataSource dataSource;
  private final DedupeTable table;
  private final long retentionMillis;
  private final int timeoutSeconds;
  private final int purgeBatch;
  private final DedupeWaiters waiters = new DedupeWaiters();
  private final ChangeListener listener;
  private final ScheduledExecutorService purger;

  private JdbcDedupeStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.table = new DedupeTable(builder.table);
    this.retentionMillis = builder.retention.toMillis();
    this.timeoutSeconds = (int) Math.max(1, builder.statementTimeout.toSeconds());
    this.purgeBatch = builder.purgeBatch;
    if (builder.createTable) {
      createTable();
    }
    this.listener = new ChangeListener(dataSource, table.channel(), waiters);
    if (!listener.start(Duration.ofSeconds(timeoutSeconds))) {
      LOG.log(System.Logger.Level.WARNING, "dedupe listener on {0} is not connected yet; it keeps trying",
          table.channel());
    }
    this.purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "tokensdk-dedupe-purge-" + table.name());
      thread.setDaemon(true);
      return thread;
    });
    long every = builder.purgeInterval.toMillis();
    purger.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /** A builder for a store on {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The DDL of the table named {@code table}, statement by statement, as {@link Builder#createTable} runs it. */
  public static java.util.List<String> ddl(String table) {
    return new DedupeTable(table).ddl();
  }

  @Override
  public Claim claim(String key, String fingerprint, String owner, Duration lease) {
    checkKey(key);
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(owner, "owner");
    long leaseMillis = Math.max(1, Objects.requireNonNull(lease, "lease").toMillis());
    try (Connection connection = connection()) {
      for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        if (table.claim(connection, key, fingerprint, owner, leaseMillis, timeoutSeconds)) {
          return Claim.acquired();
        }
        DedupeTable.Row row = table.read(connection, key, timeoutSeconds);
        if (row != null) {
          if (!row.fingerprint().equals(fingerprint)) {
            return Claim.conflict();
          }
          return row.response() == null ? Claim.inProgress() : Claim.done(decode(row.response()));
        }
        // released or expired between the two statements: claim again
      }
      throw new DedupeStoreException("dedupe store: the claim did not settle after " + CLAIM_ATTEMPTS + " attempts");
    } catch (SQLException e) {
      throw failure("claim", e);
    }
  }

  @Override
  public boolean complete(String key, String owner, ServerResponse response) {
    checkKey(key);
    Objects.requireNonNull(owner, "owner");
    byte[] encoded = Objects.requireNonNull(response, "response").encode();
    try (Connection connection = connection()) {
      return table.complete(connection, key, owner, encoded, retentionMillis, timeoutSeconds);
    } catch (SQLException e) {
      throw failure("complete", e);
    }
  }

  @Override
  public boolean release(String key, String owner) {
    checkKey(key);
    Objects.requireNonNull(owner, "owner");
    try (Connection connection = connection()) {
      return table.release(connection, key, owner, timeoutSeconds);
    } catch (SQLException e) {
      throw failure("release", e);
    }
  }

  @Override
  public CompletableFuture<Void> awaitChange(String key, Duration maxWait) {
    checkKey(key);
    CompletableFuture<Void> changed = waiters.register(key, Objects.requireNonNull(maxWait, "maxWait"));
    long leaseLeft;
    try (Connection connection = connection()) {
      leaseLeft = table.leaseLeft(connection, key, timeoutSeconds);
    } catch (SQLException e) {
      leaseLeft = -1; // the caller's next claim reports the failure
    }
    if (leaseLeft < 0) {
      changed.complete(null);
    } else {
      changed.completeOnTimeout(null, leaseLeft + LEASE_MARGIN_MILLIS, TimeUnit.MILLISECONDS);
    }
    return changed;
  }

  /**
   * Deletes at most one batch of expired rows (answers past their retention, claims past their lease); the background
   * purge calls it every purge interval. Returns how many rows it deleted.
   *
   * @throws DedupeStoreException when the database cannot be reached
   */
  public int purgeExpired() {
    try (Connection connection = connection()) {
      return table.purge(connection, purgeBatch, timeoutSeconds);
    } catch (SQLException e) {
      throw failure("purge", e);
    }
  }

  /** Stops the listener and the purge; the data source stays open (it is the application's). */
  @Override
  public void close() {
    purger.shutdownNow();
    listener.close();
    waiters.wakeAll();
  }

  private void createTable() {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = connection()) {
        table.create(connection);
        return;
      } catch (SQLException e) {
        // two instances creating the table at once: one of them loses the race once, then finds it there
        if (attempt >= 2) {
          throw failure("create table", e);
        }
      }
    }
  }

  private void purgeQuietly() {
    try {
      purgeExpired();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "dedupe purge of {0} failed ({1}); retried next interval",
          table.name(), e.getClass().getName());
    }
  }

  private Connection connection() throws SQLException {
    Connection connection = dataSource.getConnection();
    if (!connection.getAutoCommit()) {
      connection.setAutoCommit(true);
    }
    return connection;
  }

  private static ServerResponse decode(byte[] encoded) {
    try {
      return ServerResponse.decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new DedupeStoreException("dedupe store: a stored answer cannot be read", e);
    }
  }

  private static void checkKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("dedupe key longer than " + MAX_KEY_LENGTH + " characters");
    }
  }

  /** The message names the operation and the SQL state, never the key or any request data. */
  private static DedupeStoreException failure(String operation, SQLException e) {
    return new DedupeStoreException("dedupe store unreachable or failing during " + operation + " (SQL state "
        + e.getSQLState() + ")", e);
  }

  /** Builds a {@link JdbcDedupeStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = DedupeTable.DEFAULT_NAME;
    private Duration retention = DEFAULT_RETENTION;
    private boolean createTable;
    private Duration purgeInterval = Duration.ofMinutes(1);
    private int purgeBatch = 1_000;
    private Duration statementTimeout = Duration.ofSeconds(5);

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The table's name (default {@code tokensdk_dedupe}): a lower-case SQL identifier. */
    public Builder table(String table) {
      new DedupeTable(Objects.requireNonNull(table, "table"));
      this.table = table;
      return this;
    }

    /** How long answers are kept for replay (default 24 h). */
    public Builder retention(Duration retention) {
      this.retention = positive(retention, "retention");
      return this;
    }

    /** Runs the DDL ({@code CREATE TABLE IF NOT EXISTS ...}) when the store is built (default off). */
    public Builder createTable(boolean createTable) {
      this.createTable = createTable;
      return this;
    }

    /** How often expired rows are purged (default 1 min). */
    public Builder purgeInterval(Duration interval) {
      this.purgeInterval = positive(interval, "purgeInterval");
      return this;
    }

    /** The most rows one purge deletes (default 1,000), so that a purge never holds the table long. */
    public Builder purgeBatch(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("purgeBatch must be positive");
      }
      this.purgeBatch = rows;
      return this;
    }

    /** The timeout of each statement, in whole seconds (default 5 s). */
    public Builder statementTimeout(Duration timeout) {
      this.statementTimeout = positive(timeout, "statementTimeout");
      return this;
    }

    /**
     * The store; it starts listening and purging.
     *
     * @throws DedupeStoreException when {@link #createTable} is on and the table cannot be created
     */
    public JdbcDedupeStore build() {
      return new JdbcDedupeStore(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be longer than zero");
      }
      return value;
    }
  }
}
