package io.tokensdk.dedupe.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.server.DedupeStore.Claim.State;
import io.tokensdk.server.DedupeStoreException;
import io.tokensdk.server.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What only the JDBC store has: its table, its DDL and its bounded purge, on a real PostgreSQL. */
class JdbcDedupeStoreTest {
  private static final Duration LEASE = Duration.ofMinutes(5);
  private final DataSource database = Postgres.shared();

  @Test
  void thePurgeDeletesExpiredRowsOneBoundedBatchAtATime() throws Exception {
    String table = "purge_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (JdbcDedupeStore store = JdbcDedupeStore.builder(database).table(table).createTable(true)
        .retention(Duration.ofMillis(1)).purgeBatch(2).purgeInterval(Duration.ofHours(1)).build()) {
      for (int i = 0; i < 5; i++) {
        store.claim("k" + i, "f", "o1", LEASE);
        store.complete("k" + i, "o1", ServerResponse.empty(204));
      }
      store.claim("in-flight", "f", "o1", LEASE);
      awaitExpired(table, 5);
      assertEquals(2, store.purgeExpired());
      assertEquals(2, store.purgeExpired());
      assertEquals(1, store.purgeExpired());
      assertEquals(0, store.purgeExpired());
      assertEquals(1, rows(table), "the claim in flight, inside its lease, stays");
      assertEquals(State.IN_PROGRESS, store.claim("in-flight", "f", "o1", LEASE).state());
    }
  }

  @Test
  void createTableRunsTheDocumentedScriptForTheConfiguredName() throws Exception {
    String table = "ddl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (JdbcDedupeStore store = JdbcDedupeStore.builder(database).table(table).createTable(true).build();
        JdbcDedupeStore again = JdbcDedupeStore.builder(database).table(table).createTable(true).build()) {
      assertEquals(State.ACQUIRED, store.claim("a", "f", "o1", LEASE).state());
      assertEquals(State.IN_PROGRESS, again.claim("a", "f", "o1", LEASE).state());
    }
    assertEquals(1, rows(table));
    assertTrue(JdbcDedupeStore.ddl(table).get(0).startsWith("CREATE TABLE IF NOT EXISTS " + table + " ("));
  }

  @Test
  void theReadmeShowsTheScriptThatCreateTableRuns() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    for (String statement : JdbcDedupeStore.ddl("tokensdk_dedupe")) {
      for (String line : statement.split("\n")) {
        assertTrue(readme.contains(line.trim()), () -> "README lacks: " + line.trim());
      }
    }
  }

  @Test
  void aTableNameThatIsNotAPlainIdentifierIsRefused() {
    for (String bad : new String[] {"x; DROP TABLE users", "public.t", "T", "", "a-b", "x".repeat(42)}) {
      assertThrows(IllegalArgumentException.class, () -> JdbcDedupeStore.builder(database).table(bad), bad);
    }
  }

  @Test
  void withoutTheTableTheStoreFailsTypedAndSaysSo() throws Exception {
    try (JdbcDedupeStore store = JdbcDedupeStore.builder(database).table("never_created").build()) {
      DedupeStoreException e = assertThrows(DedupeStoreException.class, () -> store.claim("a", "f", "o1", LEASE));
      assertTrue(e.getMessage().contains("42P01"), e::getMessage); // undefined_table
    }
  }

  @Test
  void badArgumentsAreNamed() {
    assertEquals("dataSource", assertThrows(NullPointerException.class, () -> JdbcDedupeStore.builder(null))
        .getMessage());
    assertThrows(IllegalArgumentException.class, () -> JdbcDedupeStore.builder(database).retention(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> JdbcDedupeStore.builder(database).purgeBatch(0));
    try (JdbcDedupeStore store = JdbcDedupeStore.builder(database).createTable(true).build()) {
      assertEquals("key", assertThrows(NullPointerException.class, () -> store.claim(null, "f", "o1", LEASE)).getMessage());
      assertEquals("fingerprint", assertThrows(NullPointerException.class, () -> store.claim("k", null, "o1", LEASE))
          .getMessage());
      assertThrows(IllegalArgumentException.class, () -> store.claim("k".repeat(1001), "f", "o1", LEASE));
    }
  }

  private void awaitExpired(String table, int wanted) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (count(table, " WHERE expires_at <= clock_timestamp()") < wanted && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private int rows(String table) throws Exception {
    return count(table, "");
  }

  private int count(String table, String where) throws Exception {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table + where)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
