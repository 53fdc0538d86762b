package io.tokensdk.dedupe.jdbc;

import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.ServerResponse;
import io.tokensdk.server.dedupe.DedupeStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;

/** The JDBC store keeps the dedupe contract on a real PostgreSQL. */
class JdbcDedupeStoreContractTest extends DedupeStoreContract {
  @Override
  protected DedupeStore newStore(Duration retention) {
    return JdbcDedupeStore.builder(Postgres.shared()).createTable(true).retention(retention).build();
  }

  @Override
  protected DedupeStore storeWhoseEngineIsDown() throws Exception {
    EmbeddedPostgres own = Postgres.start();
    JdbcDedupeStore store = JdbcDedupeStore.builder(own.getPostgresDatabase()).createTable(true)
        .statementTimeout(Duration.ofSeconds(2)).build();
    store.claim("warm-up", "f", "o1", Duration.ofSeconds(1));
    store.complete("warm-up", "o1", ServerResponse.empty(204));
    own.close();
    return store;
  }
}
