package io.tokensdk.dedupe.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL of one dedupe table (PostgreSQL dialect). Every statement is a single atomic statement; times come from the
 * database clock ({@code clock_timestamp()}) so that instances with skewed clocks agree.
 */
final class DedupeTable {
  static final String DEFAULT_NAME = "tokensdk_dedupe";
  static final String DDL_RESOURCE = "tokensdk_dedupe.sql";
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,40}");
  private static final String MILLIS = " * INTERVAL '1 millisecond'";

  /** The row of a key that is not expired. */
  record Row(String fingerprint, byte[] response) {}

  private final String name;
  private final String channel;
  private final String claim;
  private final String read;
  private final String complete;
  private final String release;
  private final String leaseLeft;
  private final String purge;

  DedupeTable(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("table name must be a lower-case SQL identifier of at most 41 characters");
    }
    this.name = name;
    this.channel = name + "_changed";
    this.claim = "INSERT INTO " + name + " AS d (dedupe_key, fingerprint, claim_owner, response, expires_at)"
        + " VALUES (?, ?, ?, NULL, clock_timestamp() + ?" + MILLIS + ")"
        + " ON CONFLICT (dedupe_key) DO UPDATE"
        + " SET fingerprint = EXCLUDED.fingerprint, claim_owner = EXCLUDED.claim_owner, response = NULL,"
        + " expires_at = EXCLUDED.expires_at"
        + " WHERE d.expires_at <= clock_timestamp()"
        + " RETURNING d.dedupe_key";
    this.read = "SELECT fingerprint, response FROM " + name
        + " WHERE dedupe_key = ? AND expires_at > clock_timestamp()";
    this.complete = "WITH done AS (UPDATE " + name
        + " SET response = ?, expires_at = clock_timestamp() + ?" + MILLIS
        + " WHERE dedupe_key = ? AND claim_owner = ? AND response IS NULL RETURNING dedupe_key)"
        + " SELECT pg_notify('" + channel + "', dedupe_key) FROM done";
    this.release = "WITH gone AS (DELETE FROM " + name
        + " WHERE dedupe_key = ? AND claim_owner = ? AND response IS NULL"
        + " RETURNING dedupe_key) SELECT pg_notify('" + channel + "', dedupe_key) FROM gone";
    this.leaseLeft = "SELECT CAST(CEIL(EXTRACT(EPOCH FROM (expires_at - clock_timestamp())) * 1000) AS BIGINT) FROM "
        + name + " WHERE dedupe_key = ? AND response IS NULL AND expires_at > clock_timestamp()";
    this.purge = "DELETE FROM " + name + " WHERE dedupe_key IN (SELECT dedupe_key FROM " + name
        + " WHERE expires_at <= clock_timestamp() LIMIT ? FOR UPDATE SKIP LOCKED)";
  }

  /** The table's name. */
  String name() {
    return name;
  }

  /** The notification channel that completions and releases are announced on. */
  String channel() {
    return channel;
  }

  /** The DDL of the documented script, for this table's name. */
  List<String> ddl() {
    try (InputStream in = DedupeTable.class.getResourceAsStream(DDL_RESOURCE)) {
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(DEFAULT_NAME, name);
      return Arrays.stream(script.replaceAll("(?m)^--.*$", "").split(";"))
          .map(String::trim).filter(s -> !s.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : ddl()) {
        statement.execute(sql);
      }
    }
  }

  /** Takes the key if it is free or expired; true when taken. */
  boolean claim(Connection c, String key, String fingerprint, String owner, long leaseMillis, int timeout)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, claim, timeout)) {
      ps.setString(1, key);
      ps.setString(2, fingerprint);
      ps.setString(3, owner);
      ps.setLong(4, leaseMillis);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The key's live row, or null when it is absent or expired. */
  Row read(Connection c, String key, int timeout) throws SQLException {
    try (PreparedStatement ps = prepare(c, read, timeout)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Row(rs.getString(1), rs.getBytes(2)) : null;
      }
    }
  }

  /** Records the answer of the key while {@code owner} holds it in flight; true when recorded. */
  boolean complete(Connection c, String key, String owner, byte[] response, long retentionMillis, int timeout)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, complete, timeout)) {
      ps.setBytes(1, response);
      ps.setLong(2, retentionMillis);
      ps.setString(3, key);
      ps.setString(4, owner);
      return changedARow(ps);
    }
  }

  /** Deletes the key while {@code owner} holds it in flight; true when deleted. */
  boolean release(Connection c, String key, String owner, int timeout) throws SQLException {
    try (PreparedStatement ps = prepare(c, release, timeout)) {
      ps.setString(1, key);
      ps.setString(2, owner);
      return changedARow(ps);
    }
  }

  /** Runs a statement that selects one notification per changed row. */
  private static boolean changedARow(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /** The milliseconds left on the key's lease, or -1 when it is not in flight. */
  long leaseLeft(Connection c, String key, int timeout) throws SQLException {
    try (PreparedStatement ps = prepare(c, leaseLeft, timeout)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Math.max(0, rs.getLong(1)) : -1;
      }
    }
  }

  /** Deletes at most {@code limit} expired rows; returns how many. */
  int purge(Connection c, int limit, int timeout) throws SQLException {
    try (PreparedStatement ps = prepare(c, purge, timeout)) {
      ps.setInt(1, limit);
      return ps.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, int timeoutSeconds) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      ps.setQueryTimeout(timeoutSeconds);
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
